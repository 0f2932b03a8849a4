import type { ArticleSummary } from '@shared/article'
import { api } from '@renderer/api'
import { useSettings } from '../settings/store'
import { storyFoldInput } from '../stories/fold'
import { reportError } from '../ui/actions'
import { loadedIndexOf, pageOf } from './selectors'
import {
  libraryCountsOf,
  PAGE_SIZE,
  useLibrary,
  type FacetName,
  type LibraryState,
  type ListFacets,
  type ListFilter,
} from './store'

/** 24 pages of 100 cover many screens either way of the one in view. */
const MAX_CACHED_PAGES = 24

/** Bumped whenever loaded pages may be out of date; answers to older requests are dropped. */
let generation = 0
const inFlight = new Map<number, Promise<void>>()
/** Pages still shown but due for reloading after the library changed. */
const stalePages = new Set<number>()
let visibleRange = { first: 0, last: 0 }
let refreshTimer: ReturnType<typeof setTimeout> | null = null

function pagesBetween(first: number, last: number): number[] {
  const pages: number[] = []
  for (let page = pageOf(first); page <= pageOf(Math.max(first, last)); page++) pages.push(page)
  return pages
}

function isFresh(state: LibraryState, page: number): boolean {
  return page in state.pages && !stalePages.has(page)
}

/** Drops the pages farthest from the screen once too many are kept. */
function withPage(
  pages: LibraryState['pages'],
  page: number,
  items: readonly ArticleSummary[],
): LibraryState['pages'] {
  const next: Record<number, readonly ArticleSummary[]> = { ...pages, [page]: items }
  const keys = Object.keys(next).map(Number)
  if (keys.length <= MAX_CACHED_PAGES) return next
  const centre = pageOf((visibleRange.first + visibleRange.last) / 2)
  keys.sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
  for (const key of keys.slice(0, keys.length - MAX_CACHED_PAGES)) {
    delete next[key]
    stalePages.delete(key)
  }
  return next
}

/** Keeps the selection on the same article when rows move (added, deleted, re-sorted). */
export function followSelection(state: LibraryState, next: Partial<LibraryState>): Partial<LibraryState> {
  if (!state.selectedId) return next
  const index = loadedIndexOf({ pages: next.pages ?? state.pages }, state.selectedId)
  return index === null || index === state.selectedIndex ? next : { ...next, selectedIndex: index }
}

export function loadPage(page: number): Promise<void> {
  const pending = inFlight.get(page)
  if (pending) return pending
  const requestGeneration = generation
  const { filter, facets } = useLibrary.getState()
  const request = api
    .invoke('articles.list', {
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      state: filter,
      by: useSettings.getState().settings.listDate,
      ...facets,
      ...storyFoldInput(),
    })
    .then((result) => {
      if (requestGeneration !== generation) return
      stalePages.delete(page)
      useLibrary.setState((state) =>
        followSelection(state, {
          status: 'ready',
          total: result.total,
          pages: withPage(state.pages, page, result.items),
          // The counts come with every page: no second call, never out of step with the list.
          counts: libraryCountsOf(result.counts.library),
          sidebarCounts: result.counts,
          ...readerAfterReload(state, requestGeneration, result.total),
        }),
      )
    })
    .catch((error: unknown) => {
      if (requestGeneration !== generation) return
      reportError(error)
      useLibrary.setState((state) => (state.status === 'loading' ? { status: 'error' } : {}))
    })
    .finally(() => {
      if (inFlight.get(page) === request) inFlight.delete(page)
    })
  inFlight.set(page, request)
  return request
}

/** Called by the list with the rows on screen; loads the pages they need and no others. */
export function showRows(first: number, last: number): void {
  visibleRange = { first, last }
  const state = useLibrary.getState()
  for (const page of pagesBetween(first, last)) {
    if (!isFresh(state, page) && (page === 0 || page * PAGE_SIZE < state.total)) void loadPage(page)
  }
}

