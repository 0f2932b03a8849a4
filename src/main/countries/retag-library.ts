import type { RetagStatus } from '@shared/countries'
import { toErrorInfo } from '@shared/errors'
import { readArticleTextForIndex } from '../library/article-files'
import { isArticleId } from '../library/confined-files'
import type { LibraryStore } from '../library/library-store'
import { createBackgroundTagger, type BackgroundTagger } from './background-tagger'
import { dropOrphanEdits, storeArticleCountries } from './country-store'
import type { TagInput } from './tag-countries'

/**
 * Re-tagging the whole library: a batch of articles at a time is read (row and text file), tagged in
 * the tag worker and stored in one transaction, then the thread is given back before the next batch,
 * so the window's own calls are answered between batches. The person's edits are applied again.
 */

/** Big enough that a transaction's fsync is spread over many articles, small enough to stay under a frame. */
const BATCH = 100
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
      const changed = library.change((db) => {
        let count = 0
        tagged.forEach(({ row }, i) => {
          const found = tags[i]
          if (found === null || found === undefined) return
          // Stored again only if the article is still the copy that was read (not deleted, not re-captured).
          const same = db.get('SELECT 1 FROM articles WHERE rowid = ? AND id = ? AND updated_at = ?', [
            row.rowid,
            row.id,
            row.updated_at,
          ])
          if (same && storeArticleCountries(db, row.rowid, row.id, found)) count++
        })
        return count
      })
      status = { ...status, done: status.done + rows.length, changed: status.changed + changed }
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

function tagInput(row: StoredRow, text: string): TagInput {
  return {
    title: row.title,
    text,
    lang: row.lang,
    siteName: row.site_name,
    url: row.canonical_url ?? row.url,
  }
}
