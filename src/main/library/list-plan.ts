import type { PageMark } from '../stories/folded-page-marks'
import type { ArticleFilter, ArticleSort, StateCounts } from '@shared/contract'
import type { ListDate } from '@shared/reading'
import {
  articleQuerySql,
  planList,
  relationFilters,
  type ArticleQuerySql,
  type FilterSizes,
} from './article-query'
import { correspondentKey } from './article-rows'
import type { SqlDatabase, SqlValue } from './database'

/** The SQL of one page of the list, starting where planList says is cheapest for these filters. */
export function plannedListQuery(
  db: SqlDatabase,
  request: {
    filter: ArticleFilter
    sort: ArticleSort
    offset: number
    limit: number
    by?: ListDate
    foldStories?: boolean
    /** Folded: the page starts after this row, `offset` counted from it. */
    after?: PageMark
  },
  library: StateCounts,
): ArticleQuerySql {
  const { filter, sort, offset, limit } = request
  const plan = planList(measureFilterSizes(db, filter, library), offset, limit)
  return articleQuerySql(filter, sort, offset, limit, plan, request.by, request.foldStories, request.after)
}

/**
 * What `planList` needs, read from the sidebar counters (a relation's members, the library, the
 * state) and, for a site or a date range, counted in an index only as far as the smallest
 * relation: a few index-only reads for any filter.
 */
export function measureFilterSizes(
  db: SqlDatabase,
  filter: ArticleFilter,
  library: StateCounts,
): FilterSizes {
  const relations = relationFilters(filter).map((kind) => membersOf(db, kind, filter))
  const cap = relations.length > 0 ? Math.min(...relations) + 1 : 0
  const counted = (where: string, params: SqlValue[]): number =>
    cap === 0
      ? 0
      : Number(
          db.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM articles WHERE ${where} LIMIT ?)`, [
            ...params,
            cap,
          ])?.n ?? 0,
        )
  return {
    library: library.articles + library.archived,
    listed: stateTotal(filter.state, library),
    relations,
    site: filter.site ? counted('site_name = ? AND archived = 0', [filter.site]) : null,
    dates:
      filter.from || filter.to
        ? counted('added_at >= ? AND added_at <= ?', [filter.from ?? '', `${filter.to ?? '9999'}\uffff`])
        : null,
  }
}

/** A group's members of every state, from its counters. */
function membersOf(
  db: SqlDatabase,
  kind: 'country' | 'correspondent' | 'collection' | 'feed',
  filter: ArticleFilter,
): number {
  const sum = (where: string, params: SqlValue[]): number =>
    Number(
      db.get<{ n: number }>(
        `SELECT coalesce(sum(articles + archived), 0) AS n FROM sidebar_counts WHERE kind = ? AND ${where}`,
        [kind, ...params],
      )?.n ?? 0,
    )
  if (kind === 'country') return sum('key = ?', [filter.country!.toUpperCase()])
  if (kind === 'feed') return sum('key = ?', [String(filter.feed)])
  if (kind === 'collection') {
    return sum('key IN (SELECT CAST(id AS TEXT) FROM collections WHERE name = ?)', [filter.collection!])
  }
  return sum('key IN (SELECT CAST(id AS TEXT) FROM correspondents WHERE name_key = ?)', [
    correspondentKey(filter.correspondent!),
  ])
}

function stateTotal(state: ArticleFilter['state'], counts: StateCounts): number {
  if (state === 'unread') return counts.unread
  if (state === 'starred') return counts.starred
  if (state === 'archived') return counts.archived
  return counts.articles
}
