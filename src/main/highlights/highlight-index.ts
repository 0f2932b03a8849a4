import type { SqlDatabase } from '../library/database'
import { indexedNames, textOfArticle } from '../library/article-rows'
import { indexArticleText } from '../library/article-text-index'
import type { LibraryStore } from '../library/library-store'
import { highlightFilesOf } from './highlight-files'

/**
 * Highlights' quotes and notes live in their article's full-text entry (indexArticleText adds
 * them), so a change of highlights indexes the article again. That needs its stored text, which is
 * read outside a transaction: a change applied inside one (a sync) marks the article instead, and
 * `reindexMarked` does the rest after it, even after a kill in between.
 */

export function markForReindex(db: SqlDatabase, articleId: string): void {
  db.run('INSERT OR IGNORE INTO highlights_unindexed (article_id) VALUES (?)', [articleId])
}

export async function reindexArticle(library: LibraryStore, articleId: string): Promise<void> {
  const article = library.get(articleId)
  if (!article) return
  const [text] = await library.readArticleTexts([article])
  // Without its text the entry is left as it is: rewritten from the headline alone, it would lose the body.
  if (!text) return
  library.change((db) => {
    // A re-capture while the text was read indexed itself, with its own text.
    const now = db.get<{ rowid: number; updated_at: string }>(
      'SELECT rowid, updated_at FROM articles WHERE id = ?',
      [articleId],
    )
    if (now?.updated_at !== article.updatedAt) return
    const rowid = Number(now.rowid)
    indexArticleText(db, rowid, {
      ...textOfArticle(article, text),
      correspondents: indexedNames(db, rowid),
    })
  })
}

/**
 * Indexes again the articles marked, and rewrites their highlights files; returns how many (an
 * article not here is left to its arrival, which indexes it whole).
 */
export async function reindexMarked(library: LibraryStore): Promise<number> {
  const marked = library.query((db) =>
    db.all<{ article_id: string }>('SELECT article_id FROM highlights_unindexed').map((r) => r.article_id),
  )
  for (const id of marked) {
    await reindexArticle(library, id)
    await highlightFilesOf(library).save(id)
    library.change((db) => db.run('DELETE FROM highlights_unindexed WHERE article_id = ?', [id]))
  }
  return marked.length
}
