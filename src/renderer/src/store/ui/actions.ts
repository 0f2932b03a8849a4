import { toErrorInfo } from '@shared/errors'
import { useUi, type MainView, type NoticeArticle, type ToastAction } from './store'

let nextToastId = 1

export function reportError(error: unknown): void {
  useUi.setState({ banner: toErrorInfo(error) })
}

export function dismissBanner(): void {
  useUi.setState({ banner: null })
}

/** A passing notice; one about an article names it (a newer notice replaces it). */
export function showToast(
  message: string,
  action: ToastAction | null = null,
  article: NoticeArticle | null = null,
): void {
  useUi.setState({ toast: { id: nextToastId++, message, action, article } })
}

export function dismissToast(id: number): void {
  if (useUi.getState().toast?.id === id) useUi.setState({ toast: null })
}

export function setShortcutsOpen(open: boolean): void {
  useUi.setState({ shortcutsOpen: open })
}

export function toggleShortcuts(): void {
  useUi.setState((state) => ({ shortcutsOpen: !state.shortcutsOpen }))
}

export function setDropping(dropping: boolean): void {
  if (useUi.getState().dropping !== dropping) useUi.setState({ dropping })
}

export function setReaderSettingsOpen(open: boolean): void {
  useUi.setState({ readerSettingsOpen: open })
}

/** Shows a view in the main area; the article list is `{ kind: 'articles' }`. */
export function showView(view: MainView): void {
  const current = useUi.getState().view
  if (current.kind === view.kind && current.key === view.key) return
  useUi.setState({ view })
}

export function showArticles(): void {
  showView({ kind: 'articles' })
}
