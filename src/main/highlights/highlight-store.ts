import { randomBytes } from 'node:crypto'
import type { HighlightColour } from '@shared/highlights'
import { HIGHLIGHT_COLOURS, type Highlight } from '@shared/highlights'
import type { SqlDatabase } from '../library/database'

/** The highlights table (schema 15, highlight-schema.ts): rows in, Highlight values out. */

interface HighlightRow {
  id: string
  article_id: string
  exact: string
  prefix: string
  suffix: string
  start: number
  end: number
  note: string
  colour: string
  created_at: string
  updated_at: string
}

const COLUMNS = 'id, article_id, exact, prefix, suffix, start, "end", note, colour, created_at, updated_at'

function highlightOf(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    start: Number(row.start),
    end: Number(row.end),
    note: row.note,
    colour: HIGHLIGHT_COLOURS.find((c) => c === row.colour) ?? 'yellow',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function newHighlightId(): string {
  return randomBytes(8).toString('hex')
}

export function highlightsOf(db: SqlDatabase, articleId: string): Highlight[] {
  return db
    .all<HighlightRow>(`SELECT ${COLUMNS} FROM highlights WHERE article_id = ? ORDER BY start, id`, [
      articleId,
    ])
    .map(highlightOf)
}

export function highlightById(db: SqlDatabase, id: string): Highlight | undefined {
  const row = db.get<HighlightRow>(`SELECT ${COLUMNS} FROM highlights WHERE id = ?`, [id])
  return row ? highlightOf(row) : undefined
}

/** Every highlight, by article then position (exports and the archive). */
export function allHighlights(db: SqlDatabase): Highlight[] {
  return db
    .all<HighlightRow>(`SELECT ${COLUMNS} FROM highlights ORDER BY article_id, start, id`)
    .map(highlightOf)
}

/** Inserts or replaces a highlight whole (add, sync, archive import). */
export function putHighlight(db: SqlDatabase, h: Highlight): void {
  db.run(
    `INSERT INTO highlights (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, exact = excluded.exact,
       prefix = excluded.prefix, suffix = excluded.suffix, start = excluded.start, "end" = excluded."end",
       note = excluded.note, colour = excluded.colour, created_at = excluded.created_at,
       updated_at = excluded.updated_at`,
    [
      h.id,
      h.articleId,
      h.exact,
      h.prefix,
      h.suffix,
      h.start,
      h.end,
      h.note,
      h.colour,
      h.createdAt,
      h.updatedAt,
    ],
  )
}

export function changeHighlight(
  db: SqlDatabase,
  id: string,
  change: { note?: string; colour?: HighlightColour },
  at: string,
): Highlight | undefined {
  const current = highlightById(db, id)
  if (!current) return undefined
  const next = { ...current, ...definedOf(change), updatedAt: at }
  putHighlight(db, next)
  return next
}

function definedOf(change: { note?: string; colour?: HighlightColour }): Partial<Highlight> {
  return {
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(change.colour !== undefined ? { colour: change.colour } : {}),
  }
}

export function deleteHighlight(db: SqlDatabase, id: string): void {
  db.run('DELETE FROM highlights WHERE id = ?', [id])
}

/**
 * What of an article's highlights the full-text index holds: the notes, and the quotes (which a
 * re-capture may have taken out of the body). Empty for a database made before schema 15.
 */
export function highlightTextForIndex(db: SqlDatabase, rowid: number): string {
  if (!db.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'highlights'")) return ''
  return db
    .all<{ exact: string; note: string }>(
      `SELECT h.exact, h.note FROM highlights h WHERE h.article_id = (SELECT id FROM articles WHERE rowid = ?)
       ORDER BY h.start, h.id`,
      [rowid],
    )
    .map((h) => (h.note === '' ? h.exact : `${h.exact}\n${h.note}`))
    .join('\n')
}
