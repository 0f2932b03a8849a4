import type { Article } from '@shared/article'
import { escapeHtml } from '@shared/html'
import { documentText, paintPassages } from '@shared/highlight-marks'
import type { Highlight } from '@shared/highlights'
import type { LibraryStore } from '../library/library-store'
import { anchorHighlights } from './anchor-highlights'
import { bodyOf } from './article-plain-text'
import { highlightsOf } from './highlight-store'

/**
 * An article as the Markdown, HTML and EPUB exports write it when the person highlighted it: the
 * passages marked in the text (<mark>; `==…==` in Markdown), and a closing "Highlights and notes"
 * section listing each with its note, orphaned ones too. An article without highlights is
 * returned untouched.
 */
export function withHighlights(library: LibraryStore, article: Article): Article {
  const highlights = library.query((db) => highlightsOf(db, article.id))
  if (highlights.length === 0) return article
  return { ...article, html: highlightedHtml(article.html, highlights) }
}

export function highlightedHtml(html: string, highlights: readonly Highlight[]): string {
  const body = bodyOf(html)
  const anchored = anchorHighlights(documentText(body).text, highlights)
  paintPassages(
    body.ownerDocument,
    body,
    anchored.flatMap((h) => (h.at ? [{ ...h, ...h.at }] : [])),
  )
  return `${body.innerHTML}\n${highlightsSection(anchored.map((h) => ({ ...h, orphaned: h.at === null })))}`
}

function highlightsSection(highlights: readonly (Highlight & { orphaned: boolean })[]): string {
  const items = highlights.map((h) => {
    const note = h.note.trim() === '' ? '' : `<p>${paragraphs(h.note)}</p>`
    const orphaned = h.orphaned ? '<p><em>No longer in the text of this copy.</em></p>' : ''
    return `<li><blockquote><p>${escapeHtml(h.exact)}</p></blockquote>${orphaned}${note}</li>`
  })
  return `<section class="dateline-highlights"><h2>Highlights and notes</h2><ol>${items.join('')}</ol></section>`
}

function paragraphs(note: string): string {
  return note.trim().split(/\n+/).map(escapeHtml).join('<br>')
}
