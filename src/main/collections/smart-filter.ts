import type { SavedFilter } from '@shared/collections'
import type { ArticleFilter } from '@shared/contract'
import { filterConditions, isTextQuery } from '../library/article-query'
import { correspondentKey } from '../library/article-rows'
import type { SqlDatabase, SqlValue } from '../library/database'
import { parseQuery } from '../search/query-parser'
import { collectionByName, savedFilterOf, type MemberCounts } from './collection-store'

/**
 * A smart collection is its saved filters. The list asks for `collection: NAME` as for any
 * collection; when NAME is a smart one, its filters take its place here, combined with the
 * list's other filters, so every way of listing (window, CLI, export) finds the same articles.
 */

/** Smart collections may name other collections in their filters; this deep at most. */
const MAX_NESTING = 8

type SingleValued = 'country' | 'correspondent' | 'collection' | 'feed' | 'site'
const SINGLE_VALUED: SingleValued[] = ['country', 'correspondent', 'collection', 'feed', 'site']

/**
 * Both filters at once (an article must pass each), or null when no filter can say so: two
 * different values of one single-valued field (the filter holds one country, one state).
 * Words are joined (each must be found); the date range is the overlap.
 */
export function combineFilters(saved: SavedFilter, list: ArticleFilter): ArticleFilter | null {
  const combined: ArticleFilter = { ...saved, state: 'all' }
  if (saved.state !== 'all' && list.state !== 'all' && saved.state !== list.state) return null
  combined.state = saved.state !== 'all' ? saved.state : list.state
  for (const key of SINGLE_VALUED) {
    const mine = list[key]
    const theirs = saved[key]
    if (mine === undefined) continue
    if (theirs !== undefined && !sameValue(key, theirs, mine)) return null
    ;(combined as Record<SingleValued, unknown>)[key] = mine
  }
  const from = [saved.from, list.from].filter((d): d is string => d !== undefined).sort()
  const to = [saved.to, list.to].filter((d): d is string => d !== undefined).sort()
  if (from.length > 0) combined.from = from[from.length - 1]!
  if (to.length > 0) combined.to = to[0]!
  const words = [saved.query, list.query].map((q) => q?.trim() ?? '').filter((q) => q !== '')
  if (words.length > 0) combined.query = words.join(' ')
  else delete combined.query
  return combined
}

function sameValue(key: SingleValued, a: string | number, b: string | number): boolean {
  if (key === 'feed' || key === 'site') return a === b
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase()
}

/**
 * The filter with a smart collection replaced by what it saves (recursively, when a smart
 * collection names another), or null when it finds nothing: a saved filter that is damaged,
 * that contradicts the list's, or that names itself. A plain collection, or none, is left as is.
 */
export function expandSmartCollection(db: SqlDatabase, filter: ArticleFilter): ArticleFilter | null {
  const seen = new Set<number>()
  let current = filter
  for (let depth = 0; current.collection !== undefined; depth++) {
    const row = collectionByName(db, current.collection)
    if (!row || row.query === null) return current
    const saved = savedFilterOf(row)
    if (saved === null || saved === 'invalid' || seen.has(row.id) || depth >= MAX_NESTING) return null
    seen.add(row.id)
    const { collection: _smart, ...rest } = current
    const combined = combineFilters(saved, rest)
    if (!combined) return null
    current = combined
  }
  return current
}

/**
 * The articles a filter finds, as the FROM and WHERE of one statement on `articles a`, for the
 * counts and the coverage of a smart collection (one pass, where the list's totals would take one
 * query per state). Null when the words leave nothing to search for.
 */
export interface Selection {
  from: string
  where: string
  params: SqlValue[]
  /** Whether words narrow it: a search also finds archived articles, as the list does. */
  searching: boolean
}

