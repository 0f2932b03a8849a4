import { create } from 'zustand'

export type QueuedFileStatus = 'waiting' | 'adding' | 'added' | 'kept' | 'failed'

/** One file of a batch, from waiting to its outcome; what the person reads about it. */
export interface QueuedFile {
  key: number
  name: string
  status: QueuedFileStatus
  /** Why it failed, or the note about what was added (pictures missing, a copy kept). */
  message: string | null
  articleId: string | null
  title: string | null
}

/**
 * Files dropped or chosen together, added one after another. A batch grows while it runs (a second
 * drop joins it) and stays listed until dismissed when something failed or needs a note.
 */
export interface AddQueueState {
  files: readonly QueuedFile[]
  running: boolean
}

export const useAddQueue = create<AddQueueState>()(() => ({ files: [], running: false }))
