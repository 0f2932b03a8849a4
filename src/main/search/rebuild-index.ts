import { readArticleTextForIndex } from '../library/article-files'
import { ARTICLE_COLUMNS, indexedNames, summariesOf, type ArticleRow } from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import type { SqlDatabase } from '../library/database'
import type { LibraryLayout } from '../library/layout'
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
  for (;;) {
    const rows = db.all<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`,
      [after, REINDEX_BATCH],
    )
    if (rows.length === 0) break
    const articles = summariesOf(db, rows)
    const bodies = await Promise.all(articles.map((article) => readArticleTextForIndex(layout, article)))
    const rowidOf = new Map(rows.map((row) => [row.id, Number(row.rowid)]))
    const last = Number(rows[rows.length - 1]!.rowid)
    transaction(() => {
      articles.forEach((article, i) => {
        indexArticleText(db, rowidOf.get(article.id)!, {
          title: article.title,
          correspondents: indexedNames(db, rowidOf.get(article.id)!),
          site: article.siteName ?? '',
          excerpt: article.excerpt,
          body: bodies[i]!,
        })
      })
      recordProgress(db, last)
    })
    after = last
    done += rows.length
    progress({ done, total })
  }
  // Merges the index's segments into one, which makes every later query cheaper; then the
  // rebuild is over.
  transaction(() => {
    db.run("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
    db.run('DELETE FROM library_facts WHERE key = ?', [INDEX_REBUILT_THROUGH])
  })
  return { done, total }
}

function recordProgress(db: SqlDatabase, after: number): void {
  db.run('INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)', [
    INDEX_REBUILT_THROUGH,
    String(after),
  ])
}
