import { highlightTextForIndex } from '../highlights/highlight-store'
import { textForIndex } from '../search/index-text'
import { keepArticleText } from './article-texts'
import type { SqlDatabase } from './database'

/** What of an article the full-text index holds, column by column (see article_fts in schema.ts). */
export interface IndexedText {
  title: string
  correspondents: string
  site: string
  excerpt: string
  body: string
}

/**
 * Puts an article's text into `article_fts` under its rowid, replacing what was there, and keeps the
 * body in `article_texts` (article-texts.ts) for the next reindex and the search's snippets. Called
 * inside the transaction that writes the article, so the index, the kept text and the library never
 * disagree. The person's highlights and notes go in with the body (not into the kept text), so a
 * search finds an article by its notes.
 */
export interface IndexOptions {
  /** The article has no entry yet (a draft being filled): nothing to replace. */
  fresh?: boolean
  /** The body was read from `article_texts` for this revision: it is kept already. */
  textKept?: boolean
}

export function indexArticleText(
  db: SqlDatabase,
  rowid: number,
  text: IndexedText,
  options: IndexOptions = {},
): void {
  if (!options.fresh) db.run('DELETE FROM article_fts WHERE rowid = ?', [rowid])
  if (!options.textKept) keepArticleText(db, rowid, text.body)
  db.run(
    'INSERT INTO article_fts (rowid, title, correspondents, site, excerpt, body) VALUES (?, ?, ?, ?, ?, ?)',
    [
      rowid,
      textForIndex(text.title),
      textForIndex(text.correspondents),
      textForIndex(text.site),
      textForIndex(text.excerpt),
      textForIndex(withHighlights(text.body, highlightTextForIndex(db, rowid))),
    ],
  )
}

export function unindexArticle(db: SqlDatabase, rowid: number): void {
  db.run('DELETE FROM article_fts WHERE rowid = ?', [rowid])
}

function withHighlights(body: string, highlights: string): string {
  return highlights === '' ? body : `${body}\n${highlights}`
}
