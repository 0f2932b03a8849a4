import type { LibraryStore } from '../library/library-store'
import type { SqlDatabase } from '../library/database'
import { ArticleFeatureCache } from './feature-cache'
import { dayOf, IDF_WINDOW_DAYS, StoryGrouper } from './story-grouper'
import {
  createStory,
  itemOfRow,
  membersOfDays,
  putInStory,
  storyRow,
  ungroupedByRowids,
  type GroupingRow,
} from './story-store'

/** Days kept in memory before the farthest are dropped (about two months of a busy library). */
const DAYS_KEPT = 60
/**
 * Days either side of those loaded whose features are computed ahead, between articles: articles
 * arrive in time order, so the next one's week reaches one day further, two after a quiet day.
 */
const DAYS_AHEAD = 2
/** Longest one turn of computing ahead holds the event loop. */
const AHEAD_TURN_MS = 8

/** A decision made in memory and not yet written (a background round writes them in batches). */
interface PendingPlacement {
  rowid: number
  at: number
  /** Negative: a story started in memory, numbered by the database when written. */
  story: number
  score: number
}

/**
 * The library's grouping: the pure StoryGrouper over the days the current articles need, loaded
 * from story_articles on first use and kept while the window moves (a new article of today needs
 * the fortnight around today, so a live library loads it once). A person's correction changes
 * the stored stories; the memory is then dropped and reloaded on the next article.
 */
export class LibraryStoryIndex {
  private grouper = this.emptyGrouper()
  private readonly loaded = new Set<number>()
  /** Features of the articles held and of the days computed ahead: they outlive a reset. */
  private readonly features = new ArticleFeatureCache()
  /** Days not loaded whose features are computed (rows read since may differ: checked per article). */
  private readonly ahead = new Set<number>()
  /** The day of the last article grouped or warmed around: the days ahead are counted from it. */
  private lastDay: number | null = null
  private computingAhead: Promise<void> | null = null
  private aheadAgain = false
  private stopped = false
  private pending: PendingPlacement[] = []
  private nextProvisional = -1

  constructor(
    private readonly library: LibraryStore,
    private readonly now: () => Date,
  ) {}

  /**
   * Puts each article in a story (one transaction); returns the stories that changed and how many
   * articles were grouped: all of them, or fewer when `budgetMs` ran out first (the rest wait for
   * the next call, so a background round never holds the window for long).
   */
  group(rows: GroupingRow[], budgetMs = Infinity): { stories: number[]; grouped: number } {
    if (rows.length === 0) return { stories: [], grouped: 0 }
    const changed = new Set<number>()
    const deadline = performance.now() + budgetMs
    let grouped = 0
    this.library.change((db) => {
      for (const story of this.writePending(db)) changed.add(story)
      for (const row of rows) {
        if (grouped > 0 && performance.now() > deadline) break
        grouped++
        const item = itemOfRow(row)
        const day = dayOf(item.at)
        this.load(db, day)
        const features = this.features.featuresOf(row.rowid, item)
        const decided = this.grouper.decide(item, features)
        const story = decided?.story ?? createStory(db, item.at, this.now())
        putInStory(db, { rowid: row.rowid, at: item.at }, story, 'auto', decided?.score ?? 0)
        this.grouper.place(String(row.rowid), item, story, features)
        changed.add(story)
      }
    })
    return { stories: [...changed], grouped }
  }

  /**
   * Decides stories for the rows in memory, as `group` does, without writing: a background round
   * groups a large library this way and writes a batch at a time (`flush`), since every commit
   * waits for the disk (fsync: 7 ms median, over a second when the disk is busy), which held the
   * event loop for seconds when each 40 ms turn committed. Returns how many rows were decided.
   */
  decide(rows: GroupingRow[], budgetMs = Infinity): number {
    const deadline = performance.now() + budgetMs
    let decided = 0
    this.library.query((db) => {
      for (const row of rows) {
        if (decided > 0 && performance.now() > deadline) break
        decided++
        const item = itemOfRow(row)
        this.load(db, dayOf(item.at))
        const features = this.features.featuresOf(row.rowid, item)
        const assignment = this.grouper.decide(item, features)
        const story = assignment?.story ?? this.nextProvisional--
        this.pending.push({ rowid: row.rowid, at: item.at, story, score: assignment?.score ?? 0 })
        this.grouper.place(String(row.rowid), item, story, features)
      }
    })
    return decided
  }

  /** Decisions made in memory and not written yet. */
  get waiting(): number {
    return this.pending.length
  }

  /** Writes the decisions made in memory, in one transaction; returns the stories they changed. */
  flush(): number[] {
    if (this.pending.length === 0) return []
    return this.library.change((db) => this.writePending(db))
  }

  private writePending(db: SqlDatabase): number[] {
    if (this.pending.length === 0) return []
    const pending = this.pending
    this.pending = []
    // Deleted meanwhile, or placed by a capture or a person since: left as they are now.
    const waiting = new Set(
      ungroupedByRowids(
        db,
        pending.map((p) => p.rowid),
      ).map((row) => row.rowid),
    )
    const numbered = new Map<number, number>()
    const changed = new Set<number>()
    let stale = false
    for (const placement of pending) {
      if (!waiting.has(placement.rowid)) {
        this.grouper.remove(String(placement.rowid))
        continue
      }
      let story = numbered.get(placement.story) ?? placement.story
      // A story started in memory, or one emptied (its articles deleted) since it was chosen.
      if (story < 0 || !storyRow(db, story)) {
        const created = createStory(db, placement.at, this.now())
        numbered.set(placement.story, created)
        if (!this.grouper.renameStory(placement.story, created)) stale = true
        story = created
      }
      putInStory(db, placement, story, 'auto', placement.score)
      changed.add(story)
    }
    // The database reused the number of a story gone since: memory starts again from what is written.
    if (stale) this.forgetMemory()
    return [...changed]
  }

