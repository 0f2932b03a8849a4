import type { ArticleFilter } from '@shared/article-filter'
import { isArticleId } from '../library/confined-files'
import { expandSmartCollection } from '../collections/smart-filter'
import { filterConditions } from '../library/article-query'
import type { SqlDatabase } from '../library/database'
import {
  BEGUN_PROGRESS,
  FINISHED_PROGRESS,
  type ReadingPosition,
  type UnfinishedArticle,
} from '@shared/reading'

/*
 * Reading positions and list-wide read changes, as SQL on the library's database (schema 11,
 * reading-schema.ts). Plain functions of a database: the services run them in library.query
 * (reads) or library.change (one transaction).
 */

interface PositionRow {
  id: string
  progress: number
  at: string
}

function valid<T extends { id: string }>(rows: T[]): T[] {
  return rows.filter((row) => isArticleId(row.id))
}

function clampProgress(progress: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0))
}

export function positionsOf(db: SqlDatabase, ids: readonly string[]): ReadingPosition[] {
  if (ids.length === 0) return []
  const marks = ids.map(() => '?').join(', ')
  return valid(
    db.all<PositionRow>(
      `SELECT a.id, p.progress, p.at FROM reading_positions p JOIN articles a ON a.rowid = p.article
       WHERE a.id IN (${marks})`,
      [...ids],
    ),
  ).map((row) => ({ id: row.id, progress: clampProgress(row.progress), at: row.at }))
}

export function savePosition(db: SqlDatabase, rowid: number, progress: number, at: string): void {
  db.run(
    `INSERT INTO reading_positions (article, progress, at) VALUES (?, ?, ?)
     ON CONFLICT (article) DO UPDATE SET progress = excluded.progress, at = excluded.at`,
    [rowid, clampProgress(progress), at],
  )
}

/** Begun and not finished, most recent first; archived articles are put away, so not offered. */
export function unfinishedArticles(db: SqlDatabase, limit: number): UnfinishedArticle[] {
  return valid(
    db.all<PositionRow & { title: string; site_name: string | null; reading_minutes: number }>(
      `SELECT a.id, p.progress, p.at, a.title, a.site_name, a.reading_minutes
       FROM reading_positions p JOIN articles a ON a.rowid = p.article
       WHERE p.progress >= ? AND p.progress < ? AND a.archived = 0
       ORDER BY p.at DESC LIMIT ?`,
      [BEGUN_PROGRESS, FINISHED_PROGRESS, limit],
    ),
  ).map((row) => ({
    id: row.id,
    progress: clampProgress(row.progress),
    at: row.at,
    title: row.title,
    siteName: row.site_name,
    readingMinutes: row.reading_minutes,
  }))
}

/** Marks every unread article the filter lists read, and names them so the change can be undone. */
export function markAllRead(db: SqlDatabase, asked: ArticleFilter, at: string): string[] {
  const filter = expandSmartCollection(db, asked)
  if (!filter) return []
  const { where, params } = filterConditions(filter, false)
  const conditions = [...where, 'a.read = 0'].join(' AND ')
  const ids = valid(db.all<{ id: string }>(`SELECT a.id FROM articles a WHERE ${conditions}`, params)).map(
    (row) => row.id,
  )
  db.run(
    `UPDATE articles SET read = 1, state_changed_at = ? WHERE rowid IN (SELECT a.rowid FROM articles a WHERE ${conditions})`,
    [at, ...params],
  )
  return ids
}

/** Undoes markAllRead: the articles still there become unread again; those deleted since are skipped. */
export function markUnread(db: SqlDatabase, ids: readonly string[], at: string): string[] {
  const changed: string[] = []
  for (const id of new Set(ids)) {
    const result = db.run('UPDATE articles SET read = 0, state_changed_at = ? WHERE id = ? AND read = 1', [
      at,
      id,
    ])
    if (result.changes > 0) changed.push(id)
  }
  return changed
}
