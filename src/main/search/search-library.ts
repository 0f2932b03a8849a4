import type { ArticleSummary } from '@shared/article'
import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { SearchMatch } from '@shared/search'
import { readArticleTextForIndex } from '../library/article-files'
import { filterConditions } from '../library/article-query'
import { ARTICLE_COLUMNS, summariesOf, type ArticleRow } from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import type { SqlDatabase } from '../library/database'
import type { LibraryLayout } from '../library/layout'
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
  layout: LibraryLayout,
  items: readonly ArticleSummary[],
  query: ParsedQuery,
): Promise<SearchMatch[]> {
  return Promise.all(
    items.map(async (article) => {
      const text = await readArticleTextForIndex(layout, article)
      const fromText = buildSnippet(text, query.include)
      const snippet =
        fromText.highlights.length > 0 || article.excerpt === ''
          ? fromText
          : buildSnippet(article.excerpt, query.include)
      return { title: highlightAll(article.title, query.include), snippet }
    }),
  )
}

export interface ReindexProgress {
  done: number
  total: number
}

/** Articles indexed per transaction: big enough to be quick, small enough to keep memory flat. */
const REINDEX_BATCH = 250

/**
 * Builds the full-text index again from the articles' rows and stored text, batch by batch.
 * Each batch is one transaction, so a kill part-way leaves an index that is complete for the
 * articles done and empty for the rest (a second reindex finishes it), never a damaged one.
 */
export async function reindexLibrary(
  db: SqlDatabase,
  layout: LibraryLayout,
  /** Runs one batch as one transaction (the store's commit, where a change log hooks in). */
  transaction: (work: () => void) => void,
  progress: (state: ReindexProgress) => void = () => {},
): Promise<ReindexProgress> {
  const total = Number(db.get<{ n: number }>('SELECT count(*) AS n FROM articles')?.n ?? 0)
  transaction(() => db.run("INSERT INTO article_fts (article_fts) VALUES ('delete-all')"))
  let done = 0
  let after = 0
  progress({ done, total })
  for (;;) {
    const rows = db.all<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?`,
      [after, REINDEX_BATCH],
    )
    if (rows.length === 0) break
    const articles = summariesOf(db, rows)
    const bodies = await Promise.all(articles.map((article) => readArticleTextForIndex(layout, article)))
    const rowidOf = new Map(rows.map((row) => [row.id, Number(row.rowid)]))
    transaction(() => {
      articles.forEach((article, i) => {
        indexArticleText(db, rowidOf.get(article.id)!, {
          title: article.title,
          correspondents: article.correspondents.map((c) => c.name).join('\n'),
          site: article.siteName ?? '',
          excerpt: article.excerpt,
          body: bodies[i]!,
        })
      })
    })
    after = Number(rows[rows.length - 1]!.rowid)
    done += rows.length
    progress({ done, total })
  }
  // Merges the index's segments into one, which makes every later query cheaper.
  db.run("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
  return { done, total }
}
