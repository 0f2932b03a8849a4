import type { SqlValue } from '../library/database'
import { parseQuery } from './query-parser'

/**
 * The text-query part of `articles.list`: a subquery yielding `rowid` and `rank` (lower is better),
 * which the list joins with its other filters. What a query means (words, "phrases", -exclusions,
 * prefixes while typing) is the query parser's; the library only joins on the result.
 */
export interface TextMatch {
  sql: string
  params: SqlValue[]
}

/** Headline first, then correspondents, site and excerpt, then the body. */
const COLUMN_WEIGHTS = '10.0, 4.0, 2.0, 2.0, 1.0'

/** Null when the query asks for nothing (only spaces or punctuation). */
export function matchArticles(query: string): TextMatch | null {
  const parsed = parseQuery(query)
  if (parsed.match) {
    return {
      sql: `SELECT rowid, bm25(article_fts, ${COLUMN_WEIGHTS}) AS rank FROM article_fts WHERE article_fts MATCH ?`,
      params: [parsed.match],
    }
  }
  if (parsed.excludeOnly) {
    // Only exclusions ("-sanctions"): every article without them, newest first.
    return {
      sql: `SELECT rowid, 0 AS rank FROM articles
            WHERE rowid NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)`,
      params: [parsed.excludeOnly],
    }
  }
  return null
}
