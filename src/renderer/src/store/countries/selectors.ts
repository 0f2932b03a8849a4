import type { CountryCount } from '@shared/countries'
import type { CountriesState } from './store'

/** Folded for matching: "cote" finds Côte d'Ivoire, "turkiye" Türkiye. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')
}

/**
 * The Countries view's rows: those with articles, or, while searching, every country whose name
 * or code matches (so one can find a country with nothing saved yet), in the chosen order.
 */
export function visibleCountries(state: Pick<CountriesState, 'counts' | 'sort' | 'search'>): CountryCount[] {
  const query = fold(state.search.trim())
  const rows = (state.counts ?? []).filter((country) =>
    query === ''
      ? country.articles > 0
      : fold(country.name).includes(query) || country.code.toLowerCase() === query,
  )
  return state.sort === 'name'
    ? [...rows].sort((a, b) => a.name.localeCompare(b.name, 'en'))
    : [...rows].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, 'en'))
}

/** The most articles any one country has: the top of the map's scale. */
export function largestCount(state: CountriesState): number {
  return Math.max(0, ...(state.counts ?? []).map((country) => country.articles))
}
