import { DatelineError } from '@shared/errors'
import { isArticleId } from './confined-files'
import type { SqlDatabase } from './database'

/** Enough candidates to show that a prefix is ambiguous and what it could mean. */
const CANDIDATES_SHOWN = 5

export type IdPlace = 'library' | 'trash'

const TABLES: Record<IdPlace, string> = { library: 'articles', trash: 'trash' }

/**
 * Ids starting with `prefix`, through the id's unique index: every hex digit sorts below 'g', so
 * [prefix, prefix + 'g') is exactly the ids that start with it.
 */
function idsStartingWith(db: SqlDatabase, place: IdPlace, prefix: string, limit: number): string[] {
  return db
    .all<{ id: string }>(`SELECT id FROM ${TABLES[place]} WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`, [
      prefix,
      `${prefix}g`,
      limit,
    ])
    .map((row) => row.id)
    .filter(isArticleId)
}

function describePlace(place: IdPlace): string {
  return place === 'trash' ? 'in the trash' : 'in the library'
}

/** The one id each prefix names; an unknown or ambiguous prefix is an error that says which. */
export function resolveIdPrefixes(db: SqlDatabase, prefixes: readonly string[], place: IdPlace): string[] {
  return prefixes.map((prefix) => {
    const found = idsStartingWith(db, place, prefix, CANDIDATES_SHOWN + 1)
    if (found.length === 1) return found[0]!
    if (found.length === 0) {
      throw new DatelineError(
        'NOT_FOUND',
        `No article ${describePlace(place)} has an id starting with ${prefix}.`,
      )
    }
    const shown = found.slice(0, CANDIDATES_SHOWN).join(', ')
    const more = found.length > CANDIDATES_SHOWN ? ', and more' : ''
    throw new DatelineError(
      'INVALID_INPUT',
      `The id ${prefix} is ambiguous: it starts ${shown}${more}. Give more of the id.`,
    )
  })
}
