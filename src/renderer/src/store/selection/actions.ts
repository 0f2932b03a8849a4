import type { ArticleSummary } from '@shared/article'
import { api } from '@renderer/api'
import { addToCollection } from '../collections/actions'
import { selectIndex, setArticleStates } from '../library/article-actions'
import { scheduleRefresh } from '../library/list-actions'
import { articleAt } from '../library/selectors'
import { useLibrary } from '../library/store'
import { reportError, showToast } from '../ui/actions'
import { pushUndo } from '../undo/undo-stack'
import { useSelection } from './store'

/** One call changes at most this many articles (the contract's limit for a selection). */
export const MAX_PICKED = 10_000

/** What a dragged row carries: the ids of the articles, as JSON. Only Dateline reads this type. */
export const ARTICLES_DRAG_TYPE = 'application/x-dateline-articles'

const FETCH_CHUNK = 500

function setPicked(ids: readonly string[], anchor: number | null): void {
  const unique = [...new Set(ids)].slice(0, MAX_PICKED)
  useSelection.setState({
    ids: unique,
    picked: Object.fromEntries(unique.map((id) => [id, true as const])),
    anchor,
  })
}

export function clearSelection(): void {
  if (useSelection.getState().ids.length === 0 && useSelection.getState().anchor === null) return
  useSelection.setState({ ids: [], picked: {}, anchor: null })
}

export interface ClickModifiers {
  /** Shift: the range from the last clicked row. */
  range: boolean
  /** Ctrl (⌘ on a Mac): this row in or out of the picked ones. */
  toggle: boolean
}

export function modifiersOf(event: {
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
}): ClickModifiers {
  return { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey }
}

/** A click on a row of the list: open it, or pick it (with the modifiers). */
export function clickRow(index: number, id: string, modifiers: ClickModifiers): void {
  const selection = useSelection.getState()
  const library = useLibrary.getState()
  if (!modifiers.range && !modifiers.toggle) {
    clearSelection()
    useSelection.setState({ anchor: index })
    selectIndex(index)
    return
  }
  if (modifiers.range) {
    const from = selection.anchor ?? library.selectedIndex ?? index
    const keep = modifiers.toggle ? selection.ids : []
    void pickRange(from, index, keep)
    return
  }
  // The article open in the reader counts as picked when the first ctrl+click adds another.
  const base =
    selection.ids.length === 0 && library.selectedId !== null && library.selectedId !== id
      ? [library.selectedId]
      : selection.ids
  setPicked(base.includes(id) ? base.filter((x) => x !== id) : [...base, id], index)
}

/** Picks the rows from..to (either order), fetching those whose page is not loaded. */
async function pickRange(from: number, to: number, keep: readonly string[]): Promise<void> {
  const first = Math.min(from, to)
  const last = Math.min(Math.max(from, to), first + MAX_PICKED - 1)
  const ids = await idsOfRows(first, last)
  if (ids) setPicked([...keep, ...ids], from)
}

/** ctrl/⌘ A: every article of the list (the first 10,000 of a longer one). */
export async function pickAll(): Promise<void> {
  const { total } = useLibrary.getState()
  if (total === 0) return
  const last = Math.min(total, MAX_PICKED) - 1
  const ids = await idsOfRows(0, last)
  if (!ids) return
  setPicked(ids, useSelection.getState().anchor)
  if (total > MAX_PICKED)
    showToast(`Picked the first ${MAX_PICKED.toLocaleString()} of ${total.toLocaleString()} articles`)
}

/** The ids of rows first..last of the list as it is filtered now; null if the list changed meanwhile. */
async function idsOfRows(first: number, last: number): Promise<string[] | null> {
  const start = useLibrary.getState()
  const loaded: (ArticleSummary | undefined)[] = []
  for (let i = first; i <= last; i++) loaded.push(articleAt(start, i))
  if (loaded.every((a) => a !== undefined)) return loaded.map((a) => a!.id)
  useSelection.setState({ busy: true })
  try {
    const ids: string[] = []
    for (let offset = first; offset <= last; offset += FETCH_CHUNK) {
      const page = await api.invoke('articles.list', {
        state: start.filter,
        ...start.facets,
        offset,
        limit: Math.min(FETCH_CHUNK, last - offset + 1),
      })
      const now = useLibrary.getState()
      if (now.filter !== start.filter || now.facets !== start.facets) return null
      ids.push(...page.items.map((a) => a.id))
      if (page.items.length === 0) break
    }
    return ids
  } catch (error) {
    reportError(error)
    return null
  } finally {
    useSelection.setState({ busy: false })
  }
}