/** Reloads what is on screen, keeping it visible meanwhile so the list does not flash. */
export function refreshList(): void {
  generation++
  inFlight.clear()
  const onScreen = new Set(pagesBetween(visibleRange.first, visibleRange.last))
  useLibrary.setState((state) => {
    const kept: Record<number, readonly ArticleSummary[]> = {}
    for (const [key, items] of Object.entries(state.pages)) {
      if (onScreen.has(Number(key))) kept[Number(key)] = items
    }
    return { pages: kept }
  })
  stalePages.clear()
  for (const page of onScreen) stalePages.add(page)
  showRows(visibleRange.first, visibleRange.last)
}

/** Many changes arrive together (an event after our own call); one refresh answers them all. */
export function scheduleRefresh(): void {
  if (refreshTimer !== null) return
  refreshTimer = setTimeout(() => {
    refreshTimer = null
    refreshList()
  }, 50)
}

export function markPageStale(page: number): void {
  stalePages.add(page)
}

export function startLibrary(): void {
  useLibrary.setState((state) => (state.status === 'error' ? { status: 'loading' } : {}))
  refreshList()
}

/** Starts the list again from its first page under new filters. */
/** The article open when the list last changed its filter, and that list's generation. */
let openBeforeReload: { id: string; generation: number } | null = null

/**
 * An empty list (Starred with nothing starred) leaves nothing to read: the reader must not keep
 * showing the article of the list before it (issue 17). Only that article goes: one opened since
 * (a new article just added, while an older answer was on its way) stays.
 */
function readerAfterReload(
  state: LibraryState,
  requestGeneration: number,
  total: number,
): Partial<LibraryState> {
  const before = openBeforeReload
  if (!before || before.generation !== requestGeneration) return {}
  openBeforeReload = null
  return total === 0 && state.article?.id === before.id ? { article: null } : {}
}

function reloadWith(change: Partial<LibraryState>): void {
  const open = useLibrary.getState().article
  openBeforeReload = open ? { id: open.id, generation: generation + 1 } : null
  generation++
  inFlight.clear()
  stalePages.clear()
  visibleRange = { first: 0, last: 0 }
  useLibrary.setState({
    ...change,
    status: 'loading',
    total: 0,
    pages: {},
    selectedIndex: null,
    selectedId: null,
  })
  void loadPage(0)
}

/** The same list in another order (the person chose which date sorts it). */
export function reorderList(): void {
  reloadWith({})
}

export function setFilter(filter: ListFilter): void {
  if (useLibrary.getState().filter === filter) return
  reloadWith({ filter })
}

/**
 * Narrows the list (and the search) by one more facet, or widens it again with `null`; the other
 * facets stay. `label` is what the chip says.
 */
export function setFacet<K extends FacetName>(name: K, value: ListFacets[K] | null, label?: string): void {
  const { facets, facetLabels } = useLibrary.getState()
  if ((facets[name] ?? null) === value && (value === null || facetLabels[name] === (label ?? String(value))))
    return
  const nextFacets: ListFacets = { ...facets }
  const nextLabels = { ...facetLabels }
  if (value === null || value === undefined) {
    delete nextFacets[name]
    delete nextLabels[name]
  } else {
    nextFacets[name] = value
    nextLabels[name] = label ?? String(value)
  }
  reloadWith({ facets: nextFacets, facetLabels: nextLabels })
}

/** Back to the whole library in the given state. */
export function clearFacets(): void {
  if (Object.keys(useLibrary.getState().facets).length === 0) return
  reloadWith({ facets: {}, facetLabels: {} })
}

/** The list with these filters at once, in place of the ones it had (the palette's chips). */
export function showFiltered(
  filter: ListFilter,
  facets: ListFacets,
  labels: Partial<Record<FacetName, string>>,
): void {
  reloadWith({ filter, facets: { ...facets }, facetLabels: { ...labels } })
}
