import type { CountryTag } from '@shared/article'
import type { CountryCount, CountryEdit, CountryListInput } from '@shared/countries'
import { COUNTRIES, countryName } from '@shared/country-list'
import type { z } from 'zod'
import type { SqlDatabase, SqlValue } from '../library/database'
import { filterConditions } from '../library/article-query'
import { mergePersonEdits, type PersonCountryEdit, type StoredCountryTag } from './person-edits'

/**
 * The countries' SQL: an article's tags as shown (`article_countries`, whose rows the sidebar
 * counters follow) and the person's own choices (`country_edits`, schema 3), which every tagging
 * applies again. The caller holds the transaction (the library store's `change`).
 */

const COUNTRY_CODE = /^[A-Z]{2}$/

interface ShownRow {
  code: string
  name: string
  role: string
  score: number
  origin: string
}

/** The person's edits of one article. */
export function editsOf(db: SqlDatabase, articleId: string): PersonCountryEdit[] {
  return db
    .all<{ code: string; role: string }>('SELECT code, role FROM country_edits WHERE article_id = ?', [
      articleId,
    ])
    .flatMap((row) => asEdit(row) ?? [])
}

/**
 * Stores what the tagger found for an article, with the person's edits applied over it. Rows that
 * stay are updated in place (the counters move only for countries that come or go). Returns whether
 * anything shown changed.
 */
export function storeArticleCountries(
  db: SqlDatabase,
  rowid: number,
  articleId: string,
  taggerTags: CountryTag[],
): boolean {
  return writeShownTags(db, rowid, mergeTags(taggerTags, editsOf(db, articleId)))
}

/** One article's fresh tagger tags, for `changedArticles`. */
export interface TaggedArticle {
  rowid: number
  id: string
  tags: CountryTag[]
}

/**
 * The articles whose shown countries these tagger tags would change: two reads for the whole
 * batch, no transaction, so re-tagging opens one (and waits for its flush) only for those.
 */
export function changedArticles<T extends TaggedArticle>(db: SqlDatabase, batch: readonly T[]): T[] {
  if (batch.length === 0) return []
  return db.read(() => {
    const rows = new Map<number, ShownRow[]>()
    for (const row of db.all<ShownRow & { article: number }>(
      `SELECT article, code, name, role, score, origin FROM article_countries
       WHERE article IN (${batch.map(() => '?').join(', ')})`,
      batch.map((item) => item.rowid),
    )) {
      rows.set(row.article, [...(rows.get(row.article) ?? []), row])
    }
    const edits = new Map<string, PersonCountryEdit[]>()
    for (const edit of db.all<{ article_id: string; code: string; role: string }>(
      `SELECT article_id, code, role FROM country_edits WHERE article_id IN (${batch.map(() => '?').join(', ')})`,
      batch.map((item) => item.id),
    )) {
      const parsed = asEdit(edit)
      if (parsed) edits.set(edit.article_id, [...(edits.get(edit.article_id) ?? []), parsed])
    }
    return batch.filter((item) =>
      differs(rows.get(item.rowid) ?? [], mergeTags(item.tags, edits.get(item.id) ?? [])),
    )
  })
}

function differs(shown: ShownRow[], wanted: StoredCountryTag[]): boolean {
  if (shown.length !== wanted.length) return true
  const current = new Map(shown.map((row) => [row.code, row]))
  return wanted.some((tag) => {
    const row = current.get(tag.code)
    return (
      row === undefined ||
      row.role !== tag.role ||
      row.origin !== originOf(tag) ||
      row.name !== tag.name ||
      row.score !== tag.score
    )
  })
}

function asEdit(row: { code: string; role: string }): PersonCountryEdit | null {
  return row.role === 'primary' || row.role === 'mentioned' || row.role === 'removed'
    ? { code: row.code, role: row.role }
    : null
}

function shownRows(db: SqlDatabase, rowid: number): ShownRow[] {
  return db.all<ShownRow>('SELECT code, name, role, score, origin FROM article_countries WHERE article = ?', [
    rowid,
  ])
}

function originOf(tag: StoredCountryTag): 'person' | 'tagger' {
  return tag.source === 'person' ? 'person' : 'tagger'
}

function mergeTags(taggerTags: CountryTag[], edits: PersonCountryEdit[]): StoredCountryTag[] {
  const tags = taggerTags
    .map((tag) => ({ ...tag, code: tag.code.toUpperCase() }))
    .filter((tag) => COUNTRY_CODE.test(tag.code))
    .map((tag) => ({
      code: tag.code,
      name: countryName(tag.code) ?? tag.name,
      role: tag.role === 'primary' ? ('primary' as const) : ('mentioned' as const),
      score: Number.isFinite(tag.score) ? tag.score : 0,
    }))
  return mergePersonEdits(tags, edits, countryName)
}

