import type { ArticleSummary } from '@shared/article'
import type { SetStatesInput } from '@shared/contract'
import { api } from '@renderer/api'
import { useSettings } from '../settings/store'
import { reportError, showArticles } from '../ui/actions'
import { pushUndo } from '../undo/undo-stack'
import { clearFacets, loadPage, markPageStale, scheduleRefresh, setFilter } from './list-actions'
import { readStateChosen, stopWatchingRead, watchRead, type OpenedBy } from './read-tracking'
import { articleAt, currentArticle, loadedIndexOf, loadedSummary, pageOf } from './selectors'
import { libraryCountsOf, useLibrary, type LibraryState } from './store'

type StatePatch = Pick<ArticleSummary, 'read' | 'starred' | 'archived'>

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

/** The loaded pages and the open article with the given fields of some articles replaced. */
export function patchLoaded(
  state: LibraryState,
  patches: ReadonlyMap<string, Partial<ArticleSummary>>,
): Partial<LibraryState> {
  const next: Partial<LibraryState> = {}
  const pages: Record<number, readonly ArticleSummary[]> = { ...state.pages }
  let touched = false
  for (const [page, items] of Object.entries(state.pages)) {
    if (!items.some((item) => patches.has(item.id))) continue
    touched = true
    pages[Number(page)] = items.map((item) => ({ ...item, ...patches.get(item.id) }))
  }
  if (touched) next.pages = pages
  const open = state.article && patches.get(state.article.id)
  if (state.article && open) next.article = { ...state.article, ...open }
  return next
}

function statesOf(article: ArticleSummary): StatePatch {
  return { read: article.read, starred: article.starred, archived: article.archived }
}

/**
 * One change for a selection (or one article): shown at once, sent as one call, and corrected
 * from the answer, which also brings the new sidebar counts.
 */
export async function setArticleStates(ids: readonly string[], patch: Partial<StatePatch>): Promise<void> {
  if (ids.length === 0) return
  if (patch.read !== undefined) readStateChosen(ids)
  const before = useLibrary.getState()
  const originals = new Map<string, Partial<StatePatch>>()
  for (const id of ids) {
    const known = currentArticle(before)?.id === id ? currentArticle(before) : loadedSummary(before, id)
    if (known) originals.set(id, statesOf(known))
  }
  useLibrary.setState((state) => patchLoaded(state, new Map(ids.map((id) => [id, patch]))))
  const at = Date.now()
  for (const id of ids) ownStateChanges.set(id, at)
  try {
    const input: SetStatesInput = { ids: [...ids], ...patch }
    const result = await api.invoke('articles.setStates', input)
    useLibrary.setState((state) => ({
      ...patchLoaded(state, new Map(result.articles.map((a) => [a.id, statesOf(a)]))),
      counts: libraryCountsOf(result.counts.library),
    }))
  } catch (error) {
    for (const id of ids) ownStateChanges.delete(id)
    useLibrary.setState((state) => patchLoaded(state, originals))
    reportError(error)
  }
}

export function setArticleState(id: string, patch: Partial<StatePatch>): Promise<void> {
  return setArticleStates([id], patch)
}

/** Shows an article in the reader; it becomes read once it is read (see read-tracking.ts). */
export async function openArticle(id: string, openedBy: OpenedBy = 'person'): Promise<void> {
  const request = ++openRequest
  stopWatchingRead()
  useLibrary.setState({ articleLoading: true })
  try {
    const article = await api.invoke('articles.get', { id })
    if (request !== openRequest) return
    useLibrary.setState({ article, articleLoading: false })
    if (!article.read) watchRead(id, openedBy, (readId) => void setArticleState(readId, { read: true }))
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

/** Archived articles leave the default list, like a delete that keeps them searchable. */
export function toggleArchived(): void {
  const article = currentArticle(useLibrary.getState())
  if (!article) return
  void setArticleState(article.id, { archived: !article.archived }).then(() => scheduleRefresh())
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
  pushUndo({ label: 'Article deleted', ids: [target.id], undo: () => restoreArticle(target.id) })
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
  void openArticle(id, 'restore')
  scheduleRefresh()
}

/** A capture just finished: show it at the top of All, selected and open. */
export function showAddedArticle(id: string, updated = false): void {
  clearFacets()
  setFilter('all')
  showArticles()
  // The list is newest first, so a new article lands at the top; selecting row 0 scrolls there.
  // An article captured again keeps its place, which may be anywhere: the selection then follows
  // it once its page is loaded, rather than highlighting a row that is not it.
  markPageStale(0)
  // Ordered by published date, an old story saved today lands further down: the selection
  // follows it once its page is loaded.
  const atTop = !updated && useSettings.getState().settings.listDate === 'saved'
  useLibrary.setState({ selectedId: id, selectedIndex: atTop ? 0 : null })
  void openArticle(id, 'capture')
  scheduleRefresh()
}
