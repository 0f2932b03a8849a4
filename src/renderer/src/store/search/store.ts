import { create } from 'zustand'
import type { ArticleStateFilter, SearchHit } from '@shared/contract'
import type { FilterSuggestion } from '@shared/search'
import type { FacetName, ListFacets } from '@renderer/store/library/store'

/** One search as the window shows it: what was typed and what was found. */
export interface SearchResults {
  query: string
  status: 'idle' | 'searching' | 'ready' | 'error'
  hits: readonly SearchHit[]
  total: number
  /** The total is "at least": the words are too common to count every match quickly. */
  totalIsLowerBound: boolean
  notice: string | null
  /** The result the arrow keys are on, or null. */
  activeIndex: number | null
}

export const NO_RESULTS: SearchResults = {
  query: '',
  status: 'idle',
  hits: [],
  total: 0,
  totalIsLowerBound: false,
  notice: null,
  activeIndex: null,
}

/** The palette's own filters, shown as chips in it: a state and facets, as the list has. */
export interface PaletteFilters {
  state: ArticleStateFilter
  facets: ListFacets
  labels: Partial<Record<FacetName, string>>
  /** The order the chips were added in: Backspace in an empty field takes off the last. */
  order: (FacetName | 'state')[]
}

export const NO_PALETTE_FILTERS: PaletteFilters = { state: 'all', facets: {}, labels: {}, order: [] }

export interface SearchState {
  /** The search box above the list; while it has words, the list pane shows its results. */
  list: SearchResults
  /** The command palette (Ctrl/⌘ K): its own words and results, gone when it closes. */
  palette: SearchResults
  paletteOpen: boolean
  paletteFilters: PaletteFilters
  /** Filters whose names match the palette's words, offered as chips to add. */
  paletteSuggestions: readonly FilterSuggestion[]
}

export type SearchTarget = 'list' | 'palette'

export const useSearch = create<SearchState>()(() => ({
  list: NO_RESULTS,
  palette: NO_RESULTS,
  paletteOpen: false,
  paletteFilters: NO_PALETTE_FILTERS,
  paletteSuggestions: [],
}))
