import type { ArticleSummary, CorrespondentKind } from '@shared/article'
import type { CorrespondentSort, CorrespondentSummary, SameNamePair } from '@shared/correspondents'
import { api } from '@renderer/api'
import { openArticle, patchLoaded } from '@renderer/store/library/article-actions'
import { setFacet } from '@renderer/store/library/list-actions'
import { useLibrary, type LibraryState } from '@renderer/store/library/store'
import { reportError, showArticles, showToast, showView } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { useCorrespondents } from './store'

let listRequest = 0
let started = false

/** Keeps the shown list, page and Following fresh when the library or a follow changes. */
export function startCorrespondents(): void {
  if (started) return
  started = true
  const refresh = (): void => {
    void refreshShown()
    void loadFollowing()
  }
  api.on('library.changed', refresh)
  api.on('correspondents.changed', refresh)
  void loadFollowing()
}

/** The Correspondents view or the correspondent page on screen, loaded again. */
async function refreshShown(): Promise<void> {
  const view = useUi.getState().view
  if (view.kind === 'correspondents') await loadCorrespondents()
  if (view.kind === 'correspondent' && view.key) await loadCorrespondent(Number(view.key))
}

/** The same-name pairs to offer: all of them in the list, the page's own on a page. */
async function loadSameName(id?: number): Promise<void> {
  try {
    const pairs = await api.invoke('correspondents.sameName', id === undefined ? {} : { id })
    useCorrespondents.setState({ sameName: pairs })
  } catch {
    useCorrespondents.setState({ sameName: [] }) // A suggestion only: the view works without it.
  }
}

function atOutlets(c: CorrespondentSummary): string {
  return c.outlets.length > 0 ? `${c.name} (${c.outlets.join(', ')})` : c.name
}

/** "Same person? Merge": the one with fewer articles joins the other, with Undo (a split). */
export async function mergeSameName(pair: SameNamePair): Promise<void> {
  try {
    await api.invoke('correspondents.merge', { into: pair.a.id, from: [pair.b.id] })
    // On the page of the one merged in, the page becomes the group's.
    const view = useUi.getState().view
    if (view.kind === 'correspondent' && view.key === String(pair.b.id)) showCorrespondent(pair.a.id)
    else await refreshShown()
    showToast(`${atOutlets(pair.b)} and ${atOutlets(pair.a)} are now one correspondent.`, {
      label: 'Undo',
      testId: 'merge-undo',
      run: () => void undoSameNameMerge(pair.b),
    })
  } catch (error) {
    reportError(error)
  }
}

async function undoSameNameMerge(entry: CorrespondentSummary): Promise<void> {
  try {
    await api.invoke('correspondents.split', { id: entry.id })
    await refreshShown()
    showToast(`${entry.name} has a page of their own again.`)
  } catch (error) {
    reportError(error)
  }
}

/** "Not the same person": the pair is not offered again, here or after a restart. */
export async function dismissSameName(pair: SameNamePair): Promise<void> {
  useCorrespondents.setState((state) => ({ sameName: state.sameName.filter((p) => p !== pair) }))
  try {
    await api.invoke('correspondents.dismissSameName', { a: pair.a.id, b: pair.b.id })
  } catch (error) {
    reportError(error)
  }
}

export async function loadCorrespondents(): Promise<void> {
  const { query, sort } = useCorrespondents.getState()
  const request = ++listRequest
  useCorrespondents.setState({ loading: true })
  try {
    const list = await api.invoke('correspondents.list', { sort, limit: 500, ...(query ? { query } : {}) })
    if (request !== listRequest) return
    useCorrespondents.setState({ list: list.items, total: list.total, loading: false })
    await loadSameName()
  } catch (error) {
    useCorrespondents.setState({ loading: false })
    reportError(error)
  }
}

export function searchCorrespondents(query: string): void {
  useCorrespondents.setState({ query })
  void loadCorrespondents()
}

export function sortCorrespondents(sort: CorrespondentSort): void {
  useCorrespondents.setState({ sort })
  void loadCorrespondents()
}

export function showCorrespondents(): void {
  showView({ kind: 'correspondents' })
  void loadCorrespondents()
}

export function showCorrespondent(id: number): void {
  if (useCorrespondents.getState().page?.id !== id) useCorrespondents.setState({ page: null })
  showView({ kind: 'correspondent', key: String(id) })
  void loadCorrespondent(id)
}

