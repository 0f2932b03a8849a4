import { toErrorInfo } from '@shared/errors'
import { api } from '@renderer/api'
import { fileInput, newCaptureId } from '@renderer/lib/capture-input'
import { markPageStale, scheduleRefresh } from '../library/list-actions'
import { reportedFiles } from './selectors'
import { useAddQueue, type QueuedFile } from './store'

/** A batch that went well leaves the screen by itself after this long. */
export const QUEUE_DONE_MS = 6000

let nextKey = 1
/** The files themselves stay out of the store (it holds what is shown). */
const waitingFiles = new Map<number, File>()
let doneTimer: ReturnType<typeof setTimeout> | undefined

function update(key: number, change: Partial<QueuedFile>): void {
  useAddQueue.setState((state) => ({
    files: state.files.map((file) => (file.key === key ? { ...file, ...change } : file)),
  }))
}

/** Queues files to add one after another; any number, each failure kept with its file's name. */
export function queueFiles(files: readonly File[]): void {
  if (files.length === 0) return
  clearTimeout(doneTimer)
  const finishedBatch = !useAddQueue.getState().running
  const queued = files.map((file): QueuedFile => {
    const key = nextKey++
    waitingFiles.set(key, file)
    return { key, name: file.name, status: 'waiting', message: null, articleId: null, title: null }
  })
  useAddQueue.setState((state) => ({
    // A new drop after a finished batch starts a new count ("1 of 3"), not "9 of 11".
    files: finishedBatch ? queued : [...state.files, ...queued],
  }))
  if (finishedBatch) void runQueue()
}

export function dismissQueue(): void {
  if (useAddQueue.getState().running) return
  clearTimeout(doneTimer)
  useAddQueue.setState({ files: [] })
}

async function addOne(file: QueuedFile): Promise<void> {
  const source = waitingFiles.get(file.key)
  waitingFiles.delete(file.key)
  update(file.key, { status: 'adding' })
  try {
    if (!source) throw new Error('The file is no longer available.')
    const input = await fileInput(source)
    const result = await api.invoke('articles.add', { ...input, captureId: newCaptureId() })
    update(file.key, {
      status: result.kept ? 'kept' : 'added',
      message: result.warnings[0] ?? (result.updated ? 'It was in your library already; refreshed.' : null),
      articleId: result.article.id,
      title: result.article.title,
    })
  } catch (error) {
    update(file.key, { status: 'failed', message: toErrorInfo(error).message })
  }
}

async function runQueue(): Promise<void> {
  useAddQueue.setState({ running: true })
  for (;;) {
    const next = useAddQueue.getState().files.find((file) => file.status === 'waiting')
    if (!next) break
    await addOne(next)
    // The list shows each article as it arrives, not only at the end.
    markPageStale(0)
    scheduleRefresh()
  }
  useAddQueue.setState({ running: false })
  if (reportedFiles(useAddQueue.getState()).length === 0) doneTimer = setTimeout(dismissQueue, QUEUE_DONE_MS)
}
