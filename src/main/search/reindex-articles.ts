import {
  ARTICLE_COLUMNS,
  indexedNames,
  summariesOf,
  textOfArticle,
  type ArticleRow,
} from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import type { LibraryStore } from '../library/library-store'

/** Articles written again per transaction; each needs its stored text read first. */
const BATCH = 200

/**
 * Writes the full-text entries of some articles again from their rows and stored text, when
 * something they are found by changed outside them (a merge or split of their correspondents).
 * The index is contentless, so an entry is only ever written whole. An article captured again
 * while its text was read is left alone: that capture indexed itself with the same rows.
 * Returns how many entries were written.
 */
export async function reindexArticles(library: LibraryStore, rowids: Iterable<number>): Promise<number> {
  const all = [...new Set(rowids)].sort((a, b) => a - b)
  let written = 0
  for (let at = 0; at < all.length; at += BATCH) {
    const batch = all.slice(at, at + BATCH)
    const articles = library.query((db) => {
      const rows = db.all<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.rowid IN (${batch.map(() => '?').join(',')})`,
        batch,
      )
      const rowidOf = new Map(rows.map((row) => [row.id, Number(row.rowid)]))
      return summariesOf(db, rows).map((article) => ({ article, rowid: rowidOf.get(article.id)! }))
    })
    const bodies = await library.readArticleTexts(articles.map(({ article }) => article))
    written += library.change((db) => {
      let n = 0
      articles.forEach(({ article, rowid }, i) => {
        const now = db.get<{ updated_at: string }>('SELECT updated_at FROM articles WHERE rowid = ?', [rowid])
        if (now?.updated_at !== article.updatedAt) return
        indexArticleText(db, rowid, {
          ...textOfArticle(article, bodies[i]!),
          correspondents: indexedNames(db, rowid),
        })
        n++
      })
      return n
    })
  }
  return written
}