/** From a name on an article (rows and the reader carry names, not ids). */
export async function showCorrespondentNamed(name: string): Promise<void> {
  try {
    const found = await api.invoke('correspondents.list', { query: name, limit: 50 })
    const wanted = name.toLocaleLowerCase()
    const match = found.items.find((c) => c.name.toLocaleLowerCase() === wanted) ?? found.items[0]
    if (match) showCorrespondent(match.id)
  } catch (error) {
    reportError(error)
  }
}

export async function loadCorrespondent(id: number): Promise<void> {
  try {
    const page = await api.invoke('correspondents.get', { id, limit: 100 })
    useCorrespondents.setState({ page })
    await loadSameName(page.id)
  } catch (error) {
    reportError(error)
  }
}

export async function setFollowing(id: number, follow: boolean): Promise<void> {
  try {
    const summary = await api.invoke(follow ? 'correspondents.follow' : 'correspondents.unfollow', { id })
    const { page, list } = useCorrespondents.getState()
    useCorrespondents.setState({
      list: list.map((c) => (c.id === summary.id ? summary : c)),
      page: page && page.id === summary.id ? { ...page, ...summary } : page,
    })
    showToast(
      follow
        ? `Following ${summary.name}${summary.feedUrl ? ', with their own feed' : ''}`
        : `No longer following ${summary.name}`,
    )
    void loadFollowing()
  } catch (error) {
    reportError(error)
  }
}

export async function loadFollowing(): Promise<void> {
  try {
    useCorrespondents.setState({ following: await api.invoke('correspondents.following', { limit: 100 }) })
  } catch (error) {
    reportError(error)
  }
}

export function showFollowing(): void {
  showView({ kind: 'following' })
  void loadFollowing()
}

/** Opens one of the correspondent's (or the followed) articles in the reader, in their list. */
export function readArticleBy(name: string, articleId: string): void {
  setFacet('correspondent', name)
  showArticles()
  useLibrary.setState({ selectedId: articleId, selectedIndex: null })
  void openArticle(articleId)
}

/** The reader and the list show the article's new correspondents at once, from the answer. */
function withCorrespondents(state: LibraryState, updated: ArticleSummary): Partial<LibraryState> {
  return patchLoaded(state, new Map([[updated.id, { correspondents: updated.correspondents }]]))
}

/** The person's own list of who wrote an article; it outlives re-extraction. Resolves to success. */
export async function saveArticleCorrespondents(
  id: string,
  people: { name: string; kind: CorrespondentKind }[],
): Promise<boolean> {
  try {
    const updated = await api.invoke('correspondents.setForArticle', { id, correspondents: people })
    useLibrary.setState((state) => withCorrespondents(state, updated))
    showToast(
      people.length === 0
        ? 'Correspondents cleared; the next capture credits who the page names.'
        : `Correspondents saved: ${updated.correspondents.map((c) => c.name).join(', ')}.`,
    )
    return true
  } catch (error) {
    reportError(error)
    return false
  }
}

/** Another entry (the same reporter elsewhere, another spelling) joins the page shown. */
export async function mergeIntoCorrespondent(into: number, from: CorrespondentSummary): Promise<void> {
  try {
    const merged = await api.invoke('correspondents.merge', { into, from: [from.id] })
    await loadCorrespondent(merged.id)
    showToast(`${from.name} is now shown as ${merged.name}.`, {
      label: 'Undo',
      testId: 'merge-undo',
      run: () => void splitCorrespondentEntry(merged.id, from.id, from.name),
    })
  } catch (error) {
    reportError(error)
  }
}

/** A wrongly merged entry goes back to a page of its own. */
export async function splitCorrespondentEntry(pageId: number, entryId: number, name: string): Promise<void> {
  try {
    await api.invoke('correspondents.split', { id: entryId })
    await loadCorrespondent(pageId)
    showToast(`${name} has a page of their own again.`)
  } catch (error) {
    reportError(error)
  }
}

/** Correspondents whose names hold the query, for the merge field (the page's own group left out). */
export async function findCorrespondents(query: string, except: number): Promise<CorrespondentSummary[]> {
  if (query.trim() === '') return []
  const found = await api.invoke('correspondents.list', { query, sort: 'name', limit: 8 })
  return found.items.filter((c) => c.id !== except)
}
