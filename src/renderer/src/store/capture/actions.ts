import type { AddArticleInput, CaptureProgress } from '@shared/contract'
import { toErrorInfo } from '@shared/errors'
import { api } from '@renderer/api'
import { fileInput, newCaptureId, pasteInput, urlInput } from '@renderer/lib/capture-input'
import { showAddedArticle } from '../library/article-actions'
import { queueFiles } from '../add-queue/actions'
import { showToast } from '../ui/actions'
import { useCapture, type AddTab, type CaptureState } from './store'

export function openAddDialog(tab?: AddTab): void {
  useCapture.setState((state) => ({ dialogOpen: true, tab: tab ?? state.tab }))
}

/** Closing keeps the drafts, so an accidental Escape does not throw away a long paste. */
export function closeAddDialog(): void {
  useCapture.setState({ dialogOpen: false, error: null })
}

export function chooseAddTab(tab: AddTab): void {
  useCapture.setState({ tab, error: null })
}

export function setUrlDraft(url: string): void {
  useCapture.setState({ url })
}

export function setPasteDraft(paste: string): void {
  useCapture.setState({ paste })
}

/** The file picker takes any number of files; two or more go to the add queue on submit. */
export function setFileDraft(files: readonly File[]): void {
  useCapture.setState({ file: files[0] ?? null, files, tab: 'file', error: null })
}

export function receiveCaptureProgress(progress: CaptureProgress): void {
  useCapture.setState((state) => {
    const next = { ...state.progress }
    const finished = progress.stage === 'done' || progress.stage === 'failed'
    // Other windows' captures are forgotten once finished; ours is until its call returns.
    if (finished && progress.captureId !== state.activeCaptureId) delete next[progress.captureId]
    else next[progress.captureId] = progress
    return { progress: next }
  })
}

function inputFromDrafts(state: CaptureState): Promise<AddArticleInput> {
  switch (state.tab) {
    case 'url':
      return Promise.resolve().then(() => urlInput(state.url))
    case 'paste':
      return Promise.resolve().then(() => pasteInput(state.paste))
    case 'file':
      return fileInput(state.file)
  }
}

function withoutProgress(state: CaptureState, captureId: string): CaptureState['progress'] {
  const next = { ...state.progress }
  delete next[captureId]
  return next
}

export async function submitCapture(): Promise<void> {
  const state = useCapture.getState()
  if (state.tab === 'file' && state.files.length > 1) {
    queueFiles(state.files)
    useCapture.setState({ dialogOpen: false, file: null, files: [], error: null })
    return
  }
  if (state.activeCaptureId) return
  const captureId = newCaptureId()
  useCapture.setState({ activeCaptureId: captureId, error: null })
  try {
    const input = await inputFromDrafts(state)
    const result = await api.invoke('articles.add', { ...input, captureId })
    useCapture.setState((current) => ({
      dialogOpen: false,
      activeCaptureId: null,
      progress: withoutProgress(current, captureId),
      url: '',
      paste: '',
      file: null,
      files: [],
    }))
    showAddedArticle(result.article.id, result.updated)
    const [warning] = result.warnings
    const about = { id: result.article.id, title: result.article.title }
    if (result.kept) showToast(warning ?? 'This article is already in your library.', null, about)
    else if (result.updated) {
      // The refresh may have lost pictures again: the person hears both.
      const refreshed = 'This article was already in your library; its copy has been refreshed.'
      showToast(warning ? `${refreshed} ${warning}` : refreshed, null, about)
    } else if (warning) showToast(warning, null, about)
  } catch (error) {
    useCapture.setState((current) => ({
      activeCaptureId: null,
      progress: withoutProgress(current, captureId),
      error: toErrorInfo(error).message,
    }))
  }
}

/** Drops and pastes go through the dialog, so their progress and any error show in one place. */
export function captureDropped(draft: { url: string } | { file: File }): void {
  if (useCapture.getState().activeCaptureId) {
    showToast('Wait until the article being saved is done, then try again.')
    return
  }
  if ('url' in draft) useCapture.setState({ tab: 'url', url: draft.url })
  else useCapture.setState({ tab: 'file', file: draft.file, files: [draft.file] })
  useCapture.setState({ dialogOpen: true, error: null })
  void submitCapture()
}
