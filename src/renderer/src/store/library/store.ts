import { create } from 'zustand'
import type { Article, ArticleSummary } from '@shared/article'
import type { ArticleFilter, ArticleStateFilter, SidebarCounts, StateCounts } from '@shared/contract'

export type ListFilter = ArticleStateFilter

/**
 * The filters besides the state that narrow the list and the search, combinable: a country, a
 * correspondent, a collection, a feed, a site, a date range. Each feature sets its own with
 * `setFacet` and its chip shows the label given then.
 */
export type ListFacets = Partial<
  Pick<ArticleFilter, 'country' | 'correspondent' | 'collection' | 'feed' | 'site' | 'from' | 'to'>
>
export type FacetName = keyof ListFacets

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
  facets: ListFacets
  /** What each facet's chip says (a country's name for its code, a feed's title for its id). */
  facetLabels: Partial<Record<FacetName, string>>
  /** Articles matching the filter, whether or not their page is loaded. */
  total: number
  /**
   * Loaded pages of the list by page number. Only pages near what is on screen are kept, so a
   * library of 100,000 articles costs a few thousand summaries in memory.
   */
  pages: Readonly<Record<number, readonly ArticleSummary[]>>
  counts: LibraryCounts | null
  /** Every group's counts (countries, collections, feeds, …), from the same call as the list page. */
  sidebarCounts: SidebarCounts | null
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
  facets: {},
  facetLabels: {},
  total: 0,
  pages: {},
  counts: null,
  sidebarCounts: null,
  selectedIndex: null,
  selectedId: null,
  article: null,
  articleLoading: false,
}))
