import { SavedFilter } from '@shared/collections'
import { DatelineError } from '@shared/errors'
import { ARTICLE_COLUMNS, summariesOf, type ArticleRow } from '../library/article-rows'
import type { SqlDatabase, SqlValue } from '../library/database'
import type { ArticleSummary } from '@shared/article'

/**
 * The SQL of collections: the `collections` and `collection_articles` tables of schema v2. Every
 * function takes the database, so it runs inside the caller's transaction (`library.change`) or
 * read (`library.query`); the sidebar counts of plain collections follow from the schema's triggers.
 *
 * Order: `position` leaves gaps of POSITION_GAP, so moving an article writes one row, not the
 * whole collection; when a gap is used up the collection is numbered again.
 */

export const POSITION_GAP = 1024

export interface CollectionRow {
  id: number
  name: string
  description: string
  created_at: string
  /** JSON of a SavedFilter for a smart collection. */
  query: string | null
}

export interface MemberCounts {
  articles: number
  unread: number
  archived: number
}

const COLLECTION_COLUMNS = 'id, name, description, created_at, query'

/** Names compare as people read them: case-folded and with runs of spaces made one. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}

export function collectionRows(db: SqlDatabase): CollectionRow[] {
  return db.all<CollectionRow>(
    `SELECT ${COLLECTION_COLUMNS} FROM collections ORDER BY name COLLATE NOCASE, id`,
  )
}

export function collectionRow(db: SqlDatabase, id: number): CollectionRow | undefined {
  return db.get<CollectionRow>(`SELECT ${COLLECTION_COLUMNS} FROM collections WHERE id = ?`, [id])
}

export function requireCollection(db: SqlDatabase, id: number): CollectionRow {
  const row = collectionRow(db, id)
  if (!row) throw new DatelineError('NOT_FOUND', `There is no collection ${id} in this library.`)
  return row
}

export function collectionByName(db: SqlDatabase, name: string): CollectionRow | undefined {
  return db.get<CollectionRow>(`SELECT ${COLLECTION_COLUMNS} FROM collections WHERE name = ?`, [
    normaliseName(name),
  ])
}

/**
 * The saved search of a smart collection, or null for a plain one. The column is read back from
 * a file anyone may have edited: a value that is not a valid filter is a smart collection that
 * finds nothing, never an error for the whole list.
 */
export function savedFilterOf(row: CollectionRow): SavedFilter | null | 'invalid' {
  if (row.query === null) return null
  try {
    const parsed = SavedFilter.safeParse(JSON.parse(row.query))
    return parsed.success ? parsed.data : 'invalid'
  } catch {
    return 'invalid'
  }
}

function refuseTaken(db: SqlDatabase, name: string, except?: number): void {
  const taken = collectionByName(db, name)
  if (taken && taken.id !== except) {
    throw new DatelineError('INVALID_INPUT', `There is already a collection called “${taken.name}”.`)
  }
}

export interface NewCollection {
  name: string
  description?: string
  filter?: SavedFilter
}

export function createCollection(db: SqlDatabase, input: NewCollection, at: string): number {
  const name = normaliseName(input.name)
  refuseTaken(db, name)
  return db.run('INSERT INTO collections (name, description, created_at, query) VALUES (?, ?, ?, ?)', [
    name,
    input.description ?? '',
    at,
    input.filter ? JSON.stringify(input.filter) : null,
  ]).lastInsertRowid
}

/**
 * The collection of that name, made when there is none (case and spacing do not matter). For
 * imports, where a tag or a folder becomes a collection. Returns its id.
 */
export function ensureCollection(
  db: SqlDatabase,
  name: string,
  at: string = new Date().toISOString(),
): number {
  const existing = collectionByName(db, name)
  if (existing) return existing.id
  if (normaliseName(name) === '') throw new DatelineError('INVALID_INPUT', 'A collection needs a name')
  return createCollection(db, { name }, at)
}

/** Renames it, and the smart collections that name it in their saved search follow. */
export function renameCollection(db: SqlDatabase, id: number, name: string): void {
  const before = requireCollection(db, id)
  const renamed = normaliseName(name)
  refuseTaken(db, renamed, id)
  db.run('UPDATE collections SET name = ? WHERE id = ?', [renamed, id])
  for (const row of db.all<CollectionRow>(
    `SELECT ${COLLECTION_COLUMNS} FROM collections WHERE query IS NOT NULL`,
  )) {
    const filter = savedFilterOf(row)
    if (filter === null || filter === 'invalid' || filter.collection === undefined) continue
    if (normaliseName(filter.collection).toLowerCase() !== before.name.toLowerCase()) continue
    db.run('UPDATE collections SET query = ? WHERE id = ?', [
      JSON.stringify({ ...filter, collection: renamed }),
      row.id,
    ])
  }
}