/** The articles a drag from this row carries: the picked ones when it is one of them. */
export function draggedArticles(id: string): string[] {
  const { ids, picked } = useSelection.getState()
  return picked[id] ? [...ids] : [id]
}

export async function setPickedStates(patch: {
  read?: boolean
  starred?: boolean
  archived?: boolean
}): Promise<void> {
  const ids = [...useSelection.getState().ids]
  if (ids.length === 0) return
  await setArticleStates(ids, patch)
  // Archived articles leave the list, and with it the selection.
  if (patch.archived !== undefined) {
    clearSelection()
    scheduleRefresh()
  }
  const what = ids.length === 1 ? '1 article' : `${ids.length} articles`
  const done =
    patch.read !== undefined
      ? `marked ${patch.read ? 'read' : 'unread'}`
      : patch.starred !== undefined
        ? patch.starred
          ? 'starred'
          : 'unstarred'
        : patch.archived
          ? 'archived'
          : 'unarchived'
  showToast(`${what} ${done}`)
}

export async function deletePicked(): Promise<void> {
  const ids = [...useSelection.getState().ids]
  if (ids.length === 0) return
  const deleted: string[] = []
  try {
    for (const id of ids) {
      await api.invoke('articles.delete', { id })
      deleted.push(id)
    }
  } catch (error) {
    reportError(error)
  }
  clearSelection()
  const library = useLibrary.getState()
  if (library.selectedId && deleted.includes(library.selectedId)) {
    useLibrary.setState({ selectedId: null, selectedIndex: null, article: null })
  }
  scheduleRefresh()
  if (deleted.length === 0) return
  pushUndo({
    label: `${deleted.length === 1 ? 'Article' : `${deleted.length} articles`} deleted`,
    ids: deleted,
    undo: (ids) => restoreAll(ids),
  })
}

async function restoreAll(ids: readonly string[]): Promise<void> {
  try {
    for (const id of ids) await api.invoke('articles.restore', { id })
  } catch (error) {
    reportError(error)
  }
  scheduleRefresh()
}

export async function addPickedToCollection(collectionId: number): Promise<void> {
  const ids = useSelection.getState().ids
  await addToCollection(collectionId, ids)
}

let started = false

/** The picked articles belong to one list: another filter, facet or view starts afresh. */
export function startSelection(): void {
  if (started) return
  started = true
  useLibrary.subscribe((state, previous) => {
    if (state.filter !== previous.filter || state.facets !== previous.facets) clearSelection()
  })
}

/** A row dragged out of the list (onto a collection in the sidebar) carries its articles. */
export function startArticleDrag(data: DataTransfer, id: string): void {
  const ids = draggedArticles(id)
  data.setData(ARTICLES_DRAG_TYPE, JSON.stringify(ids))
  data.effectAllowed = 'copy'
}

/** The articles a drop carries, or null when it is not a drag of Dateline's rows. */
export function droppedArticles(data: DataTransfer): string[] | null {
  if (!data.types.includes(ARTICLES_DRAG_TYPE)) return null
  try {
    const ids: unknown = JSON.parse(data.getData(ARTICLES_DRAG_TYPE))
    return Array.isArray(ids)
      ? ids.filter((x): x is string => typeof x === 'string' && /^[0-9a-f]{16}$/.test(x))
      : null
  } catch {
    return null
  }
}

/** Shift+↓/↑: the open article moves on and the picked range follows it from where it started. */
export function extendPick(step: 1 | -1): void {
  const library = useLibrary.getState()
  if (library.total === 0) return
  const current = library.selectedIndex ?? 0
  const anchor = useSelection.getState().anchor ?? current
  const next = Math.min(library.total - 1, Math.max(0, current + step))
  selectIndex(next)
  void pickRange(anchor, next, [])
}

/** x: the open article in or out of the picked ones. */
export function togglePickOpen(): void {
  const { selectedId, selectedIndex } = useLibrary.getState()
  if (selectedId === null) return
  const { ids } = useSelection.getState()
  setPicked(
    ids.includes(selectedId) ? ids.filter((id) => id !== selectedId) : [...ids, selectedId],
    selectedIndex,
  )
}
