import { useCallback } from 'react'
import type { ArticleSummary } from '@shared/article'
import { articleAt } from '@renderer/store/library/selectors'
import { expandedHeight, storyLineHeight, useStoryFold } from '@renderer/store/stories/fold'

/**
 * The room each row of the list takes beyond ROW_HEIGHT (0 for most rows): the line of its story's
 * chips, and its expanded story's articles under it.
 */
export function useExpandedHeight(
  pages: Record<number, readonly ArticleSummary[]>,
): (index: number) => number {
  const expanded = useStoryFold((state) => state.expanded)
  const folded = useStoryFold((state) => state.folded)
  const rows = useStoryFold((state) => state.rows)
  return useCallback(
    (index: number) => {
      const article = articleAt({ pages }, index)
      return storyLineHeight({ folded, rows }, article) + expandedHeight({ expanded }, article)
    },
    [expanded, folded, rows, pages],
  )
}

/** How much taller than ROW_HEIGHT the row of this article is itself (its story's line). */
export function useStoryLineHeight(article: ArticleSummary | undefined): number {
  return useStoryFold((state) => storyLineHeight(state, article))
}
