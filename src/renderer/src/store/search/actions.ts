import { api } from '@renderer/api'
import { openArticle } from '@renderer/store/library/article-actions'
import { useLibrary } from '@renderer/store/library/store'
import { reportError } from '@renderer/store/ui/actions'
import type { FacetName, ListFacets } from '@renderer/store/library/store'
import type { ArticleStateFilter } from '@shared/contract'
import type { FilterSuggestion } from '@shared/search'
import {
  NO_PALETTE_FILTERS,
  NO_RESULTS,
  useSearch,
  type PaletteFilters,
  type SearchResults,
  type SearchTarget,
} from './store'

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 120
const PAGE = { list: 30, palette: 8 } as const

const timers: Partial<Record<SearchTarget, ReturnType<typeof setTimeout>>> = {}
/** Bumped per request; an answer to an older one (typing went on) is dropped. */
const generations: Record<SearchTarget, number> = { list: 0, palette: 0 }

function patch(target: SearchTarget, change: Partial<SearchResults>): void {
  useSearch.setState((state) => ({ [target]: { ...state[target], ...change } }))
}

/** What the person typed; the search runs once they pause. */
export function setSearchQuery(target: SearchTarget, query: string): void {
  clearTimeout(timers[target])
  generations[target]++
  if (target === 'palette') suggestFilters(query)
  if (query.trim() === '' && !(target === 'palette' && hasPaletteFilters())) {
    useSearch.setState({ [target]: NO_RESULTS })
    return
  }
  patch(target, { query, status: 'searching', activeIndex: null })
  timers[target] = setTimeout(() => void runSearch(target, 0), SEARCH_DEBOUNCE_MS)
}

/** Runs the search again (the filter chips changed, or the library did). */
export function refreshSearch(target: SearchTarget): void {
  if (useSearch.getState()[target].query.trim() === '' && !(target === 'palette' && hasPaletteFilters()))
    return
  generations[target]++
  void runSearch(target, 0)
}

export function showMoreResults(): void {
  void runSearch('list', useSearch.getState().list.hits.length)
}

async function runSearch(target: SearchTarget, offset: number): Promise<void> {
  const generation = ++generations[target]
  const { query } = useSearch.getState()[target]
  // The list's search keeps the state chosen in the sidebar, shown as a chip; the palette looks
  // everywhere, or within its own chips.
  const library = useLibrary.getState()
  const { paletteFilters } = useSearch.getState()
  const within =
    target === 'list'
      ? { state: library.filter, ...library.facets }
      : { state: paletteFilters.state, ...paletteFilters.facets }
  try {
    const page =
      query.trim() === ''
        ? await newestWithin(within, offset, PAGE[target])
        : await api.invoke('articles.search', { query, ...within, offset, limit: PAGE[target] })
    if (generation !== generations[target]) return
    const earlier = offset > 0 ? useSearch.getState()[target].hits : []
    patch(target, {
      status: 'ready',
      hits: [...earlier, ...page.items],
      total: page.total,
      totalIsLowerBound: page.totalIsLowerBound,
      notice: page.notice,
    })
  } catch (error) {
    if (generation !== generations[target]) return
    patch(target, { status: 'error' })
    reportError(error)
  }
}

/** Chips and no words: the newest articles within the chips, as results without marks. */
async function newestWithin(
  within: { state: ArticleStateFilter } & ListFacets,
  offset: number,
  limit: number,
): Promise<{ total: number; totalIsLowerBound: boolean; items: SearchResults['hits']; notice: null }> {
  const page = await api.invoke('articles.list', { ...within, offset, limit })
  return {
    total: page.total,
    totalIsLowerBound: false,
    items: page.items.map((article) => ({
      article,
      match: {
        title: { text: article.title, highlights: [] },
        snippet: { text: article.excerpt, highlights: [] },
      },
    })),
    notice: null,
  }
}

function hasPaletteFilters(): boolean {
  return useSearch.getState().paletteFilters.order.length > 0
}

let suggestionTimer: ReturnType<typeof setTimeout> | undefined
let suggestionGeneration = 0

/** Looks for filters named by the palette's words, once typing pauses; chips already there are left out. */
function suggestFilters(query: string): void {
  clearTimeout(suggestionTimer)
  const generation = ++suggestionGeneration
  if (query.trim() === '') {
    useSearch.setState({ paletteSuggestions: [] })
    return
  }
  suggestionTimer = setTimeout(() => {
    api
      .invoke('articles.suggestFilters', { query, limit: 6 })
      .then((found) => {
        if (generation !== suggestionGeneration) return
        useSearch.setState({ paletteSuggestions: found })
      })
      .catch(() => undefined) // Suggestions are a help: the search itself reports its errors.
  }, SEARCH_DEBOUNCE_MS)
}

/** The palette's chips, with what they filter; the search runs again within them. */
function setPaletteFilters(next: PaletteFilters): void {
  useSearch.setState({ paletteFilters: next })
  const { query } = useSearch.getState().palette
  setSearchQuery('palette', query)
}

/** Adds a chip to the palette (one per kind: a second country replaces the first). */
export function addPaletteFilter(
  chip: { kind: 'state'; value: ArticleStateFilter } | Pick<FilterSuggestion, 'kind' | 'value' | 'label'>,
  query: string,
): void {
  const current = useSearch.getState().paletteFilters
  const order = [...current.order.filter((name) => name !== chip.kind), chip.kind]
  useSearch.setState({ palette: { ...useSearch.getState().palette, query } })
  if (chip.kind === 'state') {
    setPaletteFilters({ ...current, state: chip.value, order })
    return
  }
  const facets = { ...current.facets, [chip.kind]: chip.value } as ListFacets
  setPaletteFilters({ ...current, facets, labels: { ...current.labels, [chip.kind]: chip.label }, order })
}

/** Takes a chip off the palette; the last one added when no kind is named. */
export function removePaletteFilter(kind?: FacetName | 'state'): void {
  const current = useSearch.getState().paletteFilters
  const name = kind ?? current.order[current.order.length - 1]
  if (name === undefined) return
  const order = current.order.filter((n) => n !== name)
  if (name === 'state') {
    setPaletteFilters({ ...current, state: 'all', order })
    return
  }
  const facets = { ...current.facets }
  const labels = { ...current.labels }
  delete facets[name]
  delete labels[name]
  setPaletteFilters({ facets, labels, state: current.state, order })
}

export function moveActiveResult(target: SearchTarget, step: 1 | -1, count: number): void {
  if (count === 0) return
  const current = useSearch.getState()[target].activeIndex
  const next = current === null ? (step === 1 ? 0 : count - 1) : (current + step + count) % count
  patch(target, { activeIndex: next })
}

export function setActiveResult(target: SearchTarget, index: number | null): void {
  patch(target, { activeIndex: index })
}

/** Shows a found article in the reader, without moving the list behind the results. */
export function openFoundArticle(id: string): void {
  useLibrary.setState({ selectedId: id, selectedIndex: null })
  void openArticle(id)
}

export function clearListSearch(): void {
  setSearchQuery('list', '')
}

export function openPalette(): void {
  useSearch.setState({
    paletteOpen: true,
    palette: NO_RESULTS,
    paletteFilters: NO_PALETTE_FILTERS,
    paletteSuggestions: [],
  })
}

export function closePalette(): void {
  clearTimeout(timers.palette)
  clearTimeout(suggestionTimer)
  generations.palette++
  suggestionGeneration++
  useSearch.setState({
    paletteOpen: false,
    palette: NO_RESULTS,
    paletteFilters: NO_PALETTE_FILTERS,
    paletteSuggestions: [],
  })
}
