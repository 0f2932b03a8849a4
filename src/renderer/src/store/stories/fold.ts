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

/**
 * A story's row puts its chips on a line of their own under the site and the date (stories.css),
 * so the row is this much taller: beside two country chips and the date, the chips left the site
 * two letters ("elpai…") and pushed the date out of the row.
 */
export const STORY_LINE_HEIGHT = 20

/** The extra line of a folded row whose article has a story of two or more (0 for the others). */
export function storyLineHeight(
  state: Pick<StoryFoldState, 'folded' | 'rows'>,
  article: ArticleSummary | undefined,
): number {
  return state.folded && article && state.rows[article.id] ? STORY_LINE_HEIGHT : 0
}

export function expandedHeight(
  state: Pick<StoryFoldState, 'expanded'>,
  article: ArticleSummary | undefined,
): number {
  const shown = article ? state.expanded[article.id] : undefined
  if (shown === undefined) return 0
  return (shown === 'loading' ? 1 : Math.max(1, shown.length)) * FOLDED_MEMBER_HEIGHT + 8
}
