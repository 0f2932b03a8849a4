import type { ArticleFilter, ArticleSort } from '@shared/contract'
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
}

/**
 * The filters other than the text query, as conditions on `articles a`. With a text query,
 * archived articles are found too unless a state says otherwise (archiving keeps them searchable).
 */
export function filterConditions(filter: ArticleFilter, searching: boolean): ArticleConditions {
  const where: string[] = []
  const params: SqlValue[] = []
  if (filter.state === 'unread') where.push('a.read = 0 AND a.archived = 0')
  else if (filter.state === 'starred') where.push('a.starred = 1')
  else if (filter.state === 'archived') where.push('a.archived = 1')
  else if (!searching) where.push('a.archived = 0')

  if (filter.country) {
    where.push('a.rowid IN (SELECT article FROM article_countries WHERE code = ?)')
    params.push(filter.country.toUpperCase())
  }
  if (filter.correspondent) {
    where.push(`a.rowid IN (SELECT ac.article FROM article_correspondents ac
      JOIN correspondents c ON c.id = ac.correspondent WHERE c.name_key = ?)`)
    params.push(correspondentKey(filter.correspondent))
  }
  if (filter.collection) {
    where.push(`a.rowid IN (SELECT ca.article FROM collection_articles ca
      JOIN collections c ON c.id = ca.collection WHERE c.name = ?)`)
    params.push(filter.collection)
  }
  if (filter.feed !== undefined) {
    where.push('a.rowid IN (SELECT article FROM feed_items WHERE feed = ?)')
    params.push(filter.feed)
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
  return { where, params }
}

/** Whether the list is searched by text (a query with anything in it) or only filtered. */
export function isTextQuery(filter: ArticleFilter): boolean {
  return (filter.query?.trim() ?? '') !== ''
}

/** A page of the list without a text query (see src/main/search for those). */
export function articleQuerySql(
  filter: ArticleFilter,
  sort: ArticleSort,
  offset: number,
  limit: number,
): ArticleQuerySql {
  const { where, params } = filterConditions(filter, false)
  const conditions = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  const order = sort === 'oldest' ? 'a.added_at ASC, a.id DESC' : 'a.added_at DESC, a.id'
  const narrowed = filter.country || filter.correspondent || filter.collection || filter.feed !== undefined
  return {
    page: `SELECT {columns} FROM articles a ${conditions} ORDER BY ${order} LIMIT ? OFFSET ?`,
    pageParams: [...params, limit, offset],
    count: `SELECT count(*) AS total FROM articles a ${conditions}`,
    countParams: params,
    stateOnly: !narrowed && !filter.site && !filter.from && !filter.to,
  }
}
