import { parseHTML } from 'linkedom'
import type { FeedCandidate } from '@shared/feeds'
import { decodeText } from '@shared/text-decoding'
import type { FetchFunction } from '../ingest/fetch-page'
import { FeedError } from './feed-error'
import { defaultFeedLimits, fetchFeed, type FeedFetchLimits } from './fetch-feed'
import { absolute } from './feed-urls'
import { parseFeedDocument, type ParsedFeed } from './parse-feed'
import commonPaths from './common-feed-paths.json'

/**
 * What a pasted address offers: itself when it is a feed; else the feeds a page declares
 * (`<link rel="alternate" type="application/rss+xml">` and its Atom and JSON kin), in the page's
 * order; else whichever of the usual places (/feed, /rss.xml, ...) answers with a feed.
 */
export async function discoverFeeds(
  address: string,
  fetchFn: FetchFunction,
  limits: FeedFetchLimits = defaultFeedLimits,
): Promise<{ candidates: FeedCandidate[]; feed: { url: string; parsed: ParsedFeed } | null }> {
  const response = await fetchFeed(address, { etag: null, lastModified: null }, fetchFn, limits, ACCEPT_ANY)
  if (response.kind !== 'fresh') return { candidates: [], feed: null }
  let notFeed: FeedError
  try {
    const parsed = parseFeedDocument(response.bytes, response.contentType, response.finalUrl)
    return {
      candidates: [
        { url: response.finalUrl, title: parsed.title || hostOf(response.finalUrl), format: parsed.format },
      ],
      feed: { url: response.finalUrl, parsed },
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error
    notFeed = error
  }
  if (!looksLikeHtml(response.bytes, response.contentType)) throw notFeed
  const declared = declaredFeeds(decodeText(response.bytes, response.contentType), response.finalUrl)
  if (declared.length > 0) return { candidates: declared, feed: null }
  const probed = await probeCommonPaths(response.finalUrl, fetchFn, limits)
  if (probed.length === 0) {
    throw new FeedError(
      'not-a-feed',
      'no feed found: the page names none and none of the usual addresses is a feed',
    )
  }
  return { candidates: probed, feed: null }
}

const ACCEPT_ANY =
  'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, application/xml;q=0.9, */*;q=0.5'

const FEED_TYPES: Record<string, FeedCandidate['format']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
  'application/xml': 'unknown',
  'text/xml': 'unknown',
}

export function declaredFeeds(html: string, pageUrl: string): FeedCandidate[] {
  const { document } = parseHTML(html)
  const base = absolute(document.querySelector('base[href]')?.getAttribute('href'), pageUrl) ?? pageUrl
  const found = new Map<string, FeedCandidate>()
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (!rel.includes('alternate') && !rel.includes('feed')) continue
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]!.trim()
    const format = FEED_TYPES[type]
    // A JSON alternate is a JSON Feed only when it says so; oEmbed and the WP REST API also use it.
    if (!format || (type === 'application/json' && !/feed/i.test(link.getAttribute('title') ?? ''))) continue
    const url = absolute(link.getAttribute('href'), base)
    if (!url || found.has(url) || /\/comments\/feed\/?$/.test(url)) continue
    found.set(url, { url, title: link.getAttribute('title')?.trim() || hostOf(url), format })
  }
  return [...found.values()]
}

async function probeCommonPaths(
  pageUrl: string,
  fetchFn: FetchFunction,
  limits: FeedFetchLimits,
): Promise<FeedCandidate[]> {
  const origin = new URL(pageUrl).origin
  const probes = commonPaths.paths.map(async (path): Promise<FeedCandidate | null> => {
    const url = `${origin}${path}`
    try {
      const response = await fetchFeed(url, { etag: null, lastModified: null }, fetchFn, limits)
      if (response.kind !== 'fresh') return null
      const parsed = parseFeedDocument(response.bytes, response.contentType, response.finalUrl)
      return { url: response.finalUrl, title: parsed.title || hostOf(url), format: parsed.format }
    } catch {
      return null
    }
  })
  const unique = new Map<string, FeedCandidate>()
  for (const candidate of await Promise.all(probes)) if (candidate) unique.set(candidate.url, candidate)
  return [...unique.values()]
}

function looksLikeHtml(bytes: Uint8Array, contentType: string): boolean {
  if (/html/i.test(contentType)) return true
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
  return head.startsWith('<!doctype html') || head.startsWith('<html')
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
