import type { SqlDatabase, SqlValue } from '../library/database'
import { withExactLastWord, withPhrasesAsWords, type ParsedQuery } from './query-parser'

/**
 * Which articles a text query finds, best first, one page at a time.
 *
 * FTS5's bm25 costs in proportion to how many articles match, twice over: it first counts the
 * articles holding each term (a pass over the whole doclist) and then scores every match. At 100k
 * articles a word found in 75% of them took 66 ms to rank this way, a phrase of two common
 * words 300 ms, while reading the newest 50 matches by rowid took 0.2 ms. So:
 *
 * - a query matching fewer than CANDIDATES articles (most real queries: a name, a rare word, two
 *   or three words together) is ranked exactly, by bm25 with the headline weighted;
 * - a query matching more (a common word, a one-word prefix, a phrase of common words) is too
 *   unselective for bm25 to mean much, and is ordered by the strongest signal left: articles
 *   with a query word in their headline among the newest CANDIDATES matches first, then every
 *   match newest first. Its total is then a lower bound ("2,000 or more"), never a full count.
 *
 * Filters are conditions on `articles a`, joined with FTS5 as the outer loop so a page stops as
 * soon as it is full.
 */

/** Matches above which a query is ranked by headline and recency rather than bm25. */
export const CANDIDATES = 2000

/** Headline first, then correspondents, then site and excerpt, then the body. */
export const COLUMN_WEIGHTS = [10, 4, 2, 2, 1] as const
const BM25 = `bm25(article_fts, ${COLUMN_WEIGHTS.join(', ')})`

export interface ArticleConditions {
  /** SQL conditions on `articles a`, joined by AND; empty for none. */
  where: string[]
  params: SqlValue[]
}

export interface RankedPage {
  rowids: number[]
  total: number
  /** True when the query matched too many articles to count: `total` is then "at least". */
  totalIsLowerBound: boolean
}

export type TextOrder = 'relevance' | 'newest' | 'oldest'

export function rankArticles(
  db: SqlDatabase,
  query: ParsedQuery,
  conditions: ArticleConditions,
  order: TextOrder,
  offset: number,
  limit: number,
): RankedPage {
  if (query.match === null) {
    if (query.excludeOnly === null) return { rowids: [], total: 0, totalIsLowerBound: false }
    return articlesWithout(db, query.excludeOnly, conditions, order, offset, limit)
  }
  if (order !== 'relevance') return byDate(db, query.match, conditions, order, offset, limit)
  // A word typed in full that is in CANDIDATES articles or more is the word meant: its longer
  // forms would add nothing that a headline-and-recency order shows first, at five times the cost.
  const exact = withExactLastWord(query)
  if (exact) {
    const newestExact = newestMatches(db, exact.match!)
    if (newestExact.length === CANDIDATES) {
      return byHeadlineThenRecency(db, exact, conditions, windowOf(newestExact), offset, limit)
    }
  }
  // A phrase is ranked by headline and recency: bm25 would match the phrase's positions over the
  // whole library twice more (for its IDF, then to score), 90 ms for two common words.
  const loosened = withPhrasesAsWords(query)
  if (loosened)
    return byHeadlineThenRecency(db, query, conditions, phraseWindow(db, query, loosened), offset, limit)
  // One pass over the index for the newest CANDIDATES matches, unranked: it tells how selective
  // the query is and is itself the candidate set when it is not.
  const newest = newestMatches(db, query.match)
  if (newest.length < CANDIDATES) return byBm25(db, query.match, conditions, offset, limit)
  return byHeadlineThenRecency(db, query, conditions, windowOf(newest), offset, limit)
}

/**
 * The newest matches of a query, and how far back in the library they reach: every match when
 * `complete`, else those from the article `oldest` on.
 */
interface CandidateWindow {
  rowids: number[]
  oldest: number
  complete: boolean
}

function windowOf(newest: number[]): CandidateWindow {
  return { rowids: newest, oldest: newest[newest.length - 1] ?? 0, complete: newest.length < CANDIDATES }
}

function newestMatches(db: SqlDatabase, match: string, from = 0): number[] {
  return db
    .all<{ rowid: number }>(
      'SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid >= ? ORDER BY rowid DESC LIMIT ?',
      [match, from, CANDIDATES],
    )
    .map((r) => r.rowid)
}

/**
 * A phrase's candidates: its matches among the newest CANDIDATES articles holding all its words.
 * Matching the phrase's positions over the whole library costs a pass over every article holding
 * those words (at 100k, ~40,000 for two common words: 30–40 ms even when the phrase is rare); the
 * words' newest matches are read in ~1 ms, and the phrase is then matched in that window alone.
 */
function phraseWindow(db: SqlDatabase, query: ParsedQuery, loosened: ParsedQuery): CandidateWindow {
  const words = windowOf(newestMatches(db, loosened.match!))
  if (words.rowids.length === 0) return { rowids: [], oldest: 0, complete: true }
  return { ...words, rowids: newestMatches(db, query.match!, words.oldest) }
}

function joined(conditions: ArticleConditions): { from: string; where: string } {
  if (conditions.where.length === 0) return { from: 'article_fts f', where: '' }
  return {
    // CROSS JOIN keeps FTS5 the outer loop: SQLite would otherwise walk the articles and run the
    // full-text query once for each (8.8 s at 100k).
    from: 'article_fts f CROSS JOIN articles a ON a.rowid = f.rowid',
    where: ` AND ${conditions.where.join(' AND ')}`,
  }
}

