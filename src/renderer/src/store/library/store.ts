import { create } from 'zustand'
import type { Article, ArticleSummary } from '@shared/article'
import type { ArticleStateFilter, StateCounts } from '@shared/contract'

export type ListFilter = ArticleStateFilter

/** The sidebar's numbers; `all` is the default list (not archived). */
export interface LibraryCounts {
  all: number
  unread: number
  starred: number
  archived: number
}

export function libraryCountsOf(counts: StateCounts): LibraryCounts {
  return { all: counts.articles, unread: counts.unread, starred: counts.starred, archived: counts.archived }
}

export interface LibraryState {
  /** 'error' only when the library could not be read at all; later failures go to the banner. */
  status: 'loading' | 'ready' | 'error'
  filter: ListFilter
  /** Articles matching the filter, whether or not their page is loaded. */
  total: number
  /**
   * Loaded pages of the list by page number. Only pages near what is on screen are kept, so a
   * library of 100,000 articles costs a few thousand summaries in memory.
   */
  pages: Readonly<Record<number, readonly ArticleSummary[]>>
  counts: LibraryCounts | null
  selectedIndex: number | null
  selectedId: string | null
  /** The article in the reader; it may lag the selection while the next one loads. */
  article: Article | null
  articleLoading: boolean
}

export const PAGE_SIZE = 100

export const useLibrary = create<LibraryState>()(() => ({
  status: 'loading',
  filter: 'all',
  total: 0,
  pages: {},
  counts: null,
  selectedIndex: null,
  selectedId: null,
  article: null,
  articleLoading: false,
}))
