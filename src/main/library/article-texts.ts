import { deflateSync, inflateSync } from 'node:zlib'
import type { SqlDatabase } from './database'
import type { BodyRef } from './layout'

/**
 * Each article's plain text kept in the database (`article_texts`, schema 18), beside its `.txt`
 * file, so `dateline reindex` and the search page's snippets read no file: at 100k a reindex read
 * 100,000 files on a disk that answers one request at a time (286 s of which 87 s was work).
 *
 * A text is written in the transaction that writes the article's full-text entry (indexArticleText),
 * so both always say the same; it goes with its article (ON DELETE CASCADE). It is compressed with
 * zlib at level 1 (deflate with an Adler-32 check of the text, 6 bytes more than raw deflate), so a
 * damaged row fails to inflate instead of giving a wrong text.
 *
 * Nothing read back is trusted: a row is used only when it belongs to the revision asked for (its
 * `updated_at` is the article's), inflates with its check intact, within the size cap, to valid
 * UTF-8. Otherwise the caller reads the `.txt` file, as before schema 18.
 */

/** zlib level: 1 writes ~2x quicker than 6 for a text ~7% larger (docs/benchmarks.md). */
const LEVEL = 1

/** As MAX_BODY_BYTES (article-files.ts): no text Dateline wrote inflates to more. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Keeps `text` as the text of the article at `rowid`, for the revision its row names now. An empty
 * text (its file could not be read) is not kept, so the next reader tries the file again.
 */
export function keepArticleText(db: SqlDatabase, rowid: number, text: string): void {
  if (text === '') {
    db.run('DELETE FROM article_texts WHERE rowid = ?', [rowid])
    return
  }
  const row = db.get<{ updated_at: string }>('SELECT updated_at FROM articles WHERE rowid = ?', [rowid])
  if (!row) return
  // One row by its values, as an upsert: an INSERT ... SELECT, or INSERT OR REPLACE on a table with
  // a foreign key, opens a statement journal, and each one makes FTS5 write out the entries still
  // pending in this transaction, one segment per article (twice the CPU of a reindex's batch).
  db.run(
    `INSERT INTO article_texts (rowid, updated_at, text) VALUES (?, ?, ?)
     ON CONFLICT (rowid) DO UPDATE SET updated_at = excluded.updated_at, text = excluded.text`,
    [rowid, row.updated_at, deflateSync(Buffer.from(text, 'utf8'), { level: LEVEL })],
  )
}

/**
 * The kept texts of `refs` (by article id) that are current and intact; an article missing from the
 * map has no usable row (none yet, another revision's, or damaged) and is read from its file.
 */
export function keptArticleTexts(db: SqlDatabase, refs: readonly BodyRef[]): Map<string, string> {
  const kept = new Map<string, string>()
  if (refs.length === 0) return kept
  const wanted = new Map(refs.map((ref) => [ref.id, ref.updatedAt]))
  const rows = db.all<{ id: string; updated_at: unknown; text: unknown }>(
    `SELECT a.id, t.updated_at, t.text FROM articles a JOIN article_texts t ON t.rowid = a.rowid
     WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...wanted.keys()])],
  )
  for (const row of rows) {
    if (row.updated_at !== wanted.get(row.id)) continue
    const text = inflated(row.text)
    if (text !== null) kept.set(row.id, text)
  }
  return kept
}

function inflated(stored: unknown): string | null {
  if (!(stored instanceof Uint8Array)) return null
  try {
    return utf8.decode(inflateSync(stored, { maxOutputLength: MAX_TEXT_BYTES }))
  } catch {
    return null
  }
}
