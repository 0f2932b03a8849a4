import { api } from '@renderer/api'
import { toErrorInfo } from '@shared/errors'
import { showAddedArticle } from '../library/article-actions'
import { reportError, showToast, showView } from '../ui/actions'
import { useExtension } from './store'

export function openExtensionSettings(): void {
  showView({ kind: 'extension' })
  void loadPairedExtensions()
}

export async function loadPairedExtensions(): Promise<void> {
  try {
    const { extensions } = await api.invoke('extension.list', {})
    useExtension.setState({ paired: extensions, error: null })
  } catch (error) {
    useExtension.setState({ error: toErrorInfo(error).message })
  }
}

export async function startPairing(): Promise<void> {
  try {
    useExtension.setState({ code: await api.invoke('extension.startPairing', {}), error: null })
  } catch (error) {
    useExtension.setState({ error: toErrorInfo(error).message })
  }
}

export async function cancelPairing(): Promise<void> {
  useExtension.setState({ code: null })
  await api.invoke('extension.cancelPairing', {}).catch(reportError)
}

export async function revokeExtension(id: string): Promise<void> {
  try {
    await api.invoke('extension.revoke', { id })
    await loadPairedExtensions()
  } catch (error) {
    useExtension.setState({ error: toErrorInfo(error).message })
  }
}

/** The person said yes to a dateline://add link: save it as any link typed into Add. */
export async function acceptOfferedSave(): Promise<void> {
  const url = useExtension.getState().offeredUrl
  useExtension.setState({ offeredUrl: null })
  if (!url) return
  try {
    const result = await api.invoke('articles.add', { kind: 'url', url })
    showAddedArticle(result.article.id, result.updated)
    showToast(result.updated ? 'Saved again: the stored copy was updated.' : 'Saved.')
  } catch (error) {
    reportError(error)
  }
}

export function declineOfferedSave(): void {
  useExtension.setState({ offeredUrl: null })
}

/** Events of the extension and the link handler, wired once at start-up. */
export function startExtension(): void {
  api.on('extension.offerSave', ({ url }) => useExtension.setState({ offeredUrl: url }))
  api.on('extension.showArticle', ({ id }) => showAddedArticle(id, true))
  api.on('extension.paired', () => {
    useExtension.setState({ code: null })
    void loadPairedExtensions()
  })
}
