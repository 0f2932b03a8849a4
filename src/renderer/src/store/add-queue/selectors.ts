import type { AddQueueState, QueuedFile } from './store'

function isFinished(file: QueuedFile): boolean {
  return file.status !== 'waiting' && file.status !== 'adding'
}

export function finishedCount(state: AddQueueState): number {
  return state.files.filter(isFinished).length
}

export function addingNow(state: AddQueueState): QueuedFile | null {
  return state.files.find((file) => file.status === 'adding') ?? null
}

/** What the person should know once the batch is done: failures, and additions with a note. */
export function reportedFiles(state: AddQueueState): QueuedFile[] {
  return state.files.filter((file) => file.status === 'failed' || (isFinished(file) && file.message))
}

/** "Adding 3 of 7: name.html", counted over the whole batch so the numbers only grow. */
export function describeQueue(state: AddQueueState): string {
  const total = state.files.length
  const now = addingNow(state)
  if (state.running && now) {
    const position = state.files.indexOf(now) + 1
    return `Adding ${position} of ${total}: ${now.name}`
  }
  const failed = state.files.filter((file) => file.status === 'failed').length
  const added = total - failed
  const files = total === 1 ? 'file' : 'files'
  return failed === 0
    ? `Added ${added} of ${total} ${files}.`
    : `Added ${added} of ${total} ${files}; ${failed} could not be added.`
}
