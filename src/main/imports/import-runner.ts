import type { ImportJob } from '@shared/imports'
import { toErrorInfo } from '@shared/errors'
import { captureArticle, type CaptureDependencies, type CaptureSource } from '../ingest/capture'
import type { LibraryStore } from '../library/library-store'
import { importedDocument } from './imported-document'
import {
  completeItem,
  failItem,
  jobHasWaiting,
  nextQueuedItems,
  readJob,
  type QueuedItem,
} from './import-store'

/** Captures at once: enough to hide a slow site behind three others, few enough to be polite to one. */
export const IMPORT_CONCURRENCY = 4
/** A person watching a 10,000-link import needs a few updates a second, not one per article. */
const PROGRESS_INTERVAL_MS = 250

export interface ImportRunnerDependencies extends Omit<CaptureDependencies, 'progress'> {
  library: LibraryStore
  concurrency?: number
  onProgress: (job: ImportJob) => void
  onArticles: (ids: string[]) => void
}

/**
 * Works through the import queue in the library database: up to `concurrency` captures at once,
 * oldest first, skipping paused imports. All it knows lives in the database (an item is `queued`
 * until its article is stored, and then `done` in the transaction that files it), so a kill
 * at any moment only repeats the captures that were under way.
 */
export class ImportRunner {
  private readonly underWay = new Map<number, Promise<void>>()
  private readonly concurrency: number
  private readonly lastProgress = new Map<number, number>()
  private readonly pendingProgress = new Map<number, ReturnType<typeof setTimeout>>()
  private stopped = false
  private idleWaiters: (() => void)[] = []

  constructor(private readonly deps: ImportRunnerDependencies) {
    this.concurrency = Math.max(1, deps.concurrency ?? IMPORT_CONCURRENCY)
  }

  /** Starts captures until the limit is reached or nothing waits. Safe to call at any time. */
  kick(): void {
    if (this.stopped) return
    const free = this.concurrency - this.underWay.size
    if (free <= 0) return
    let items: QueuedItem[]
    try {
      items = this.deps.library.query((db) => nextQueuedItems(db, [...this.underWay.keys()], free))
    } catch {
      return // the library closed under us
    }
    for (const item of items) {
      const work = this.capture(item).finally(() => {
        this.underWay.delete(item.id)
        this.kick()
        if (this.underWay.size === 0) this.settle()
      })
      this.underWay.set(item.id, work)
    }
    if (this.underWay.size === 0) this.settle()
  }

  /** Resolves when nothing is under way and nothing waits (or every waiting import is paused). */
  idle(): Promise<void> {
    if (this.underWay.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /**
   * No new capture starts; those under way are given a moment to finish. Whatever they do after
   * is not recorded, so their items stay queued for the next start.
   */
  async stop(graceMs = 2000): Promise<void> {
    this.stopped = true
    for (const timer of this.pendingProgress.values()) clearTimeout(timer)
    const settled = Promise.allSettled([...this.underWay.values()])
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, graceMs).unref())])
  }

  /** Sends a job's counts now, or soon if some were sent a moment ago. */
  reportProgress(jobId: number, now = false): void {
    if (this.stopped || this.pendingProgress.has(jobId)) return
    const since = Date.now() - (this.lastProgress.get(jobId) ?? 0)
    const send = (): void => {
      this.pendingProgress.delete(jobId)
      this.lastProgress.set(jobId, Date.now())
      const job = this.deps.library.query((db) => readJob(db, jobId))
      if (job) this.deps.onProgress(job)
    }
    if (now || since >= PROGRESS_INTERVAL_MS) send()
    else this.pendingProgress.set(jobId, setTimeout(send, PROGRESS_INTERVAL_MS - since))
  }

  private async capture(item: QueuedItem): Promise<void> {
    const html = importedDocument(item)
    const source: CaptureSource = html
      ? { kind: 'html', html, baseUrl: item.url }
      : { kind: 'url', url: item.url }
    let outcome: { article: { id: string; addedAt: string } } | { error: string }
    try {
      const { library: _library, concurrency: _c, onProgress: _p, onArticles: _a, ...capture } = this.deps
      const result = await captureArticle(source, {
        ...capture,
        library: this.deps.library,
        progress: () => {},
      })
      outcome = { article: result.article }
    } catch (error) {
      outcome = { error: toErrorInfo(error).message }
    }
    if (this.stopped) return
    const at = this.deps.now().toISOString()
    try {
      this.deps.library.change((db) =>
        'article' in outcome
          ? completeItem(db, item, outcome.article, at)
          : failItem(db, item.id, outcome.error),
      )
    } catch {
      return // closed while capturing: the item stays queued
    }
    if ('article' in outcome) this.deps.onArticles([outcome.article.id])
    const finished = !this.deps.library.query((db) => jobHasWaiting(db, item.job))
    this.reportProgress(item.job, finished)
  }

  private settle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}
