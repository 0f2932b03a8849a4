import type { ArticleSummary } from '@shared/article'
import type { CountryEditRole } from '@shared/countries'
import { api } from '@renderer/api'
import { patchLoaded } from '../library/article-actions'
import { setFacet } from '../library/list-actions'
import { useLibrary, type LibraryState } from '../library/store'
import { reportError, showArticles, showToast } from '../ui/actions'
import { useUi } from '../ui/store'
import { useCountries, type CountrySort } from './store'

/** Counts a request, so an answer for filters the person already left is ignored. */
let generation = 0
let refreshTimer: ReturnType<typeof setTimeout> | null = null

/** The list's filters that also narrow the countries' counts (all of them but the country). */
function countedFilters(): Record<string, unknown> {
  const { filter, facets } = useLibrary.getState()
  const { country: _country, ...others } = facets
  return { state: filter, ...others }
}

export async function loadCountries(): Promise<void> {
  const request = ++generation
  useCountries.setState((state) => ({ status: state.counts === null ? 'loading' : state.status }))
  try {
    const { countries } = await api.invoke('countries.list', { ...countedFilters(), includeEmpty: true })
    if (request === generation) useCountries.setState({ counts: countries, status: 'ready' })
  } catch (error) {
    if (request !== generation) return
    useCountries.setState({ status: 'error' })
    reportError(error)
  }
}

function countriesShown(): boolean {
  const { kind } = useUi.getState().view
  return kind === 'countries' || kind === 'map'
}

/** After the library changed: the counts again, soon, if a view shows them (else when one opens). */
function scheduleCountriesRefresh(): void {
  if (!countriesShown()) {
    useCountries.setState({ counts: null, status: 'idle' })
    return
  }
  if (refreshTimer !== null) clearTimeout(refreshTimer)
  refreshTimer = setTimeout(() => {
    refreshTimer = null
    void loadCountries()
  }, 250)
}

export function setCountrySort(sort: CountrySort): void {
  useCountries.setState({ sort })
}

export function setCountrySearch(search: string): void {
  useCountries.setState({ search })
}

/** The list of one country's articles, the other filters kept. */
export function showCountry(code: string, name: string): void {
  setFacet('country', code, name)
  showArticles()
}

function withCountries(state: LibraryState, updated: ArticleSummary): Partial<LibraryState> {
  return patchLoaded(state, new Map([[updated.id, { countries: updated.countries }]]))
}

const DONE: Record<CountryEditRole, string> = {
  primary: 'is now a main country of this article',
  mentioned: 'is now a country of this article',
  removed: 'was removed from this article',
}

/**
 * The person's correction of one country of an article: shown at once from the answer, kept through
 * re-tagging, and undoable from the toast (back to the role it had).
 */
export async function editArticleCountry(
  id: string,
  code: string,
  name: string,
  role: CountryEditRole,
  previous: CountryEditRole | null = null,
): Promise<void> {
  try {
    const updated = await api.invoke('countries.edit', { id, edits: [{ code, role }] })
    useLibrary.setState((state) => withCountries(state, updated))
    const undo = previous === null ? (role === 'removed' ? null : 'removed') : previous
    showToast(
      `${name} ${DONE[role]}.`,
      undo === null
        ? null
        : {
            label: 'Undo',
            testId: 'country-edit-undo',
            run: () => void editArticleCountry(id, code, name, undo, role),
          },
    )
  } catch (error) {
    reportError(error)
  }
}

export async function startRetag(): Promise<void> {
  try {
    useCountries.setState({ retag: await api.invoke('countries.retag', {}) })
  } catch (error) {
    reportError(error)
  }
}

let started = false

/** Wires the countries' events; once per window (from startStores). */
export function startCountries(): void {
  if (started) return
  started = true
  api.on('countries.retagProgress', (retag) => useCountries.setState({ retag }))
  api.on('library.changed', () => scheduleCountriesRefresh())
  void api
    .invoke('countries.retagStatus', {})
    .then((retag) => useCountries.setState({ retag: retag.startedAt === null ? null : retag }))
    .catch(() => undefined)
}
