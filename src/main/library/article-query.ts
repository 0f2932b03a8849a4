import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { ListDate } from '@shared/reading'
import type { ArticleConditions } from '../search/rank-articles'
import { correspondentKey } from './article-rows'
import type { SqlValue } from './database'
import { firstOfItsStory } from '../stories/story-fold'
import { afterMark, type PageMark } from '../stories/folded-page-marks'

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
   * When the state and one country, collection, feed or correspondent narrow the list, that
   * group's row of the sidebar counters gives the total (counting country and unread at 100k took
   * ~90 ms). A correspondent's total comes from the per-name counters of schema 16, unless the name
   * reaches entries of other names merged with it: then it is counted.
   */
  countedGroup: {
    kind: 'country' | 'collection' | 'feed' | 'correspondent'
    key: string | { collectionName: string } | { correspondentName: string }
  } | null
}

interface Relation {
  /** A probe of one article (`a`), for a walk of the list's index. */
  exists: string
  /** The members' rowids, each once (`article`), for a page or count that starts from them. */
  members: string
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

  // A page either walks the list's index in order and probes each membership (EXISTS), stopping at
  // 50 (0.2 ms for country and unread at 1k where IN (...) with a sort took 11 ms), or starts from
  // a small group's members (a collection of 1%: walking probes 5,000 rows for 50), so each
  // relation is written both ways; planList chooses.
  const relations: Relation[] = []
  if (filter.country) {
    relations.push({
      exists: 'EXISTS (SELECT 1 FROM article_countries r WHERE r.code = ? AND r.article = a.rowid)',
      members: 'SELECT article FROM article_countries WHERE code = ?',
      param: filter.country.toUpperCase(),
    })
  }
  if (filter.correspondent) {
    // Every entry of the groups that name belongs to: a merged-in spelling or outlet counts too.
    const people = `SELECT m.id FROM correspondents n JOIN correspondents m
      ON m.id = coalesce(n.merged_into, n.id) OR m.merged_into = coalesce(n.merged_into, n.id)
      WHERE n.name_key = ?`
    relations.push({
      exists: `EXISTS (SELECT 1 FROM article_correspondents r WHERE r.article = a.rowid AND r.correspondent IN (${people}))`,
      // One person may be several entries (one per outlet): an article is counted once.
      members: `SELECT DISTINCT article FROM article_correspondents WHERE correspondent IN (${people})`,
      param: correspondentKey(filter.correspondent),
    })
  }
  if (filter.collection) {
    const named = 'SELECT id FROM collections WHERE name = ?'
    relations.push({
      exists: `EXISTS (SELECT 1 FROM collection_articles r WHERE r.article = a.rowid AND r.collection IN (${named}))`,
      members: `SELECT article FROM collection_articles WHERE collection IN (${named})`,
      param: filter.collection,
    })
  }
  if (filter.feed !== undefined) {
    relations.push({
      exists: 'EXISTS (SELECT 1 FROM feed_items r WHERE r.feed = ? AND r.article = a.rowid)',
      // An article reached through two items of one feed is one article.
      members: 'SELECT DISTINCT article FROM feed_items WHERE feed = ? AND article IS NOT NULL',
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

/**
 * How many articles each filter lets through, for choosing where a page and its count start:
 * from the list's index (walking it newest first, probing each article, stopping at the page's
 * end) or from the members of the smallest filter (then sorted). `relations` follow the order of
 * `relationFilters`; `site` and `dates` are counted only up to the smallest relation's size, which
 * is all the choice needs (null when that filter is not set).
 */
export interface FilterSizes {
  /** Every article, archived ones too. */
  library: number
  /** The articles of the list's state (its index's size). */
  listed: number
  relations: number[]
  site: number | null
  dates: number | null
}

/** Where a page and its count start: the list's index, or the members of relation n. */
export interface ListPlan {
  page: 'list' | number
  count: 'list' | number
}

/**
 * Rows visited by each way of reading a page, the smaller one chosen. Walking the list's index
 * visits about (offset + limit) / (the share of articles the filters let through, taken as
 * independent), at most the narrowest index it can walk; starting from a relation visits its
 * members once (and sorts them). At 100k a collection of 1% costs ~5,000 probes walked and ~1,000
 * rows from its members; a country of 30% costs ~170 walked and 30,000 from its members.
 */
export function planList(sizes: FilterSizes, offset: number, limit: number): ListPlan {
  const library = Math.max(1, sizes.library)
  const shares = [...sizes.relations, sizes.site, sizes.dates]
    .filter((n): n is number => n !== null)
    .map((n) => Math.min(1, n / library))
  const share = shares.reduce((product, s) => product * s, 1)
  const narrowest = Math.min(sizes.listed, sizes.site ?? Infinity, sizes.dates ?? Infinity)
  const walked = share === 0 ? narrowest : Math.min(narrowest, (offset + limit) / share)
  const smallest = smallestRelation(sizes.relations)
  return {
    page: smallest !== null && sizes.relations[smallest]! < walked ? smallest : 'list',
    count: smallest !== null && sizes.relations[smallest]! < narrowest ? smallest : 'list',
  }
}

function smallestRelation(sizes: number[]): number | null {
  let best: number | null = null
  sizes.forEach((size, i) => {
    if (best === null || size < sizes[best]!) best = i
  })
  return best
}

/** The relation filters that are set, in the order `FilterSizes.relations` counts them. */
export function relationFilters(
  filter: ArticleFilter,
): ('country' | 'correspondent' | 'collection' | 'feed')[] {
  const kinds: ('country' | 'correspondent' | 'collection' | 'feed')[] = []
  if (filter.country) kinds.push('country')
  if (filter.correspondent) kinds.push('correspondent')
  if (filter.collection) kinds.push('collection')
  if (filter.feed !== undefined) kinds.push('feed')
  return kinds
}

/** A page of the list without a text query (src/main/search answers those). */
export function articleQuerySql(
  filter: ArticleFilter,
  sort: ArticleSort,
  offset: number,
  limit: number,
  plan: ListPlan = { page: 'list', count: 'list' },
  by: ListDate = 'saved',
  /** One row per story (docs/stories.md, "Group by story"). */
  foldStories = false,
  /** Folded: start after this row of the list (stories/folded-page-marks.ts), `offset` counted from it. */
  after?: PageMark,
): ArticleQuerySql {
  const { relations, where, params } = filterParts(filter, false)
  // dated_at (schema 11) is the page's own date, else the day saved; each has its indexes.
  const column = by === 'published' ? 'a.dated_at' : 'a.added_at'
  const pageWhere = [...where]
  const pageParams = [...params]
  if (foldStories && after) {
    // First, so the walk starts at the mark before any story is probed.
    const keyset = afterMark(by === 'published' ? 'a.dated_at' : 'a.added_at', sort !== 'oldest', after)
    pageWhere.unshift(keyset.where)
    pageParams.unshift(...keyset.params)
  }
  if (foldStories) {
    const fold = firstOfItsStory(
      {
        where: [...relations.map((r) => r.exists), ...where],
        params: [...relations.map((r) => r.param), ...params],
      },
      { column: by === 'published' ? 'dated_at' : 'added_at', newestFirst: sort !== 'oldest' },
    )
    pageWhere.push(fold.where)
    pageParams.push(...fold.params)
  }
  const order = sort === 'oldest' ? `${column} ASC, a.id DESC` : `${column} DESC, a.id`
  const page = fromAndWhere(relations, pageWhere, pageParams, plan.page)
  const count = fromAndWhere(relations, where, params, plan.count)
  return {
    page: `SELECT {columns} ${page.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
    pageParams: [...page.params, limit, offset],
    // Folded, the rows are the stories with an article let through plus the articles alone: one
    // lookup a row, where counting with the page's condition probed every other article of each story
    // (1.9 s against 77 ms at 10k on a loaded machine).
    count: foldStories
      ? `SELECT count(DISTINCT coalesce((SELECT -s.story FROM story_articles s WHERE s.article = a.rowid), a.rowid)) AS total ${count.sql}`
      : `SELECT count(*) AS total ${count.sql}`,
    countParams: count.params,
    stateOnly: relations.length === 0 && !filter.site && !filter.from && !filter.to && !foldStories,
    countedGroup:
      relations.length !== 1 || filter.site || filter.from || filter.to || foldStories
        ? null
        : filter.country
          ? { kind: 'country', key: filter.country.toUpperCase() }
          : filter.collection
            ? { kind: 'collection', key: { collectionName: filter.collection } }
            : filter.feed !== undefined
              ? { kind: 'feed', key: String(filter.feed) }
              : filter.correspondent
                ? {
                    kind: 'correspondent',
                    key: { correspondentName: correspondentKey(filter.correspondent) },
                  }
                : null,
  }
}

/**
 * FROM and WHERE of a page or count. From the list: `articles a`, each relation probed (EXISTS),
 * and SQLite walks the narrowest index of the state, site or dates. From a relation: its members
 * first (CROSS JOIN keeps them the outer loop), each article read by rowid, the other filters probed.
 */
function fromAndWhere(
  relations: Relation[],
  where: string[],
  params: SqlValue[],
  start: 'list' | number,
): { sql: string; params: SqlValue[] } {
  const clause = (parts: string[]): string => (parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '')
  const driver = start === 'list' ? undefined : relations[start]
  if (!driver) {
    return {
      sql: `FROM articles a ${clause([...relations.map((r) => r.exists), ...where])}`,
      params: [...relations.map((r) => r.param), ...params],
    }
  }
  const others = relations.filter((r) => r !== driver)
  return {
    sql: `FROM (${driver.members}) m CROSS JOIN articles a ON a.rowid = m.article ${clause([
      ...others.map((r) => r.exists),
      ...where,
    ])}`,
    params: [driver.param, ...others.map((r) => r.param), ...params],
  }
}
