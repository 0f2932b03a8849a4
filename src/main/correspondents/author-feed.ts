import { parseHTML } from 'linkedom'
import { fetchPage, parseWebAddress, USER_AGENT, type FetchFunction } from '../ingest/fetch-page'
import { readCappedBody } from '../ingest/read-capped-body'

/*
 * Many outlets publish a feed per author (WordPress /author/x/feed/, Guardian /profile/x/rss,
 * Substack, Ghost...). Given a correspondent's page, finds the feed it announces with
 * <link rel="alternate">, else tries the usual per-author feed addresses.
 */

const FEED_TYPE_RE = /^application\/(?:rss|atom|feed|rdf)\+xml$|^application\/(?:rss\+)?xml$|^text\/xml$/i
/** The per-author feed addresses publishing systems use, relative to the author's page. */
const COMMON_FEED_PATHS = ['feed/', 'rss', 'feed', 'rss.xml', 'atom.xml', 'index.xml']
const PROBE_TIMEOUT_MS = 10_000
const PROBE_MAX_BYTES = 2 * 1024 * 1024
const FEED_START_RE =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i

/** The feed URLs a page's <head> announces, absolute, in the page's order. */
export function announcedFeeds(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html)
  const feeds: string[] = []
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate" i][href]'))) {
    const type = (link.getAttribute('type') ?? '').trim()
    if (!FEED_TYPE_RE.test(type)) continue
    try {
      const url = new URL(link.getAttribute('href') ?? '', pageUrl)
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !feeds.includes(url.href))
        feeds.push(url.href)
    } catch {
      // An address that does not parse announces nothing.
    }
  }
  return feeds
}

/**
 * The author's own feed, or null. A site-wide feed announced on every page (the outlet's front
 * page feed) is not the author's: an announced feed counts when its address lies under the
 * author's page or names the author's slug.
 */
export async function findAuthorFeed(authorUrl: string, fetchFn: FetchFunction): Promise<string | null> {
  const author = parseWebAddress(authorUrl)
  const slug =
    author.pathname
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? ''
  try {
    const page = await fetchPage(author.href, fetchFn)
    const announced = announcedFeeds(page.body, page.finalUrl)
    const own = announced.find((feed) => isAuthorsFeed(feed, page.finalUrl, slug))
    if (own !== undefined) return own
  } catch {
    // The page could not be read; the usual addresses may still answer.
  }
  const base = author.href.endsWith('/') ? author.href : `${author.href}/`
  const candidates = [
    ...COMMON_FEED_PATHS.map((path) => new URL(path, base).href),
    `${author.href.replace(/\/$/, '')}.rss`,
  ]
  for (const candidate of candidates) {
    if (await isFeed(candidate, fetchFn)) return candidate
  }
  return null
}

function isAuthorsFeed(feed: string, authorPage: string, slug: string): boolean {
  const page = authorPage.replace(/\/$/, '')
  if (feed.startsWith(`${page}/`) || feed.startsWith(`${page}.`)) return true
  return slug.length >= 3 && new URL(feed).pathname.toLowerCase().includes(slug.toLowerCase())
}

async function isFeed(url: string, fetchFn: FetchFunction): Promise<boolean> {
  try {
    const response = await fetchFn(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      headers: {
        'user-agent': USER_AGENT,
        accept: 'application/rss+xml, application/atom+xml, application/xml',
      },
    })
    if (!response.ok) return false
    const bytes = await readCappedBody(response, PROBE_MAX_BYTES)
    if (bytes === null) return false
    return FEED_START_RE.test(new TextDecoder().decode(bytes.slice(0, 4096)))
  } catch {
    return false
  }
}
