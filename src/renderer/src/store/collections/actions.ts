import type { CollectionInfo, SavedFilter } from '@shared/collections'
import { api } from '@renderer/api'
import { scheduleRefresh, setFacet } from '../library/list-actions'
import { useLibrary } from '../library/store'
import { useSearch } from '../search/store'
import { reportError, showArticles, showToast, showView } from '../ui/actions'
import { useUi } from '../ui/store'
import { collectionById } from './selectors'
import { useCollections } from './store'

/** The first articles a collection page shows; "Show more" brings the next ones. */
const PAGE_LIMIT = 200

let listRequest = 0
let refreshTimer: ReturnType<typeof setTimeout> | null = null

export async function loadCollections(): Promise<void> {
  const request = ++listRequest
  try {
    const { collections } = await api.invoke('collections.list', {})
    if (request === listRequest) useCollections.setState({ status: 'ready', collections })
  } catch (error) {
    if (request === listRequest) reportError(error)
  }
}

/** Collections, counts and the open page follow any change, here or in another window. */
function scheduleCollectionsRefresh(): void {
  if (refreshTimer !== null) return
  refreshTimer = setTimeout(() => {
    refreshTimer = null
    void loadCollections()
    const page = useCollections.getState().page
    if (page && openCollectionId() === page.id) void loadCollectionPage(page.id)
  }, 80)
}

let started = false

/** Wires the host's events to this store; once per window. */
export function startCollections(): void {
  if (started) return
  started = true
  api.on('collections.changed', scheduleCollectionsRefresh)
  api.on('library.changed', scheduleCollectionsRefresh)
  // The window's own state changes come back with no event for the counts of smart collections.
  useLibrary.subscribe((state, previous) => {
    if (state.counts !== previous.counts) scheduleCollectionsRefresh()
  })
  void loadCollections()
}

function openCollectionId(): number | null {
  const view = useUi.getState().view
  return view.kind === 'collection' && view.key !== undefined ? Number(view.key) : null
}

export function openCollection(id: number): void {
  showView({ kind: 'collection', key: String(id) })
  const page = useCollections.getState().page
  if (page?.id !== id) {
    useCollections.setState({
      page: { id, coverage: null, items: [], total: 0, loading: true, missing: false },
    })
  }
  void loadCollectionPage(id)
}

/** Counts page requests: an answer older than the latest (a reorder meanwhile) is dropped. */
let pageRequest = 0

export async function loadCollectionPage(id: number, limit = PAGE_LIMIT): Promise<void> {
  const request = ++pageRequest
  try {
    const [coverage, articles] = await Promise.all([
      api.invoke('collections.get', { id }),
      api.invoke('collections.articles', { id, limit: Math.min(500, limit) }),
    ])
    if (openCollectionId() !== id || request !== pageRequest) return
    useCollections.setState({
      page: { id, coverage, items: articles.items, total: articles.total, loading: false, missing: false },
    })
  } catch (error) {
    if (openCollectionId() !== id || request !== pageRequest) return
    const code = (error as { code?: string }).code
    if (code === 'NOT_FOUND') {
      useCollections.setState({
        page: { id, coverage: null, items: [], total: 0, loading: false, missing: true },
      })
    } else reportError(error)
  }
}

export function showMoreOfCollection(): void {
  const page = useCollections.getState().page
  if (page) void loadCollectionPage(page.id, page.items.length + PAGE_LIMIT)
}

/** What the list shows now (state, facets, words), to save as a smart collection. */
export function currentListFilter(): SavedFilter {
  const { filter, facets } = useLibrary.getState()
  const query = useSearch.getState().list.query.trim()
  return { state: filter, ...facets, ...(query ? { query } : {}) }
}

export async function createCollection(
  name: string,
  options: { filter?: SavedFilter; description?: string } = {},
): Promise<CollectionInfo | null> {
  try {
    const made = await api.invoke('collections.create', { name, ...options })
    await loadCollections()
    showToast(`${made.filter ? 'Smart collection' : 'Collection'} “${made.name}” created`)
    return made
  } catch (error) {
    reportError(error)
    return null
  }
}

