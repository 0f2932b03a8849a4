import type { SqlDatabase } from '../library/database'

/**
 * The two collection writes an import needs. They stand in for `ensureCollection` and
 * `addToCollection` of src/main/collections/collection-store.ts (the collections issue), with the
 * same names and arguments, so the import switches to those by changing its import line.
 */

/** The collection of that name (names are unique whatever their case), made when missing. */
export function ensureCollection(db: SqlDatabase, name: string, at = new Date().toISOString()): number {
  const existing = db.get<{ id: number }>('SELECT id FROM collections WHERE name = ?', [name])
  if (existing) return existing.id
  return db.run('INSERT INTO collections (name, created_at) VALUES (?, ?)', [name, at]).lastInsertRowid
}

/** Puts articles at the end of a collection, in the order given; those already in it stay where they are. */
export function addToCollection(
  db: SqlDatabase,
  collectionId: number,
  rowids: number[],
  at = new Date().toISOString(),
): void {
  let last =
    db.get<{ last: number | null }>(
      'SELECT max(position) AS last FROM collection_articles WHERE collection = ?',
      [collectionId],
    )?.last ?? 0
  for (const rowid of rowids) {
    const added = db.run(
      `INSERT INTO collection_articles (collection, article, position, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [collectionId, rowid, last + 1, at],
    )
    if (added.changes > 0) last++
  }
}
