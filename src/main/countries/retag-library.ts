import type { RetagStatus } from '@shared/countries'
import { toErrorInfo } from '@shared/errors'
import { readArticleTextForIndex } from '../library/article-files'
import { isArticleId } from '../library/confined-files'
import type { LibraryStore } from '../library/library-store'
import { createBackgroundTagger, type BackgroundTagger } from './background-tagger'
import { changedArticles, dropOrphanEdits, storeArticleCountries } from './country-store'
import type { CountryTag, TagInput } from './tag-countries'

/**
 * Re-tagging the whole library: a batch of articles at a time is read (row and text file), tagged in
 * the tag worker and stored in one transaction, then the thread is given back before the next batch,
 * so the window's own calls are answered between batches. The person's edits are applied again.
 */

/** Big enough that a transaction's fsync is spread over many articles, small enough to stay under a frame. */
const BATCH = 100
/**
 * The database answers the window on this same thread, and a transaction holds it for its work and
 * then its flush to disk. The flush costs the same for one article as for fifty, so changes are
 * written a slice at a time: the slice sized so that its work takes about WORK_BUDGET_MS, but never
 * so small that the flushes add up (the flush itself is 5–50 ms on this machine's disk).
 */
const WORK_BUDGET_MS = 8
const MIN_SLICE = 20
const MAX_SLICE = 200
/** Progress is told at most this often (and at the end). */
const PROGRESS_EVERY_MS = 200

interface StoredRow {
  rowid: number
  id: string
  title: string
  lang: string | null
  site_name: string | null
  url: string | null
  canonical_url: string | null
  updated_at: string
  word_count: number
}

export interface RetagOptions {
  library: LibraryStore
  now: () => Date
  progress: (status: RetagStatus) => void
  tagger?: BackgroundTagger
  batchSize?: number
}

export interface RetagJob {
  /** Starts re-tagging unless it runs already; returns where it stands. */
  start(): RetagStatus
  status(): RetagStatus
  /** Resolves when the current run (if any) has ended. */
  finished(): Promise<void>
}

const IDLE: RetagStatus = {
  running: false,
  done: 0,
  total: 0,
  changed: 0,
  startedAt: null,
  finishedAt: null,
  error: null,
}

export function createRetagJob(
  options: Omit<RetagOptions, 'progress'> & { progress: RetagOptions['progress'] },
): RetagJob {
  let status: RetagStatus = IDLE
  let run: Promise<void> = Promise.resolve()
  return {
    start() {
      if (status.running) return status
      status = { ...IDLE, running: true, startedAt: options.now().toISOString() }
      run = retagLibrary({
        ...options,
        progress: (next) => {
          status = next
          options.progress(next)
        },
      }).then(
        () => undefined,
        () => undefined,
      )
      return status
    },
    status: () => status,
    finished: () => run,
  }
}

/** Runs one re-tagging of every article; the last status it reports says how it ended. */
export async function retagLibrary(options: RetagOptions): Promise<RetagStatus> {
  const { library } = options
  const tagger = options.tagger ?? createBackgroundTagger()
  const batchSize = options.batchSize ?? BATCH
  let status: RetagStatus = {
    ...IDLE,
    running: true,
    startedAt: options.now().toISOString(),
    total: library.query((db) => Number(db.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0)),
  }
  let toldAt = 0
  let slice = MIN_SLICE
  const tell = (force: boolean): void => {
    const at = performance.now()
    if (!force && at - toldAt < PROGRESS_EVERY_MS) return
    toldAt = at
    options.progress(status)
  }
  tell(true)
  try {
    for (let after = 0; ;) {
      const rows = library.query((db) =>
        db.all<StoredRow>(
          `SELECT rowid, id, title, lang, site_name, url, canonical_url, updated_at, word_count FROM articles
           WHERE rowid > ? ORDER BY rowid LIMIT ?`,
          [after, batchSize],
        ),
      )
      if (rows.length === 0) break
      after = rows[rows.length - 1]!.rowid
      const readable = rows.filter((row) => isArticleId(row.id))
      const texts = await Promise.all(
        readable.map((row) =>
          readArticleTextForIndex(library.layout, { id: row.id, updatedAt: row.updated_at }),
        ),
      )
      // An article whose text cannot be read keeps its tags: a headline alone would lose most of them.
      const tagged = readable.flatMap((row, i) =>
        texts[i] === '' && row.word_count > 0 ? [] : [{ row, input: tagInput(row, texts[i]!) }],
      )
      const tags = await tagger.tag(tagged.map((t) => t.input))
      // Most articles keep their countries: finding which change is a read, without a transaction.
      const changes = library.query((db) =>
        changedArticles(
          db,
          tagged.flatMap(({ row }, i) => {
            const found = tags[i]
            return found ? [{ rowid: row.rowid, id: row.id, tags: found, row }] : []
          }),
        ),
      )
      const changed = await writeInSlices(library, changes, slice)
      slice = changed.slice
      status = { ...status, done: status.done + rows.length, changed: status.changed + changed.count }
      tell(false)
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    library.change((db) => dropOrphanEdits(db))
    status = {
      ...status,
      running: false,
      done: Math.max(status.done, status.total),
      finishedAt: options.now().toISOString(),
    }
  } catch (error) {
    status = {
      ...status,
      running: false,
      finishedAt: options.now().toISOString(),
      error: `Re-tagging stopped after ${status.done} of ${status.total} articles: ${toErrorInfo(error).message}`,
    }
  } finally {
    if (options.tagger === undefined) await tagger.close()
  }
  tell(true)
  return status
}

interface Change {
  row: StoredRow
  tags: CountryTag[]
}

/** Stores the changed articles, one short transaction per slice, giving the thread back between. */
async function writeInSlices(
  library: LibraryStore,
  changes: Change[],
  firstSlice: number,
): Promise<{ count: number; slice: number }> {
  let slice = firstSlice
  let count = 0
  for (let at = 0; at < changes.length;) {
    const part = changes.slice(at, at + slice)
    let work = 0
    count += library.change((db) => {
      const started = performance.now()
      let stored = 0
      for (const { row, tags } of part) {
        // Stored only if the article is still the copy that was read (not deleted, not re-captured).
        const same = db.get('SELECT 1 FROM articles WHERE rowid = ? AND id = ? AND updated_at = ?', [
          row.rowid,
          row.id,
          row.updated_at,
        ])
        if (same && storeArticleCountries(db, row.rowid, row.id, tags)) stored++
      }
      work = performance.now() - started
      return stored
    })
    at += part.length
    const perArticle = Math.max(work, 0.1) / part.length
    slice = Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.round(WORK_BUDGET_MS / perArticle)))
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return { count, slice }
}

function tagInput(row: StoredRow, text: string): TagInput {
  return {
    title: row.title,
    text,
    lang: row.lang,
    siteName: row.site_name,
    url: row.canonical_url ?? row.url,
  }
}
