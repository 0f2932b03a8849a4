import type { SqlValue } from '../library/database'
import { textForIndex } from './index-text'

/**
 * The text-query part of `articles.list`: a subquery over `article_fts` yielding `rowid` and `rank`
 * (lower is better), which the list joins with its other filters. The search module owns what a
 * query means (phrases, exclusions, prefixes, ranking); the library only joins on it.
 */
export interface TextMatch {
  sql: string
  params: SqlValue[]
}

/** Headline first, then correspondents, site and excerpt, then the body. */
const COLUMN_WEIGHTS = '10.0, 4.0, 2.0, 2.0, 1.0'

/**
 * Until the search module lands its query parser: every word must appear, the last one also as a
 * prefix (results as you type). Each word is quoted, so no input is FTS5 syntax and none can fail.
 * Returns null when the query has no word to look for.
 */
export function matchArticles(query: string): TextMatch | null {
  const words = textForIndex(query.slice(0, 1000))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 24)
  if (words.length === 0) return null
  const terms = words.map((word, i) => `"${word}"${i === words.length - 1 ? ' *' : ''}`)
  return {
    sql: `SELECT rowid, bm25(article_fts, ${COLUMN_WEIGHTS}) AS rank FROM article_fts WHERE article_fts MATCH ?`,
    params: [terms.join(' AND ')],
  }
}