function byBm25(
  db: SqlDatabase,
  match: string,
  conditions: ArticleConditions,
  offset: number,
  limit: number,
): RankedPage {
  const { from, where } = joined(conditions)
  // Fewer than CANDIDATES rows: score them all in one pass and page here, which also gives the total.
  const rows = db.all<{ rowid: number; score: number }>(
    `SELECT f.rowid AS rowid, ${BM25} AS score FROM ${from} WHERE article_fts MATCH ?${where}`,
    [match, ...conditions.params],
  )
  // Lower bm25 is better; among equals the newer article (higher rowid) first.
  rows.sort((x, y) => x.score - y.score || y.rowid - x.rowid)
  return {
    rowids: rows.slice(offset, offset + limit).map((r) => r.rowid),
    total: rows.length,
    totalIsLowerBound: false,
  }
}

/**
 * The window's matches with a query word in the headline come first, then the rest, newest first;
 * past the window, older matches follow newest first.
 */
function byHeadlineThenRecency(
  db: SqlDatabase,
  query: ParsedQuery,
  conditions: ArticleConditions,
  window: CandidateWindow,
  offset: number,
  limit: number,
): RankedPage {
  const { complete, oldest } = window
  const candidates = keepMatching(db, window.rowids, conditions)
  const inHeadline = new Set(
    db
      .all<{ rowid: number }>('SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid >= ?', [
        `{title} : (${query.headlineAny!})`,
        oldest,
      ])
      .map((r) => r.rowid),
  )
  const ordered = [
    ...candidates.filter((rowid) => inHeadline.has(rowid)),
    ...candidates.filter((rowid) => !inHeadline.has(rowid)),
  ]
  const page = ordered.slice(offset, offset + limit)
  // Past the window's end, one row more than the page needs tells whether older matches remain,
  // so the total given as "at least" is never more than there are, nor hides a next page.
  let moreOlder = false
  if (!complete && ordered.length <= offset + limit) {
    const { from, where } = joined(conditions)
    const skip = Math.max(0, offset - ordered.length)
    const wanted = limit - page.length
    const older = db
      .all<{ rowid: number }>(
        `SELECT f.rowid AS rowid FROM ${from} WHERE article_fts MATCH ? AND f.rowid < ?${where}
         ORDER BY f.rowid DESC LIMIT ? OFFSET ?`,
        [query.match!, oldest, ...conditions.params, wanted + 1, skip],
      )
      .map((r) => r.rowid)
    moreOlder = older.length > wanted
    page.push(...older.slice(0, wanted))
  }
  if (complete) return { rowids: page, total: ordered.length, totalIsLowerBound: false }
  const seen = Math.max(ordered.length, offset + page.length)
  return { rowids: page, total: seen + (moreOlder ? 1 : 0), totalIsLowerBound: true }
}

/** The candidates that pass the list's filters, in the same order (one probe per candidate). */
function keepMatching(db: SqlDatabase, rowids: number[], conditions: ArticleConditions): number[] {
  if (conditions.where.length === 0 || rowids.length === 0) return rowids
  const kept = new Set(
    db
      .all<{ rowid: number }>(
        `SELECT a.rowid AS rowid FROM json_each(?) j CROSS JOIN articles a ON a.rowid = j.value
         WHERE ${conditions.where.join(' AND ')}`,
        [JSON.stringify(rowids), ...conditions.params],
      )
      .map((r) => r.rowid),
  )
  return rowids.filter((rowid) => kept.has(rowid))
}

function byDate(
  db: SqlDatabase,
  match: string,
  conditions: ArticleConditions,
  order: 'newest' | 'oldest',
  offset: number,
  limit: number,
): RankedPage {
  const direction = order === 'newest' ? 'DESC' : 'ASC'
  const from = 'article_fts f CROSS JOIN articles a ON a.rowid = f.rowid'
  const where = conditions.where.map((c) => ` AND ${c}`).join('')
  const rows = db.all<{ rowid: number; total: number }>(
    `SELECT f.rowid AS rowid, count(*) OVER () AS total FROM ${from} WHERE article_fts MATCH ?${where}
     ORDER BY a.added_at ${direction}, a.id LIMIT ? OFFSET ?`,
    [match, ...conditions.params, limit, offset],
  )
  return total(rows, db, `SELECT count(*) AS n FROM ${from} WHERE article_fts MATCH ?${where}`, [
    match,
    ...conditions.params,
  ])
}

function articlesWithout(
  db: SqlDatabase,
  excluded: string,
  conditions: ArticleConditions,
  order: TextOrder,
  offset: number,
  limit: number,
): RankedPage {
  const where = [
    'a.rowid NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)',
    ...conditions.where,
  ].join(' AND ')
  const direction = order === 'oldest' ? 'ASC' : 'DESC'
  const rows = db.all<{ rowid: number; total: number }>(
    `SELECT a.rowid AS rowid, count(*) OVER () AS total FROM articles a WHERE ${where}
     ORDER BY a.added_at ${direction}, a.id LIMIT ? OFFSET ?`,
    [excluded, ...conditions.params, limit, offset],
  )
  return total(rows, db, `SELECT count(*) AS n FROM articles a WHERE ${where}`, [
    excluded,
    ...conditions.params,
  ])
}

/** The window's count when the page has rows; a separate count when the offset is past the end. */
function total(
  rows: { rowid: number; total: number }[],
  db: SqlDatabase,
  countSql: string,
  params: SqlValue[],
): RankedPage {
  const count = rows[0]?.total ?? db.get<{ n: number }>(countSql, params)?.n ?? 0
  return { rowids: rows.map((r) => r.rowid), total: Number(count), totalIsLowerBound: false }
}
