import type { GroupingStatus } from '@shared/stories'
import type { LibraryStore } from '../library/library-store'
import type { LibraryStoryIndex } from './story-index'
import { ungroupedByRowids, ungroupedInTimeOrder } from './story-store'

/** Articles read per query. */
const BATCH = 200
/**
 * Longest a round holds the event loop deciding before it lets the window and captures in.
 * Measured: 0.3 to 3 ms an article, so 10 to 100 a turn.
 */
const TURN_MS = 40
/**
 * Decisions are written (one transaction, one fsync) once this many wait or this long has passed:
 * a commit per 40 ms turn spent a quarter of a 10k round in fsync and held the loop 1.4 s at worst.
 */
const WRITE_EVERY_ARTICLES = 200
const WRITE_EVERY_MS = 1000

export interface GroupLibraryOptions {
  library: LibraryStore
  index: LibraryStoryIndex
  progress: (status: GroupingStatus, stories: number[]) => void
  /** Resolves when the next turn may run (the host's BackgroundWork defers to the person's calls). */
  nextTurn?: () => Promise<void>
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
    let written = performance.now()
    const write = (): void => {
      written = performance.now()
      progress(this.status(), index.flush())
    }
    try {
      let done = 0
      const nextTurn = this.options.nextTurn ?? nextImmediate
      for (let i = 0; i < waiting.length && !this.stopped; i += BATCH) {
        let ids = waiting.slice(i, i + BATCH)
        // Every decision waits for a turn of its own, a new batch's first one too, so that a
        // person's call in flight never sees two turns run back to back.
        while (ids.length > 0 && !this.stopped) {
          await nextTurn()
          if (this.stopped) break
          // Articles a capture grouped meanwhile (or since the round began) no longer wait.
          let rows = library.query((db) => ungroupedByRowids(db, ids))
          done += ids.length - rows.length
          const grouped = index.decide(rows, TURN_MS)
          rows = rows.slice(grouped)
          done += grouped
          ids = rows.map((row) => row.rowid)
          this.state = { running: true, done, total: waiting.length }
          if (index.waiting >= WRITE_EVERY_ARTICLES || performance.now() - written >= WRITE_EVERY_MS) write()
          else progress(this.status(), [])
        }
      }
      write()
    } finally {
      this.state = { ...this.state, running: false }
      // Stopped or failed part way: what was decided is written if it can be, else regrouped later.
      let stories: number[] = []
      try {
        stories = index.flush()
      } catch {
        index.reset()
      }
      progress(this.status(), stories)
    }
  }
}

function nextImmediate(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
