import { create } from 'zustand'
import type { SearchHit } from '@shared/contract'

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

export interface SearchState {
  /** The search box above the list; while it has words, the list pane shows its results. */
  list: SearchResults
  /** The command palette (Ctrl/⌘ K): its own words and results, gone when it closes. */
  palette: SearchResults
  paletteOpen: boolean
}

export type SearchTarget = 'list' | 'palette'

export const useSearch = create<SearchState>()(() => ({
  list: NO_RESULTS,
  palette: NO_RESULTS,
  paletteOpen: false,
}))
