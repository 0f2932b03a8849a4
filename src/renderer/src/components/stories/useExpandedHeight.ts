import { useCallback } from 'react'
import type { ArticleSummary } from '@shared/article'
import { articleAt } from '@renderer/store/library/selectors'
import { expandedHeight, useStoryFold } from '@renderer/store/stories/fold'

/** The room under each row of the list for its expanded story's articles (0 for most rows). */
export function useExpandedHeight(
  pages: Record<number, readonly ArticleSummary[]>,
): (index: number) => number {
  const expanded = useStoryFold((state) => state.expanded)
  return useCallback(
    (index: number) => expandedHeight({ expanded }, articleAt({ pages }, index)),
    [expanded, pages],
  )
}
