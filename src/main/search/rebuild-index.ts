import { MAX_BODY_BYTES } from '../library/article-files'
import { ARTICLE_COLUMNS, indexedNames, summariesOf, type ArticleRow } from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import { keptArticleTexts } from '../library/article-texts'
import type { SqlDatabase } from '../library/database'
import { createFolderReader, defaultReadWorkerPath, type FolderReader } from '../library/folder-reader'
import { articleDir, bodyRevision, type LibraryLayout } from '../library/layout'
import { INDEX_REBUILT_THROUGH } from '../library/schema'

export interface ReindexProgress {
  done: number
  total: number
}

/** Articles indexed per transaction: big enough to be quick, small enough to keep memory flat. */
const REINDEX_BATCH = 250

/**
 * The rowid after which an interrupted rebuild of the full-text index goes on, or null when the
 * index is complete. Set by `dateline reindex` and by a schema step that remade the index table.
 */
export function pendingIndexRebuild(db: SqlDatabase): number | null {
  const row = db.get<{ value: string }>('SELECT value FROM library_facts WHERE key = ?', [
    INDEX_REBUILT_THROUGH,
  ])
  if (!row) return null
  const after = Number(row.value)
  return Number.isSafeInteger(after) && after >= 0 ? after : 0
}

/**
 * Builds the full-text index from the articles' rows and stored text, batch by batch. Each batch is
 * one transaction that also records the last rowid done, so a kill part-way leaves an index that
 * is complete up to that article, and the next open (or `dateline reindex`) carries on from there.
 * `resume` continues the rebuild that `pendingIndexRebuild` reports instead of starting over.
 */
export async function rebuildTextIndex(
  db: SqlDatabase,
  layout: LibraryLayout,
  /** Runs one batch as one transaction (the store's commit, where a change log hooks in). */
  transaction: (work: () => void) => void,
  progress: (state: ReindexProgress) => void = () => {},
  resume = false,
  /** The reading thread's script (folder-reader.ts); null reads on this thread. */
  readWorkerPath: string | null = defaultReadWorkerPath(),
): Promise<ReindexProgress> {
  const total = Number(db.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0)
  let after = resume ? (pendingIndexRebuild(db) ?? 0) : 0
  if (!resume || after === 0) {
    transaction(() => {
      db.run("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")
      recordProgress(db, 0)
    })
    after = 0
  }
  let done = Number(
    db.get<{ n: number }>('SELECT count(*) AS n FROM articles WHERE rowid <= ?', [after])?.n ?? 0,
  )
  progress({ done, total })
  transaction(() => setMerging(db, false))
  // The next batch's text is read on the reader's thread while this one is indexed, so the disk
  // works while SQLite does (folder-reader.ts says why a thread of its own).
  const reader = createFolderReader(layout.root, readWorkerPath)
  try {
    let next = readBatch(db, layout, reader, after)
    for (;;) {
      const { rows, articles, bodies, kept } = await next
      if (rows.length === 0) break
      const last = Number(rows[rows.length - 1]!.rowid)
      next = readBatch(db, layout, reader, last)
      next.catch(() => undefined)
      const rowidOf = new Map(rows.map((row) => [row.id, Number(row.rowid)]))
      transaction(() => {
        const unchanged = unchangedSince(db, rows)
        articles.forEach((article, i) => {
          const rowid = rowidOf.get(article.id)!
          // Changed or deleted since it was read (a capture while the app reindexes): its own
          // write indexed it afresh, which a stale text must not overwrite.
          if (!unchanged.has(rowid)) return
          indexArticleText(
            db,
            rowid,
            {
              title: article.title,
              correspondents: indexedNames(db, rowid),
              site: article.siteName ?? '',
              excerpt: article.excerpt,
              body: bodies[i]!,
            },
            { textKept: kept[i] },
          )
        })
        recordProgress(db, last)
      })
      after = last
      done += rows.length
      progress({ done, total })
    }
  } finally {
    await reader.close()
  }
  // Merges the index's segments into one, which makes every later query cheaper; then the
  // rebuild is over.
  transaction(() => {
    setMerging(db, true)
    db.run("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
    db.run('DELETE FROM library_facts WHERE key = ?', [INDEX_REBUILT_THROUGH])
  })
  return { done, total }
}

/**
 * The rows after `after`, with their text: the one kept in the database when it is current and
 * intact (`kept`), else the `.txt` file's (empty when it cannot be read, as before), which the
 * batch's write then keeps. So a library from before schema 18 fills `article_texts` here.
 */
async function readBatch(
  db: SqlDatabase,
  layout: LibraryLayout,
  reader: FolderReader,
  after: number,
): Promise<{
  rows: ArticleRow[]
  articles: ReturnType<typeof summariesOf>
  bodies: string[]
  kept: boolean[]
}> {
  const rows = db.all<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`,
    [after, REINDEX_BATCH],
  )
  const articles = summariesOf(db, rows)
  const stored = keptArticleTexts(db, articles)
  const unkept = articles.filter((article) => !stored.has(article.id))
  const files =
    unkept.length === 0
      ? []
      : await reader.read(
          unkept.map((article) => ({
            folder: articleDir(layout, article.id),
            name: `${bodyRevision(article.updatedAt)}.txt`,
            maxBytes: MAX_BODY_BYTES,
          })),
        )
  const fromFiles = new Map(
    unkept.map((article, i) => {
      const file = files[i]!
      const text =
        'bytes' in file
          ? Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('utf8')
          : ''
      return [article.id, text]
    }),
  )
  const bodies = articles.map((article) => stored.get(article.id) ?? fromFiles.get(article.id)!)
  return { rows, articles, bodies, kept: articles.map((article) => stored.has(article.id)) }
}

/** Which of `rows` still hold the same article, as it was when read. */
function unchangedSince(db: SqlDatabase, rows: ArticleRow[]): Set<number> {
  const first = Number(rows[0]!.rowid)
  const last = Number(rows[rows.length - 1]!.rowid)
  const now = new Map(
    db
      .all<{ rowid: number; id: string; updated_at: string }>(
        'SELECT rowid, id, updated_at FROM articles WHERE rowid BETWEEN ? AND ?',
        [first, last],
      )
      .map((row) => [Number(row.rowid), `${row.id} ${row.updated_at}`]),
  )
  return new Set(
    rows
      .filter((row) => now.get(Number(row.rowid)) === `${row.id} ${row.updated_at}`)
      .map((row) => Number(row.rowid)),
  )
}

function recordProgress(db: SqlDatabase, after: number): void {
  db.run('INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)', [
    INDEX_REBUILT_THROUGH,
    String(after),
  ])
}

/**
 * FTS5 merges its segments as they are written (automerge 4, crisismerge 16). Filling a whole
 * index, that rewrote the growing index after every batch: at 100k, 13 GB written and fsynced for a
 * database under 1 GB, most of reindex's wall clock spent waiting for the disk. Paused, each batch
 * adds a segment and the closing 'optimize' merges them in one pass. The setting lives in the
 * index's own config, so a rebuild a kill stopped keeps it paused until it is resumed and finished
 * (at the next open); writes meanwhile only add a segment each.
 */
function setMerging(db: SqlDatabase, on: boolean): void {
  db.run("INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', ?)", [on ? 4 : 0])
  db.run("INSERT INTO article_fts (article_fts, rank) VALUES ('crisismerge', ?)", [on ? 16 : 2000])
}
