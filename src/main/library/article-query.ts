import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { ListDate } from '@shared/reading'
import type { ArticleConditions } from '../search/rank-articles'
import { correspondentKey } from './article-rows'
import type { SqlValue } from './database'

/**
 * One page of `articles.list` as SQL: pure, so the filters can be tested without a database.
 * Every filter narrows the same `articles a`; they combine freely.
 */
export interface ArticleQuerySql {
  /** The page: ARTICLE_COLUMNS are put in place of `{columns}`. */
  page: string
  pageParams: SqlValue[]
  count: string
  countParams: SqlValue[]
  /** True when only the state narrows the list, so the sidebar counters give the total. */
  stateOnly: boolean
  /**
   * When the state and one country, collection or feed narrow the list, that group's row of the
   * sidebar counters gives the total (counting country and unread at 100k took ~90 ms).
   */
  countedGroup: { kind: 'country' | 'collection' | 'feed'; key: string | { collectionName: string } } | null
}

interface Relation {
  exists: string
  member: string
  param: SqlValue
}

interface FilterParts {
  relations: Relation[]
  where: string[]
  params: SqlValue[]
}

/**
 * The filters other than the text query, as conditions on `articles a`, for a search (which
 * walks the full-text matches and probes each article, so memberships are written as EXISTS).
 * Archived articles are found too unless a state says otherwise (archiving keeps them searchable).
 */
export function filterConditions(filter: ArticleFilter, searching: boolean): ArticleConditions {
  const { relations, where, params } = filterParts(filter, searching)
  return {
    where: [...relations.map((r) => r.exists), ...where],
    params: [...relations.map((r) => r.param), ...params],
  }
}

function filterParts(filter: ArticleFilter, searching: boolean): FilterParts {
  const where: string[] = []
  const params: SqlValue[] = []
  if (filter.state === 'unread') where.push('a.read = 0 AND a.archived = 0')
  else if (filter.state === 'starred') where.push('a.starred = 1')
  else if (filter.state === 'archived') where.push('a.archived = 1')
  else if (!searching) where.push('a.archived = 0')

  // A page walks the list's index in order and probes each membership (EXISTS), stopping at 50:
  // 0.2 ms for country and unread at 1k where IN (...) with a sort took 11 ms. A count wants the
  // opposite, the members first (IN), so each relation is written both ways.
  const relations: Relation[] = []
  if (filter.country) {
    relations.push({
      exists: 'EXISTS (SELECT 1 FROM article_countries r WHERE r.code = ? AND r.article = a.rowid)',
      member: 'a.rowid IN (SELECT article FROM article_countries WHERE code = ?)',
      param: filter.country.toUpperCase(),
    })
  }
  if (filter.correspondent) {
    const people = 'SELECT id FROM correspondents WHERE name_key = ?'
    relations.push({
      exists: `EXISTS (SELECT 1 FROM article_correspondents r WHERE r.article = a.rowid AND r.correspondent IN (${people}))`,
      member: `a.rowid IN (SELECT article FROM article_correspondents WHERE correspondent IN (${people}))`,
      param: correspondentKey(filter.correspondent),
    })
  }
  if (filter.collection) {
    const named = 'SELECT id FROM collections WHERE name = ?'
    relations.push({
      exists: `EXISTS (SELECT 1 FROM collection_articles r WHERE r.article = a.rowid AND r.collection IN (${named}))`,
      member: `a.rowid IN (SELECT article FROM collection_articles WHERE collection IN (${named}))`,
      param: filter.collection,
    })
  }
  if (filter.feed !== undefined) {
    relations.push({
      exists: 'EXISTS (SELECT 1 FROM feed_items r WHERE r.feed = ? AND r.article = a.rowid)',
      member: 'a.rowid IN (SELECT article FROM feed_items WHERE feed = ?)',
      param: filter.feed,
    })
  }
  if (filter.site) {
    where.push('a.site_name = ?')
    params.push(filter.site)
  }
  // Dates are the day saved (added_at); a bare day in `to` includes all of that day.
  if (filter.from) {
    where.push('a.added_at >= ?')
    params.push(filter.from)
  }
  if (filter.to) {
    where.push('a.added_at <= ?')
    params.push(`${filter.to}\uffff`)
  }
  return { relations, where, params }
}

/** Whether the list is searched by text (a query with anything in it) or only filtered. */
export function isTextQuery(filter: ArticleFilter): boolean {
  return (filter.query?.trim() ?? '') !== ''
}

/** A page of the list without a text query (src/main/search answers those). */
export function articleQuerySql(
  filter: ArticleFilter,
  sort: ArticleSort,
  offset: number,
  limit: number,
  by: ListDate = 'saved',
): ArticleQuerySql {
  const { relations, where, params } = filterParts(filter, false)
  const relationParams = relations.map((r) => r.param)
  const clause = (parts: string[]): string => (parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '')
  const pageConditions = clause([...relations.map((r) => r.exists), ...where])
  const countConditions = clause([...relations.map((r) => r.member), ...where])
  // dated_at (schema 11) is the page's own date, else the day saved; each has its indexes.
  const column = by === 'published' ? 'a.dated_at' : 'a.added_at'
  const order = sort === 'oldest' ? `${column} ASC, a.id DESC` : `${column} DESC, a.id`
  return {
    page: `SELECT {columns} FROM articles a ${pageConditions} ORDER BY ${order} LIMIT ? OFFSET ?`,
    pageParams: [...relationParams, ...params, limit, offset],
    count: `SELECT count(*) AS total FROM articles a ${countConditions}`,
    countParams: [...relationParams, ...params],
    stateOnly: relations.length === 0 && !filter.site && !filter.from && !filter.to,
    countedGroup:
      relations.length !== 1 || filter.site || filter.from || filter.to || filter.correspondent
        ? null
        : filter.country
          ? { kind: 'country', key: filter.country.toUpperCase() }
          : filter.collection
            ? { kind: 'collection', key: { collectionName: filter.collection } }
            : filter.feed !== undefined
              ? { kind: 'feed', key: String(filter.feed) }
              : null,
  }
}
