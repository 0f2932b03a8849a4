import type { GroupingStatus } from '@shared/stories'
import type { LibraryStore } from '../library/library-store'
import type { LibraryStoryIndex } from './story-index'
import { ungroupedByRowids, ungroupedInTimeOrder } from './story-store'

/** Articles grouped per transaction: one fsync each, and the window free between them. */
const BATCH = 200

export interface GroupLibraryOptions {
  library: LibraryStore
  index: LibraryStoryIndex
  progress: (status: GroupingStatus, stories: number[]) => void
}

/**
 * Groups every article that is in no story yet (a library from before stories, an archive's
 * import), oldest first, in batches with a turn of the event loop between them, so the window and
 * new captures go on while a large library is grouped. One run at a time; a run asked for while
 * one goes on runs again after it (it finds the articles that came meanwhile).
 */
export class LibraryGrouping {
  private current: Promise<void> | null = null
  private again = false
  private stopped = false
  private state: GroupingStatus = { running: false, done: 0, total: 0 }

  constructor(private readonly options: GroupLibraryOptions) {}

  status(): GroupingStatus {
    return { ...this.state }
  }

  /** Starts grouping (or marks another round); resolves when everything waiting is grouped. */
  run(): Promise<void> {
    if (this.current) {
      this.again = true
      return this.current
    }
    this.current = this.rounds().finally(() => {
      this.current = null
    })
    return this.current
  }

  async stop(): Promise<void> {
    this.stopped = true
    await this.current?.catch(() => undefined)
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false
      await this.round()
    } while (this.again && !this.stopped)
  }

  private async round(): Promise<void> {
    const { library, index, progress } = this.options
    const waiting = library.query((db) => ungroupedInTimeOrder(db))
    if (waiting.length === 0) return
    this.state = { running: true, done: 0, total: waiting.length }
    progress(this.status(), [])
    try {
      for (let i = 0; i < waiting.length && !this.stopped; i += BATCH) {
        const rows = library.query((db) => ungroupedByRowids(db, waiting.slice(i, i + BATCH)))
        const stories = index.group(rows)
        this.state = { running: true, done: Math.min(waiting.length, i + BATCH), total: waiting.length }
        progress(this.status(), stories)
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      this.state = { ...this.state, running: false }
      progress(this.status(), [])
    }
  }
}
