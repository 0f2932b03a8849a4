import type { SqlDatabase } from '../library/database'

/*
 * The pairs of correspondents the person said are two people (same-name.ts offers the others as
 * one), in `library_facts`; correspondent-edits.json carries them through `dateline rebuild`.
 */

/** Where the pairs the person said are two people are kept: a JSON list of key pairs. */
const NOT_SAME_FACT = 'correspondents.notSame'

/** A pair the person dismissed, by the keys of the two entries shown (a row id means nothing after a rebuild). */
export interface NotSamePair {
  a: { nameKey: string; outletKey: string }
  b: { nameKey: string; outletKey: string }
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`
}

export function keyText(key: { nameKey: string; outletKey: string }): string {
  return `${key.nameKey}\t${key.outletKey}`
}

export function notSamePairs(db: SqlDatabase): NotSamePair[] {
  const row = db.get<{ value: string }>('SELECT value FROM library_facts WHERE key = ?', [NOT_SAME_FACT])
  if (!row) return []
  try {
    const parsed = JSON.parse(row.value) as unknown
    return Array.isArray(parsed) ? (parsed as NotSamePair[]) : []
  } catch {
    return []
  }
}

export function writeNotSame(db: SqlDatabase, pairs: readonly NotSamePair[]): void {
  db.run('INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)', [
    NOT_SAME_FACT,
    JSON.stringify(pairs),
  ])
}

/** After a rebuild: the dismissals read back from the library folder. */
export function restoreNotSame(db: SqlDatabase, pairs: readonly NotSamePair[]): void {
  if (pairs.length > 0) writeNotSame(db, pairs)
}