export function describeCollection(db: SqlDatabase, id: number, description: string): void {
  requireCollection(db, id)
  db.run('UPDATE collections SET description = ? WHERE id = ?', [description, id])
}

export function setCollectionFilter(db: SqlDatabase, id: number, filter: SavedFilter): void {
  const row = requireCollection(db, id)
  if (row.query === null) {
    throw new DatelineError(
      'INVALID_INPUT',
      `“${row.name}” is kept by hand; make a smart collection to save a search.`,
    )
  }
  db.run('UPDATE collections SET query = ? WHERE id = ?', [JSON.stringify(filter), id])
}

/** Deletes the collection and its memberships; the articles stay in the library. */
export function deleteCollection(db: SqlDatabase, id: number): CollectionRow {
  const row = requireCollection(db, id)
  db.run('DELETE FROM collection_articles WHERE collection = ?', [id])
  db.run('DELETE FROM collections WHERE id = ?', [id])
  db.run(`DELETE FROM sidebar_counts WHERE kind = 'collection' AND key = ?`, [String(id)])
  return row
}

function refuseSmart(row: CollectionRow): void {
  if (row.query !== null) {
    throw new DatelineError(
      'INVALID_INPUT',
      `“${row.name}” is a smart collection: it holds what its search finds, so articles are not added or removed by hand.`,
    )
  }
}

/**
 * Appends the articles (library rowids) to the end of the collection, in the order given; those
 * already in it keep their place. Returns how many were added.
 */
export function addToCollection(
  db: SqlDatabase,
  collectionId: number,
  rowids: readonly number[],
  at: string = new Date().toISOString(),
): number {
  refuseSmart(requireCollection(db, collectionId))
  let last = lastPosition(db, collectionId)
  let added = 0
  for (const rowid of new Set(rowids)) {
    const result = db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at)
       SELECT ?, rowid, ?, ? FROM articles WHERE rowid = ?
       ON CONFLICT (collection, article) DO NOTHING`,
      [collectionId, last + POSITION_GAP, at, rowid],
    )
    if (result.changes > 0) {
      last += POSITION_GAP
      added++
    }
  }
  return added
}

export function removeFromCollection(
  db: SqlDatabase,
  collectionId: number,
  rowids: readonly number[],
): number {
  refuseSmart(requireCollection(db, collectionId))
  let removed = 0
  for (const rowid of new Set(rowids)) {
    removed += db.run('DELETE FROM collection_articles WHERE collection = ? AND article = ?', [
      collectionId,
      rowid,
    ]).changes
  }
  return removed
}

function lastPosition(db: SqlDatabase, collectionId: number): number {
  return Number(
    db.get<{ last: number | null }>(
      'SELECT max(position) AS last FROM collection_articles WHERE collection = ?',
      [collectionId],
    )?.last ?? 0,
  )
}

/**
 * Puts `rowids` (members of the collection, in that order) just before `beforeRowid`, or at the
 * end when it is null. Articles that are not in the collection are ignored.
 */
export function moveInCollection(
  db: SqlDatabase,
  collectionId: number,
  rowids: readonly number[],
  beforeRowid: number | null,
): void {
  refuseSmart(requireCollection(db, collectionId))
  const moving = [...new Set(rowids)].filter((rowid) => positionOf(db, collectionId, rowid) !== undefined)
  if (moving.length === 0 || (beforeRowid !== null && moving.includes(beforeRowid))) return
  let slot = freeSlot(db, collectionId, moving, beforeRowid)
  if (slot === null) {
    renumber(db, collectionId)
    slot = freeSlot(db, collectionId, moving, beforeRowid)!
  }
  const step = (slot.high - slot.low) / (moving.length + 1)
  moving.forEach((rowid, i) => {
    db.run('UPDATE collection_articles SET position = ? WHERE collection = ? AND article = ?', [
      Math.round(slot.low + step * (i + 1)),
      collectionId,
      rowid,
    ])
  })
}

function positionOf(db: SqlDatabase, collectionId: number, rowid: number): number | undefined {
  return db.get<{ position: number }>(
    'SELECT position FROM collection_articles WHERE collection = ? AND article = ?',
    [collectionId, rowid],
  )?.position
}

/** The open interval the moved articles go into, or null when it has no room for them all. */
function freeSlot(
  db: SqlDatabase,
  collectionId: number,
  moving: number[],
  beforeRowid: number | null,
): { low: number; high: number } | null {
  const others = `collection = ? AND article NOT IN (${moving.map(() => '?').join(', ')})`
  const before = beforeRowid === null ? undefined : positionOf(db, collectionId, beforeRowid)
  if (before === undefined) {
    const last = db.get<{ p: number | null }>(
      `SELECT max(position) AS p FROM collection_articles WHERE ${others}`,
      [collectionId, ...moving],
    )?.p
    const low = Number(last ?? 0)
    return { low, high: low + POSITION_GAP * (moving.length + 1) }
  }
  const previous = db.get<{ p: number | null }>(
    `SELECT max(position) AS p FROM collection_articles WHERE ${others} AND position < ?`,
    [collectionId, ...moving, before],
  )?.p
  const low =
    previous === null || previous === undefined ? before - POSITION_GAP * (moving.length + 1) : previous
  return before - low > moving.length ? { low, high: before } : null
}

/** Numbers the collection again 1024, 2048, ... in its present order. */
function renumber(db: SqlDatabase, collectionId: number): void {
  const members = db.all<{ article: number }>(
    'SELECT article FROM collection_articles WHERE collection = ? ORDER BY position, article',
    [collectionId],
  )
  members.forEach(({ article }, i) => {
    db.run('UPDATE collection_articles SET position = ? WHERE collection = ? AND article = ?', [
      (i + 1) * POSITION_GAP,
      collectionId,
      article,
    ])
  })
}

/** The counts of plain collections, from the sidebar counters the triggers keep. */
export function plainCounts(db: SqlDatabase): Map<number, MemberCounts> {
  return new Map(
    db
      .all<{ key: string } & MemberCounts>(
        `SELECT key, articles, unread, archived FROM sidebar_counts WHERE kind = 'collection'`,
      )
      .map((r) => [Number(r.key), { articles: r.articles, unread: r.unread, archived: r.archived }]),
  )
}

/** A page of a plain collection's articles in its order, archived ones included. */
export function collectionPage(
  db: SqlDatabase,
  collectionId: number,
  offset: number,
  limit: number,
): { total: number; items: ArticleSummary[] } {
  const total = Number(
    db.get<{ n: number }>('SELECT count(*) AS n FROM collection_articles WHERE collection = ?', [
      collectionId,
    ])?.n ?? 0,
  )
  const rows = db.all<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM collection_articles m CROSS JOIN articles a ON a.rowid = m.article
     WHERE m.collection = ? ORDER BY m.position, m.article LIMIT ? OFFSET ?`,
    [collectionId, limit, offset],
  )
  return { total, items: summariesOf(db, rows) }
}

