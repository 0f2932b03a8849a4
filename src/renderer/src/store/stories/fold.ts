import { create } from 'zustand'
import type { ArticleSummary } from '@shared/article'
import type { RowStory, StoryArticle } from '@shared/stories'

/**
 * "Group by story": the list folded to one row per story, the row's other articles shown under it
 * once it is expanded (docs/stories.md). The choice is remembered on this computer.
 */
export interface StoryFoldState {
  folded: boolean
  /** The story of each loaded row that has other articles, by article id. */
  rows: Record<string, RowStory>
  /** Expanded rows (by article id): the story's other articles, oldest first, once loaded. */
  expanded: Record<string, StoryArticle[] | 'loading'>
}

export const STORAGE_KEY = 'dateline.list.groupByStory'

function remembered(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'true'
  } catch {
    return false
  }
}

export const useStoryFold = create<StoryFoldState>()(() => ({
  folded: remembered(),
  rows: {},
  expanded: {},
}))

/** What the list's page request adds: nothing unless folded. */
export function storyFoldInput(): { foldStories?: true } {
  return useStoryFold.getState().folded ? { foldStories: true } : {}
}

/** Height of the list's row at `index` beyond the row itself: its expanded story's articles. */
export const FOLDED_MEMBER_HEIGHT = 44

export function expandedHeight(
  state: Pick<StoryFoldState, 'expanded'>,
  article: ArticleSummary | undefined,
): number {
  const shown = article ? state.expanded[article.id] : undefined
  if (shown === undefined) return 0
  return (shown === 'loading' ? 1 : Math.max(1, shown.length)) * FOLDED_MEMBER_HEIGHT + 8
}
