import type { ArticleSummary } from '@shared/article'
import type { SetStateInput } from '@shared/contract'
import { api } from '@renderer/api'
import { reportError, showToast } from '../ui/actions'
import { loadPage, markPageStale, refreshCounts, scheduleRefresh, setFilter } from './list-actions'
import { articleAt, currentArticle, loadedIndexOf, pageOf } from './selectors'
import { useLibrary, type LibraryState } from './store'

type StatePatch = Pick<ArticleSummary, 'read' | 'starred'>

/** Counts the latest request, so a slow answer for an article the person already left is ignored. */
let openRequest = 0

/**
 * Our own read/star changes come back as library.changed. Refreshing the list for them would pull
 * a just-read article out of the Unread list while the person is reading it, so they are skipped.
 */
/**
 * Read/star changes this window made, by id, with when: their library.changed echo needs no list
 * reload. An echo that never came (events not connected yet) must not swallow a later change made
 * elsewhere, so entries expire.
 */
const ownStateChanges = new Map<string, number>()
const OWN_CHANGE_TTL_MS = 5000

export function takeOwnStateChanges(ids: readonly string[]): boolean {
  const now = Date.now()
  for (const [id, at] of ownStateChanges) if (now - at > OWN_CHANGE_TTL_MS) ownStateChanges.delete(id)
  if (ids.length === 0 || !ids.every((id) => ownStateChanges.has(id))) return false
  for (const id of ids) ownStateChanges.delete(id)
  return true
}

function patchLoaded(state: LibraryState, id: string, patch: Partial<StatePatch>): Partial<LibraryState> {
  const index = loadedIndexOf(state, id)
  const next: Partial<LibraryState> = {}
  if (index !== null) {
    const page = pageOf(index)
    const items = state.pages[page] ?? []
    next.pages = {
      ...state.pages,
      [page]: items.map((item) => (item.id === id ? { ...item, ...patch } : item)),
    }
  }
  if (state.article?.id === id) next.article = { ...state.article, ...patch }
  return next
}

export async function setArticleState(id: string, patch: Partial<StatePatch>): Promise<void> {
  const before = useLibrary.getState()
  const original = currentArticle(before)?.id === id ? currentArticle(before) : null
  useLibrary.setState((state) => patchLoaded(state, id, patch))
  ownStateChanges.set(id, Date.now())
  try {
    const input: SetStateInput = { id, ...patch }
    const updated = await api.invoke('articles.setState', input)
    useLibrary.setState((state) => patchLoaded(state, id, { read: updated.read, starred: updated.starred }))
    void refreshCounts()
  } catch (error) {
    ownStateChanges.delete(id)
    if (original) {
      const restored = { read: original.read, starred: original.starred }
      useLibrary.setState((state) => patchLoaded(state, id, restored))
    }
    reportError(error)
  }
}

export async function openArticle(
  id: string,
  options: { markRead: boolean } = { markRead: true },
): Promise<void> {
  const request = ++openRequest
  useLibrary.setState({ articleLoading: true })
  try {
    const article = await api.invoke('articles.get', { id })
    if (request !== openRequest) return
    useLibrary.setState({ article, articleLoading: false })
    if (options.markRead && !article.read) await setArticleState(id, { read: true })
  } catch (error) {
    if (request !== openRequest) return
    useLibrary.setState({ articleLoading: false })
    reportError(error)
  }
}

/** After another window changed the article being read; it is not marked read again. */
export async function reloadOpenArticle(): Promise<void> {
  const open = useLibrary.getState().article
  if (!open) return
  try {
    const article = await api.invoke('articles.get', { id: open.id })
    if (useLibrary.getState().article?.id === article.id) useLibrary.setState({ article })
  } catch {
    // Deleted elsewhere: the reader empties rather than showing an error for someone else's action.
    if (useLibrary.getState().article?.id === open.id) useLibrary.setState({ article: null })
  }
}