export interface Coverage {
  countries: { code: string; name: string; articles: number }[]
  correspondents: { id: number; name: string; articles: number }[]
}

/** How many countries and correspondents a collection page lists, most covered first. */
export const COVERAGE_LIMIT = 30

/**
 * The countries and correspondents of a set of articles: a plain collection's members (`members`
 * is a subquery giving rowids, with its parameters), or a smart collection's newest matches.
 */
export function coverageOf(db: SqlDatabase, members: { sql: string; params: SqlValue[] }): Coverage {
  const countries = db.all<{ code: string; name: string; articles: number }>(
    `SELECT c.code, max(c.name) AS name, count(*) AS articles FROM article_countries c
     WHERE c.article IN (${members.sql}) GROUP BY c.code ORDER BY articles DESC, c.code LIMIT ?`,
    [...members.params, COVERAGE_LIMIT],
  )
  const correspondents = db.all<{ id: number; name: string; articles: number }>(
    `SELECT p.id, p.name, count(*) AS articles FROM article_correspondents r
     JOIN correspondents p ON p.id = r.correspondent
     WHERE r.article IN (${members.sql}) GROUP BY p.id ORDER BY articles DESC, p.name LIMIT ?`,
    [...members.params, COVERAGE_LIMIT],
  )
  return { countries, correspondents }
}

export function membershipsOf(db: SqlDatabase, rowid: number): number[] {
  return db
    .all<{ collection: number }>(
      'SELECT collection FROM collection_articles WHERE article = ? ORDER BY collection',
      [rowid],
    )
    .map((r) => r.collection)
}

/** The library rowids of these article ids, in their order; ids not in the library are left out. */
export function rowidsOf(db: SqlDatabase, ids: readonly string[]): number[] {
  if (ids.length === 0) return []
  const found = new Map(
    db
      .all<{ rowid: number; id: string }>(
        'SELECT a.rowid AS rowid, a.id FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value',
        [JSON.stringify(ids)],
      )
      .map((r) => [r.id, Number(r.rowid)]),
  )
  return ids.flatMap((id) => {
    const rowid = found.get(id)
    return rowid === undefined ? [] : [rowid]
  })
}

/** What changed since the last look: SQLite's count of rows this connection has written. */
export function changeCounter(db: SqlDatabase): number {
  return Number(db.get<{ n: number }>('SELECT total_changes() AS n')?.n ?? 0)
}