function writeShownTags(db: SqlDatabase, rowid: number, wanted: StoredCountryTag[]): boolean {
  const current = new Map(shownRows(db, rowid).map((row) => [row.code, row]))
  let changed = false
  const keep = new Set(wanted.map((tag) => tag.code))
  for (const code of current.keys()) {
    if (keep.has(code)) continue
    db.run('DELETE FROM article_countries WHERE article = ? AND code = ?', [rowid, code])
    changed = true
  }
  for (const tag of wanted) {
    const origin = originOf(tag)
    const row = current.get(tag.code)
    if (
      row &&
      row.role === tag.role &&
      row.origin === origin &&
      row.name === tag.name &&
      row.score === tag.score
    ) {
      continue
    }
    if (row === undefined || row.role !== tag.role || row.origin !== origin) changed = true
    db.run(
      `INSERT INTO article_countries (code, article, name, role, score, origin) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (code, article) DO UPDATE SET name = excluded.name, role = excluded.role,
         score = excluded.score, origin = excluded.origin`,
      [tag.code, rowid, tag.name, tag.role, tag.score, origin],
    )
  }
  return changed
}

/**
 * Records the person's edits of an article and shows them at once, over the tagger's tags as they
 * were last stored. Unknown codes are refused by the caller; a later edit of a country replaces the
 * earlier one.
 */
export function saveCountryEdits(
  db: SqlDatabase,
  rowid: number,
  articleId: string,
  edits: z.output<typeof CountryEdit>[],
  at: string,
): void {
  for (const edit of edits) {
    db.run(
      `INSERT INTO country_edits (article_id, code, role, edited_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id, code) DO UPDATE SET role = excluded.role, edited_at = excluded.edited_at`,
      [articleId, edit.code, edit.role, at],
    )
  }
  const taggerTags = db
    .all<ShownRow>(
      `SELECT code, name, role, score, origin FROM article_countries WHERE article = ? AND origin = 'tagger'`,
      [rowid],
    )
    .map((row) => ({
      code: row.code,
      name: row.name,
      role: row.role === 'primary' ? ('primary' as const) : ('mentioned' as const),
      score: row.score,
    }))
  storeArticleCountries(db, rowid, articleId, taggerTags)
}

/** Edits whose article is gone for good (neither in the library nor in the trash). */
export function dropOrphanEdits(db: SqlDatabase): void {
  db.run(
    `DELETE FROM country_edits WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = article_id)
       AND NOT EXISTS (SELECT 1 FROM trash t WHERE t.id = article_id)`,
  )
}

type CountryListQuery = z.output<typeof CountryListInput>
type CountryFilter = Omit<CountryListQuery, 'includeEmpty'>

/**
 * Countries with their articles and unread ones under the filters. The whole library (the default
 * list) is the sidebar counters' rows; any other filter is one grouped query over the matches.
 */
export function countCountries(db: SqlDatabase, input: CountryListQuery): CountryCount[] {
  const { includeEmpty, ...filter } = input
  const rows = isWholeLibrary(filter)
    ? db.all<{ code: string; articles: number; unread: number }>(
        `SELECT key AS code, articles, unread FROM sidebar_counts WHERE kind = 'country' AND articles > 0`,
      )
    : groupedCounts(db, filter)
  const counted = new Map(rows.map((row) => [row.code, row]))
  const result: CountryCount[] = []
  for (const row of rows) {
    result.push({
      code: row.code,
      name: countryName(row.code) ?? row.code,
      articles: row.articles,
      unread: row.unread,
    })
  }
  if (includeEmpty) {
    for (const country of COUNTRIES) {
      if (!counted.has(country.code))
        result.push({ code: country.code, name: country.name, articles: 0, unread: 0 })
    }
  }
  return result.sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name, 'en'))
}

function isWholeLibrary(filter: CountryFilter): boolean {
  return (
    filter.state === 'all' &&
    filter.correspondent === undefined &&
    filter.collection === undefined &&
    filter.feed === undefined &&
    filter.site === undefined &&
    filter.from === undefined &&
    filter.to === undefined
  )
}

function groupedCounts(
  db: SqlDatabase,
  filter: CountryFilter,
): { code: string; articles: number; unread: number }[] {
  const { where, params } = filterConditions(filter, false)
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  return db.all<{ code: string; articles: number; unread: number }>(
    `SELECT c.code AS code, count(*) AS articles, coalesce(sum(a.read = 0 AND a.archived = 0), 0) AS unread
     FROM articles a JOIN article_countries c ON c.article = a.rowid ${clause}
     GROUP BY c.code`,
    params as SqlValue[],
  )
}
