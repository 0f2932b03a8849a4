import { create } from 'zustand'
import type { CountryCount, RetagStatus } from '@shared/countries'

export type CountrySort = 'count' | 'name'

export interface CountriesState {
  /**
   * Every country with its articles under the list's filters (state, dates, groups; not the
   * country itself), for the Countries view and the map. Null until first loaded.
   */
  counts: readonly CountryCount[] | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  sort: CountrySort
  /** What the person typed in the Countries view's search box. */
  search: string
  /** The last word from re-tagging the library, while it runs and after. */
  retag: RetagStatus | null
}

export const useCountries = create<CountriesState>()(() => ({
  counts: null,
  status: 'idle',
  sort: 'count',
  search: '',
  retag: null,
}))
