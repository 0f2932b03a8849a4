import { marked } from 'marked'
import { escapeHtml } from '@shared/html'
import type { QueuedItem } from './import-store'

/**
 * The page an export's saved text becomes, so it goes through capture like any page: the other
 * app's title, author and date as the head a page would have, the text (Markdown turned to HTML)
 * as its article. Capture extracts and sanitises it as it does every page; nothing here is trusted.
 */
export function importedDocument(item: QueuedItem): string | null {
  if (!item.content) return null
  const body =
    item.content.kind === 'markdown'
      ? marked.parse(item.content.body, { async: false, gfm: true })
      : item.content.body
  const head = [
    '<meta charset="utf-8">',
    item.title ? `<title>${escapeHtml(item.title)}</title>` : '',
    item.content.byline ? `<meta name="author" content="${escapeHtml(item.content.byline)}">` : '',
    item.content.publishedAt
      ? `<meta property="article:published_time" content="${escapeHtml(item.content.publishedAt)}">`
      : '',
    `<link rel="canonical" href="${escapeHtml(item.url)}">`,
  ].join('')
  const heading = item.title ? `<h1>${escapeHtml(item.title)}</h1>` : ''
  return `<!DOCTYPE html><html><head>${head}</head><body><article>${heading}${body}</article></body></html>`
}
