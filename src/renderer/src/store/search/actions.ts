import { api } from '@renderer/api'
import { openArticle } from '@renderer/store/library/article-actions'
import { useLibrary } from '@renderer/store/library/store'
import { reportError } from '@renderer/store/ui/actions'
import { NO_RESULTS, useSearch, type SearchResults, type SearchTarget } from './store'

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
  if (query.trim() === '') {
    useSearch.setState({ [target]: NO_RESULTS })
    return
  }
  patch(target, { query, status: 'searching', activeIndex: null })
  timers[target] = setTimeout(() => void runSearch(target, 0), SEARCH_DEBOUNCE_MS)
}

/** Runs the search again (the filter chips changed, or the library did). */
export function refreshSearch(target: SearchTarget): void {
  if (useSearch.getState()[target].query.trim() === '') return
  generations[target]++
  void runSearch(target, 0)
}

export function showMoreResults(): void {
  void runSearch('list', useSearch.getState().list.hits.length)
}

async function runSearch(target: SearchTarget, offset: number): Promise<void> {
  const generation = ++generations[target]
  const { query } = useSearch.getState()[target]
  // The list's search keeps the state chosen in the sidebar, shown as a chip; the palette looks everywhere.
  const library = useLibrary.getState()
  const within = target === 'list' ? { state: library.filter, ...library.facets } : { state: 'all' as const }
  try {
    const page = await api.invoke('articles.search', { query, ...within, offset, limit: PAGE[target] })
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
  useSearch.setState({ paletteOpen: true, palette: NO_RESULTS })
}

export function closePalette(): void {
  clearTimeout(timers.palette)
  generations.palette++
  useSearch.setState({ paletteOpen: false, palette: NO_RESULTS })
}