export function selectIndex(index: number): void {
  const { total } = useLibrary.getState()
  if (total === 0) return
  const target = Math.min(total - 1, Math.max(0, index))
  const summary = articleAt(useLibrary.getState(), target)
  useLibrary.setState({ selectedIndex: target, selectedId: summary?.id ?? null })
  if (summary) {
    void openArticle(summary.id)
    return
  }
  void loadPage(pageOf(target)).then(() => {
    const state = useLibrary.getState()
    const loaded = articleAt(state, target)
    if (state.selectedIndex !== target || !loaded) return
    useLibrary.setState({ selectedId: loaded.id })
    void openArticle(loaded.id)
  })
}

export function moveSelection(step: 1 | -1): void {
  const { selectedIndex } = useLibrary.getState()
  selectIndex(selectedIndex === null ? 0 : selectedIndex + step)
}

export function toggleRead(): void {
  const article = currentArticle(useLibrary.getState())
  if (article) void setArticleState(article.id, { read: !article.read })
}

export function toggleStar(): void {
  const article = currentArticle(useLibrary.getState())
  if (article) void setArticleState(article.id, { starred: !article.starred })
}

function removeLoaded(
  state: LibraryState,
  id: string,
): { next: Partial<LibraryState>; index: number | null } {
  const index = loadedIndexOf(state, id)
  if (index === null) return { next: { total: Math.max(0, state.total - 1) }, index }
  const page = pageOf(index)
  const pages: Record<number, readonly ArticleSummary[]> = {}
  for (const [key, items] of Object.entries(state.pages)) {
    // Later pages are now one row off; they reload when next shown.
    if (Number(key) < page) pages[Number(key)] = items
    if (Number(key) === page) pages[page] = items.filter((item) => item.id !== id)
  }
  return { next: { pages, total: Math.max(0, state.total - 1) }, index }
}

/** A delete in flight: a second press meanwhile would act on the same article. */
let deleting = false

export async function deleteArticle(): Promise<void> {
  if (deleting) return
  const before = useLibrary.getState()
  const target = currentArticle(before)
  if (!target) return
  deleting = true
  try {
    await api.invoke('articles.delete', { id: target.id })
  } catch (error) {
    reportError(error)
    return
  } finally {
    deleting = false
  }
  const state = useLibrary.getState()
  const { next, index } = removeLoaded(state, target.id)
  if (index !== null) markPageStale(pageOf(index))
  const wasSelected = state.selectedId === target.id
  useLibrary.setState({
    ...next,
    ...(state.article?.id === target.id ? { article: null } : {}),
    ...(wasSelected ? { selectedId: null, selectedIndex: null } : {}),
  })
  const remaining = next.total ?? 0
  // Like a mail client: the next article takes the deleted one's place in the reader.
  if (wasSelected && remaining > 0) selectIndex(Math.min(index ?? state.selectedIndex ?? 0, remaining - 1))
  showToast('Article deleted', {
    label: 'Undo',
    testId: 'undo-delete',
    run: () => void restoreArticle(target.id),
  })
  scheduleRefresh()
}

export async function restoreArticle(id: string): Promise<void> {
  try {
    await api.invoke('articles.restore', { id })
  } catch (error) {
    reportError(error)
    return
  }
  useLibrary.setState({ selectedId: id, selectedIndex: null })
  void openArticle(id, { markRead: false })
  scheduleRefresh()
}

/** A capture just finished: show it at the top of All, selected and open. */
export function showAddedArticle(id: string, updated = false): void {
  setFilter('all')
  // The list is newest first, so a new article lands at the top; selecting row 0 scrolls there.
  // An article captured again keeps its place, which may be anywhere: the selection then follows
  // it once its page is loaded, rather than highlighting a row that is not it.
  markPageStale(0)
  useLibrary.setState({ selectedId: id, selectedIndex: updated ? null : 0 })
  void openArticle(id)
  scheduleRefresh()
}
