import { parseHTML } from 'linkedom'
import { escapeHtml } from '@shared/html'
import { absolute } from './feed-urls'
import type { FeedItem } from './parse-feed'

/**
 * A feed item's own content as a small web page, for the capture pipeline to read when the person
 * chose "feed content only" (or the article's page cannot be had): headline, author and date as a
 * page's metadata, the content with its links made absolute against the feed's base (the page it
 * is stored as has another address), and the feed's pictures that the content does not show.
 */
export function itemDocument(item: FeedItem, feedTitle: string): string {
  const body = absoluteLinks(item.contentHtml ?? item.summary ?? '', item.base)
  const shown = new Set([...body.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]))
  const pictures = item.imageUrls
    .filter((url) => !shown.has(url))
    .map((url) => `<figure><img src="${escapeHtml(url)}" alt=""></figure>`)
    .join('\n')
  const meta = [
    item.authors.length > 0 ? `<meta name="author" content="${escapeHtml(item.authors.join(', '))}">` : '',
    item.publishedAt
      ? `<meta property="article:published_time" content="${escapeHtml(item.publishedAt)}">`
      : '',
    feedTitle ? `<meta property="og:site_name" content="${escapeHtml(feedTitle)}">` : '',
  ].join('')
  const title = escapeHtml(item.title ?? '')
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${meta}</head>
<body><article><h1>${title}</h1>
${pictures}
${body}
</article></body></html>`
}

function absoluteLinks(html: string, base: string): string {
  if (!/\s(src|href|srcset)=/i.test(html)) return html
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const element of document.querySelectorAll('[src], [href]')) {
    for (const name of ['src', 'href']) {
      const value = element.getAttribute(name)
      if (value === null) continue
      const resolved = absolute(value, base)
      if (resolved) element.setAttribute(name, resolved)
      else if (name === 'src') element.removeAttribute(name)
    }
  }
  for (const element of document.querySelectorAll('[srcset]')) {
    const set = (element.getAttribute('srcset') ?? '')
      .split(',')
      .map((part) => {
        const [url, ...rest] = part.trim().split(/\s+/)
        const resolved = absolute(url, base)
        return resolved ? [resolved, ...rest].join(' ') : null
      })
      .filter((p): p is string => p !== null)
    element.setAttribute('srcset', set.join(', '))
  }
  return document.body.innerHTML
}
