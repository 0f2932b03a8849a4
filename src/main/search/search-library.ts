import type { ArticleSummary } from '@shared/article'
import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { SearchMatch } from '@shared/search'
import { filterConditions } from '../library/article-query'
import { ARTICLE_COLUMNS, summariesOf, type ArticleRow } from '../library/article-rows'
import type { SqlDatabase } from '../library/database'
import { parseQuery, type ParsedQuery } from './query-parser'
import { rankArticles, type RankedPage } from './rank-articles'
import { buildSnippet, highlightAll } from './snippets'

export interface TextSearchRequest {
  filter: ArticleFilter
  sort: ArticleSort
  offset: number
  limit: number
}

export interface TextSearchPage {
  total: number
  totalIsLowerBound: boolean
  items: ArticleSummary[]
  query: ParsedQuery
}

/** One page of articles found by the filter's text query, in the order asked for. */
export function searchArticles(db: SqlDatabase, request: TextSearchRequest): TextSearchPage {
  const query = parseQuery(request.filter.query ?? '')
  const ranked: RankedPage = rankArticles(
    db,
    query,
    filterConditions(request.filter, true),
    request.sort,
    request.offset,
    request.limit,
  )
  return {
    total: ranked.total,
    totalIsLowerBound: ranked.totalIsLowerBound,
    items: rowsInOrder(db, ranked.rowids),
    query,
  }
}

function rowsInOrder(db: SqlDatabase, rowids: number[]): ArticleSummary[] {
  if (rowids.length === 0) return []
  const rows = db.all<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid IN (${rowids.map(() => '?').join(', ')})`,
    rowids,
  )
  const byRowid = new Map(rows.map((row) => [Number(row.rowid), row]))
  const ordered = rowids.flatMap((rowid) => {
    const row = byRowid.get(rowid)
    return row ? [row] : []
  })
  return summariesOf(db, ordered)
}

/**
 * Why each article was found: its headline and a snippet of its stored text (the excerpt when
 * the text says nothing of the query), with the matched words marked. Read for this page only.
 */
export async function matchesFor(
  items: readonly ArticleSummary[],
  query: ParsedQuery,
  /** The stored texts of the articles, in order (LibraryStore.readArticleTexts). */
  readTexts: (refs: readonly ArticleSummary[]) => Promise<string[]>,
): Promise<SearchMatch[]> {
  const texts = await readTexts(items)
  return items.map((article, i) => {
    const text = texts[i]!
    const fromText = buildSnippet(text, query.include)
    const snippet =
      fromText.highlights.length > 0 || article.excerpt === ''
        ? fromText
        : buildSnippet(article.excerpt, query.include)
    return { title: highlightAll(article.title, query.include), snippet }
  })
}