export async function renameCollection(id: number, name: string): Promise<boolean> {
  try {
    const renamed = await api.invoke('collections.rename', { id, name })
    // The list may be narrowed by the old name.
    if (useLibrary.getState().facets.collection !== undefined) {
      const old = collectionById(useCollections.getState(), id)
      if (old && useLibrary.getState().facets.collection === old.name)
        setFacet('collection', renamed.name, renamed.name)
    }
    await loadCollections()
    void loadCollectionPage(id)
    return true
  } catch (error) {
    reportError(error)
    return false
  }
}

export async function describeCollection(id: number, description: string): Promise<void> {
  try {
    await api.invoke('collections.describe', { id, description })
    await loadCollections()
    void loadCollectionPage(id)
  } catch (error) {
    reportError(error)
  }
}

export async function deleteCollection(id: number): Promise<void> {
  try {
    const deleted = await api.invoke('collections.delete', { id })
    if (openCollectionId() === id) showArticles()
    if (useLibrary.getState().facets.collection === deleted.name) setFacet('collection', null)
    await loadCollections()
    showToast(`Collection “${deleted.name}” deleted; its articles are still in the library`)
  } catch (error) {
    reportError(error)
  }
}

export async function addToCollection(id: number, articles: readonly string[]): Promise<boolean> {
  if (articles.length === 0) return false
  try {
    const result = await api.invoke('collections.add', { id, articles: [...articles] })
    await loadCollections()
    const what = articles.length === 1 ? 'Article' : `${articles.length} articles`
    showToast(
      result.changed === 0
        ? `${what} already in “${result.collection.name}”`
        : `${result.changed === articles.length ? what : `${result.changed} of ${articles.length} articles`} added to “${result.collection.name}”`,
    )
    afterMembershipChange(id)
    return true
  } catch (error) {
    reportError(error)
    return false
  }
}

export async function removeFromCollection(id: number, articles: readonly string[]): Promise<boolean> {
  if (articles.length === 0) return false
  try {
    const result = await api.invoke('collections.remove', { id, articles: [...articles] })
    await loadCollections()
    showToast(`Removed from “${result.collection.name}”`, {
      label: 'Undo',
      testId: 'undo-remove-from-collection',
      run: () => void addToCollection(id, articles),
    })
    afterMembershipChange(id)
    return true
  } catch (error) {
    reportError(error)
    return false
  }
}

/** The list narrowed to this collection, and its page, change with its members. */
function afterMembershipChange(id: number): void {
  const info = collectionById(useCollections.getState(), id)
  if (info && useLibrary.getState().facets.collection === info.name) scheduleRefresh()
  if (openCollectionId() === id) void loadCollectionPage(id)
}

/**
 * Moves articles of the open collection before another (null: to the end). The page shows the new
 * order at once; the answer's order replaces it.
 */
export async function moveInCollection(
  id: number,
  articles: readonly string[],
  before: string | null,
): Promise<void> {
  const page = useCollections.getState().page
  if (page?.id === id) {
    const moving = new Set(articles)
    const kept = page.items.filter((a) => !moving.has(a.id))
    const moved = articles.flatMap((m) => page.items.filter((a) => a.id === m))
    const at = before === null ? kept.length : kept.findIndex((a) => a.id === before)
    const items = [
      ...kept.slice(0, at < 0 ? kept.length : at),
      ...moved,
      ...kept.slice(at < 0 ? kept.length : at),
    ]
    pageRequest++
    useCollections.setState({ page: { ...page, items } })
  }
  try {
    await api.invoke('collections.move', { id, articles: [...articles], before })
  } catch (error) {
    reportError(error)
  }
  if (openCollectionId() === id) void loadCollectionPage(id, Math.max(PAGE_LIMIT, page?.items.length ?? 0))
}

/** The list of articles narrowed to this collection, with the other facets kept. */
export function showCollectionInList(info: CollectionInfo): void {
  setFacet('collection', info.name, info.name)
  showArticles()
}

/** The collections an article is in, for the reader's checklist. */
export async function collectionsOfArticle(article: string): Promise<number[]> {
  try {
    return (await api.invoke('collections.ofArticle', { article })).collections
  } catch (error) {
    reportError(error)
    return []
  }
}
