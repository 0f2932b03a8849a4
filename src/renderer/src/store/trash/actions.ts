import { api } from '@renderer/api'
import { scheduleRefresh } from '../library/list-actions'
import { reportError, showToast, showView } from '../ui/actions'
import { forgetUndoOf } from '../undo/undo-stack'
import { useTrash } from './store'

const PAGE = 100

export function openTrash(): void {
  showView({ kind: 'trash' })
  void loadTrash()
}

/** The first page, or the next one after those shown. */
export async function loadTrash(more = false): Promise<void> {
  const offset = more ? useTrash.getState().items.length : 0
  useTrash.setState({ loading: true })
  try {
    const page = await api.invoke('trash.list', { offset, limit: PAGE })
    useTrash.setState((state) => ({
      items: more ? [...state.items, ...page.items] : page.items,
      total: page.total,
      loading: false,
    }))
  } catch (error) {
    useTrash.setState({ loading: false })
    reportError(error)
  }
}

function withoutItem(id: string): void {
  useTrash.setState((state) => ({
    items: state.items.filter((item) => item.id !== id),
    total: Math.max(0, state.total - 1),
  }))
}

export async function restoreFromTrash(id: string): Promise<void> {
  try {
    await api.invoke('articles.restore', { id })
  } catch (error) {
    reportError(error)
    void loadTrash()
    return
  }
  forgetUndoOf([id])
  withoutItem(id)
  showToast('Article restored to the library')
  scheduleRefresh()
}

export async function deleteForGood(id: string): Promise<void> {
  try {
    await api.invoke('trash.empty', { ids: [id] })
  } catch (error) {
    reportError(error)
    return
  }
  forgetUndoOf([id])
  withoutItem(id)
}

export function askToEmptyTrash(asking: boolean): void {
  useTrash.setState({ confirmingEmpty: asking })
}

export async function emptyTrash(): Promise<void> {
  useTrash.setState({ confirmingEmpty: false })
  try {
    const { removed } = await api.invoke('trash.empty', {})
    forgetUndoOf(useTrash.getState().items.map((item) => item.id))
    showToast(`${removed === 1 ? '1 article' : `${removed.toLocaleString()} articles`} deleted for good`)
  } catch (error) {
    reportError(error)
  }
  await loadTrash()
}
