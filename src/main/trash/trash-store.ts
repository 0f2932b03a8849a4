import { z } from 'zod'
import { TRASH_KEEP_DAYS, type TrashPage, type TrashedArticle } from '@shared/trash'
import { removeArticleFolder } from '../library/article-files'
import { isArticleId } from '../library/confined-files'
import type { SqlDatabase } from '../library/database'
import type { LibraryStore } from '../library/library-store'

const DAY_MS = 24 * 60 * 60 * 1000

/** What a trash row's record must hold to be listed; the rest is library-store's to restore. */
const ListedRecord = z.object({
  article: z.object({ title: z.string(), siteName: z.string().nullable().catch(null) }),
})

interface TrashRow {
  id: string
  deleted_at: string
  record: string
}

export function purgeDate(deletedAt: string): string {
  const at = Date.parse(deletedAt)
  return new Date((Number.isNaN(at) ? 0 : at) + TRASH_KEEP_DAYS * DAY_MS).toISOString()
}

/** A row read back from the library is data: one that does not parse is listed as untitled. */
function trashedArticle(row: TrashRow): TrashedArticle {
  let listed: z.infer<typeof ListedRecord> | null = null
  try {
    const parsed = ListedRecord.safeParse(JSON.parse(row.record))
    if (parsed.success) listed = parsed.data
  } catch {
    listed = null
  }
  return {
    id: row.id,
    title: listed?.article.title.trim() || 'Untitled article',
    siteName: listed?.article.siteName ?? null,
    deletedAt: row.deleted_at,
    purgeAt: purgeDate(row.deleted_at),
  }
}

export function listTrash(library: LibraryStore, offset: number, limit: number): TrashPage {
  return library.query((db) => {
    const total = db.get<{ n: number }>('SELECT count(*) AS n FROM trash')?.n ?? 0
    const rows = db.all<TrashRow>(
      'SELECT id, deleted_at, record FROM trash ORDER BY deleted_at DESC, id LIMIT ? OFFSET ?',
      [limit, offset],
    )
    return { total, offset, items: rows.filter((row) => isArticleId(row.id)).map(trashedArticle) }
  })
}

function idsOf(db: SqlDatabase, where: string, params: (string | number)[]): string[] {
  return db
    .all<{ id: string }>(`SELECT id FROM trash WHERE ${where}`, params)
    .map((row) => row.id)
    .filter(isArticleId)
}

/**
 * What an article leaves in the database once it is gone for good. Rows keyed by its rowid went
 * when it was moved to the trash (ON DELETE CASCADE: its countries, correspondents, collections,
 * story, reading position and content keys; its search entry; a feed's item keeps its guid with
 * no article, so the feed does not bring it back). Rows keyed by its id outlive the trash, so a
 * restore gets them back; they go here. Sync's own tables are kept on purpose: the registers are
 * what every device must agree on (a removed highlight's register becomes its tombstone at the
 * next look), sync_published tells the next look to publish the deletion, and sync_pending is a
 * newer copy another device sent.
 */
const FORGET_ARTICLE = [
  'DELETE FROM highlights WHERE article_id = ?',
  'DELETE FROM highlights_unindexed WHERE article_id = ?',
  'DELETE FROM country_edits WHERE article_id = ?',
  // The import's line stays, so the same link in the file is not queued again.
  'UPDATE import_items SET article = NULL WHERE article = ?',
]

/**
 * Deletes trashed articles for good: their folders first, then their trash rows and what else the
 * database keeps of them, so a kill in between only repeats the removal. An id that is live again
 * (captured anew) keeps its files and rows.
 */
async function removeForGood(library: LibraryStore, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0
  const gone = library.query((db) => ids.filter((id) => !db.get('SELECT 1 FROM articles WHERE id = ?', [id])))
  for (const id of gone) await removeArticleFolder(library.layout, id).catch(() => undefined)
  return library.change((db) => {
    let removed = 0
    for (const id of ids) {
      if (db.get('SELECT 1 FROM trash WHERE id = ?', [id])) removed++
      db.run('DELETE FROM trash WHERE id = ?', [id])
      if (db.get('SELECT 1 FROM articles WHERE id = ?', [id])) continue
      for (const sql of FORGET_ARTICLE) db.run(sql, [id])
    }
    return removed
  })
}

/**
 * Highlights of articles that are gone for good: left by trash emptied before FORGET_ARTICLE
 * named the highlights. Kept: an article's that is live or in the trash, one whose article sync
 * is still bringing (sync_pending), and any highlight sync knows (a register): that one may have
 * arrived ahead of its article, and its removal would reach every device as a tombstone.
 */
const ORPHAN_HIGHLIGHT = `NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = h.article_id)
  AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.id = h.article_id)
  AND NOT EXISTS (SELECT 1 FROM sync_pending p WHERE p.article = h.article_id)
  AND NOT EXISTS (SELECT 1 FROM sync_registers r WHERE r.key = 'highlight/' || h.id)`

/**
 * Removes orphan highlights. A read first, so an open with none (every open after the first)
 * costs one pass over the highlights by their keys and writes nothing: 20k
 * highlights, 40 ms on this loaded 2-core VM (tests/integration/orphan-highlights.test.ts).
 */
export function forgetOrphanHighlights(library: LibraryStore): number {
  const orphans = library.query((db) =>
    db.all<{ id: string }>(`SELECT h.id FROM highlights h WHERE ${ORPHAN_HIGHLIGHT}`).map((row) => row.id),
  )
  if (orphans.length === 0) return 0
  return library.change((db) => {
    const articles = db
      .all<{ article_id: string }>(`SELECT DISTINCT h.article_id FROM highlights h WHERE ${ORPHAN_HIGHLIGHT}`)
      .map((row) => row.article_id)
    db.run(`DELETE FROM highlights AS h WHERE ${ORPHAN_HIGHLIGHT}`)
    for (const id of articles) db.run('DELETE FROM highlights_unindexed WHERE article_id = ?', [id])
    return orphans.length
  })
}

/** Empties the trash, or takes only the given articles out of it for good. */
export async function emptyTrash(library: LibraryStore, only?: readonly string[]): Promise<number> {
  const ids = library.query((db) =>
    only ? only.filter((id) => db.get('SELECT 1 FROM trash WHERE id = ?', [id])) : idsOf(db, '1', []),
  )
  const removed = await removeForGood(library, ids)
  forgetOrphanHighlights(library)
  return removed
}

/** Run at open: what was deleted more than TRASH_KEEP_DAYS ago goes for good. */
export async function purgeExpiredTrash(library: LibraryStore, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_KEEP_DAYS * DAY_MS).toISOString()
  // A row whose date does not parse as one of ours ('' or garbage) sorts before any ISO date.
  const ids = library.query((db) => idsOf(db, 'deleted_at < ?', [cutoff]))
  const removed = await removeForGood(library, ids)
  forgetOrphanHighlights(library)
  return removed
}