  /**
   * Loads the week around a time (today, when the app opens), so the first article a feed brings
   * does not wait for it: a day per turn of the event loop (`nextTurn`), since the week at once
   * held the window about 0.5 s of CPU at 100 articles a day (~600 articles read and placed).
   */
  async warm(
    at: number,
    nextTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ): Promise<void> {
    const day = dayOf(at)
    this.lastDay = day
    for (let d = day - IDF_WINDOW_DAYS; d <= day + IDF_WINDOW_DAYS; d++) {
      this.library.query((db) => this.loadDays(db, d, d))
      await nextTurn()
    }
  }

  /**
   * Computes the features of the days the next article will reach (the days just past those
   * loaded around the last one), a slice per turn of the event loop, so that the article that
   * reaches a new day reads its rows and places them instead of computing 60–170 articles'
   * features while a capture waits. Only features: days are placed when an article needs them, as
   * without this, so what the grouper holds (its IDF, every decision) is the same. One run at a
   * time; one asked for meanwhile runs after it, from the newer last day.
   */
  computeAhead(
    nextTurn: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
  ): Promise<void> {
    if (this.computingAhead) {
      this.aheadAgain = true
      return this.computingAhead
    }
    this.computingAhead = (async () => {
      do {
        this.aheadAgain = false
        await this.computeDaysAhead(nextTurn)
      } while (this.aheadAgain && !this.stopped)
    })().finally(() => {
      this.computingAhead = null
    })
    return this.computingAhead
  }

  /** Stops computing ahead (before the library closes). */
  async stop(): Promise<void> {
    this.stopped = true
    await this.computingAhead?.catch(() => undefined)
  }

  /** How many times articles' features were computed (a test counts what reading days costs). */
  get featuresComputed(): number {
    return this.features.computed
  }

  private async computeDaysAhead(nextTurn: () => Promise<void>): Promise<void> {
    // Never in the caller's turn: that is the capture the article came with.
    await nextTurn()
    if (this.lastDay === null) return
    const center = this.lastDay
    for (let k = 1; k <= DAYS_AHEAD; k++) {
      for (const day of [center + IDF_WINDOW_DAYS + k, center - IDF_WINDOW_DAYS - k]) {
        if (this.stopped || this.aheadAgain) return
        if (this.loaded.has(day) || this.ahead.has(day)) continue
        const rows = this.library.query((db) => membersOfDays(db, day, day))
        let turnStart = performance.now()
        for (const row of rows) {
          this.features.featuresOf(row.rowid, itemOfRow(row))
          if (performance.now() - turnStart < AHEAD_TURN_MS) continue
          await nextTurn()
          if (this.stopped) return
          turnStart = performance.now()
        }
        this.ahead.add(day)
        await nextTurn()
      }
    }
  }

  /**
   * Forget what is in memory (after a person's correction, or when the articles changed a lot);
   * decisions not yet written are dropped: those articles wait to be grouped again.
   */
  reset(): void {
    this.pending = []
    this.forgetMemory()
  }

  private forgetMemory(): void {
    // The features stay: they depend on the articles alone, not on the stories a person changed.
    this.grouper = this.emptyGrouper()
    this.loaded.clear()
  }

  private load(db: SqlDatabase, day: number): void {
    this.lastDay = day
    this.loadDays(db, day - IDF_WINDOW_DAYS, day + IDF_WINDOW_DAYS)
    if (this.loaded.size > DAYS_KEPT) {
      const keepFrom = day - DAYS_KEPT / 2
      const keepTo = day + DAYS_KEPT / 2
      this.grouper.forgetOutside(keepFrom, keepTo)
      this.features.forgetOutside(keepFrom, keepTo)
      for (const d of [...this.loaded]) if (d < keepFrom || d > keepTo) this.loaded.delete(d)
      for (const d of [...this.ahead]) if (d < keepFrom || d > keepTo) this.ahead.delete(d)
    }
  }

  /** Loads the days of [from, to] not in memory yet, each run of missing days in one query. */
  private loadDays(db: SqlDatabase, from: number, to: number): void {
    let start: number | null = null
    for (let d = from; d <= to + 1; d++) {
      const missing = d <= to && !this.loaded.has(d)
      if (missing && start === null) start = d
      if (!missing && start !== null) {
        for (const row of membersOfDays(db, start, d - 1)) {
          const item = itemOfRow(row)
          this.grouper.place(String(row.rowid), item, row.story, this.features.featuresOf(row.rowid, item))
        }
        for (let m = start; m < d; m++) this.loaded.add(m)
        start = null
      }
    }
  }

  private emptyGrouper(): StoryGrouper {
    // Stories are numbered by the database; the grouper only decides among existing ones.
    return new StoryGrouper(() => {
      throw new Error('The library creates its stories in the database.')
    })
  }
}
