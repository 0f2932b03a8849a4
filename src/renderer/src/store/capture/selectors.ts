import type { CaptureProgress } from '@shared/contract'
import type { CaptureState } from './store'

export function isCapturing(state: CaptureState): boolean {
  return state.activeCaptureId !== null
}

export function activeProgress(state: CaptureState): CaptureProgress | null {
  return state.activeCaptureId ? (state.progress[state.activeCaptureId] ?? null) : null
}

/** What a person reads while they wait; a capture without events yet is still starting. */
export function describeProgress(progress: CaptureProgress | null, tab: CaptureState['tab']): string {
  if (!progress) return tab === 'url' ? 'Fetching the page…' : 'Reading the article…'
  switch (progress.stage) {
    case 'fetching':
      return 'Fetching the page…'
    case 'extracting':
      return 'Reading the article…'
    case 'images':
      return progress.total
        ? `Saving pictures ${progress.done ?? 0} of ${progress.total}…`
        : 'Saving pictures…'
    case 'saving':
      return 'Saving…'
    case 'done':
      return 'Saved.'
    case 'failed':
      return progress.message ?? 'The article could not be saved.'
  }
}