export function selectionOf(filter: ArticleFilter): Selection | null {
  const searching = isTextQuery(filter)
  const conditions = filterConditions(filter, true)
  const conditionsSql = (first: string[]): string => [...first, ...conditions.where].join(' AND ') || '1'
  if (!searching) {
    return { from: 'articles a', where: conditionsSql([]), params: conditions.params, searching }
  }
  const query = parseQuery(filter.query ?? '')
  if (query.match !== null) {
    return {
      // FTS5 first: SQLite would otherwise run the full-text query once per article.
      from: 'article_fts f CROSS JOIN articles a ON a.rowid = f.rowid',
      where: conditionsSql(['article_fts MATCH ?']),
      params: [query.match, ...conditions.params],
      searching,
    }
  }
  if (query.excludeOnly === null) return null
  return {
    from: 'articles a',
    where: conditionsSql(['a.rowid NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)']),
    params: [query.excludeOnly, ...conditions.params],
    searching,
  }
}

/**
 * A smart collection's counts in one pass: `articles` is what opening it lists (without words
 * and state, the articles not archived; otherwise every match), then unread and archived ones.
 */
export function countSelection(db: SqlDatabase, filter: ArticleFilter): MemberCounts {
  const selection = selectionOf(filter)
  if (!selection) return { articles: 0, unread: 0, archived: 0 }
  const listed = !selection.searching && filter.state === 'all' ? 'a.archived = 0' : '1'
  const row = db.get<MemberCounts>(
    `SELECT coalesce(sum(${listed}), 0) AS articles, coalesce(sum(a.read = 0 AND a.archived = 0), 0) AS unread,
       coalesce(sum(a.archived = 1), 0) AS archived
     FROM ${selection.from} WHERE ${selection.where}`,
    selection.params,
  )
  return row ?? { articles: 0, unread: 0, archived: 0 }
}

/** The newest `limit` articles a filter finds (by rowid, the order they came in), as a subquery. */
export function newestSelected(
  filter: ArticleFilter,
  limit: number,
): { sql: string; params: SqlValue[] } | null {
  const selection = selectionOf(filter)
  if (!selection) return null
  return {
    sql: `SELECT a.rowid FROM ${selection.from} WHERE ${selection.where} ORDER BY a.rowid DESC LIMIT ${Math.floor(limit)}`,
    params: selection.params,
  }
}

type CounterRow = MemberCounts & { starred: number }

/**
 * A smart collection that is one group (a country, a correspondent, a plain collection or a feed)
 * with no other filter but "all" or "unread" is counted from that group's rows of the sidebar
 * counters, which the triggers keep: one indexed read at any size. Null for any other filter.
 */
export function countFromCounters(db: SqlDatabase, filter: ArticleFilter): MemberCounts | null {
  if (filter.state !== 'all' && filter.state !== 'unread') return null
  if (filter.site || filter.from || filter.to || isTextQuery(filter)) return null
  const groups = [filter.country, filter.correspondent, filter.collection, filter.feed].filter(
    (g) => g !== undefined,
  )
  if (groups.length !== 1) return null
  let kind: string
  let keys: string[]
  if (filter.country) {
    kind = 'country'
    keys = [filter.country.toUpperCase()]
  } else if (filter.correspondent) {
    // One name may be several correspondents (the same name at different outlets).
    kind = 'correspondent'
    keys = db
      .all<{ id: number }>('SELECT id FROM correspondents WHERE name_key = ?', [
        correspondentKey(filter.correspondent),
      ])
      .map((r) => String(r.id))
  } else if (filter.collection) {
    const row = collectionByName(db, filter.collection)
    if (row && row.query !== null) return null
    kind = 'collection'
    keys = row ? [String(row.id)] : []
  } else {
    kind = 'feed'
    keys = [String(filter.feed)]
  }
  const totals: CounterRow = { articles: 0, unread: 0, archived: 0, starred: 0 }
  for (const key of keys) {
    const row = db.get<CounterRow>(
      'SELECT articles, unread, archived, starred FROM sidebar_counts WHERE kind = ? AND key = ?',
      [kind, key],
    )
    if (!row) continue
    totals.articles += row.articles
    totals.unread += row.unread
    totals.archived += row.archived
  }
  if (filter.state === 'unread') return { articles: totals.unread, unread: totals.unread, archived: 0 }
  return { articles: totals.articles, unread: totals.unread, archived: totals.archived }
}
