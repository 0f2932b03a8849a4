import { createHash } from 'node:crypto'
import { XMLValidator } from 'fast-xml-parser'
import {
  parseFeed as parseAnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith'
import { decodeFeedText } from './decode-feed'
import { FeedError } from './feed-error'
import { absolute } from './feed-urls'

/**
 * A feed document (bytes as they came) to the few things Dateline keeps of it, whatever its format:
 * RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.1. Parsing is feedsmith's (on fast-xml-parser);
 * this module only decodes, guards and normalises. Pure: no I/O.
 */

export interface FeedItem {
  /** What identifies the item in its feed: its GUID or id, else its link, else a hash of its title. */
  key: string
  link: string | null
  title: string | null
  authors: string[]
  publishedAt: string | null
  /** The item's updated date, else a hash of what it says: a change means the outlet edited it. */
  version: string
  /** What the item's relative links are relative to (the feed's address, or an xml:base). */
  base: string
  /** The fullest HTML the feed carries (content:encoded, Atom content, content_html), as written. */
  contentHtml: string | null
  summary: string | null
  /** Pictures the feed names apart from the content: media:content, enclosures, JSON Feed image. */
  imageUrls: string[]
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json'
  title: string
  siteUrl: string | null
  items: FeedItem[]
}

/** More items than any real feed carries; a larger one is cut, not refused. */
const MAX_ITEMS = 1000

export function parseFeedDocument(bytes: Uint8Array, contentType: string, documentUrl: string): ParsedFeed {
  const text = withBareAmpersandsEscaped(withoutDoctype(decodeFeedText(bytes, contentType)))
  // The parser is lenient and would read a document with crossed tags as something; a feed that
  // is not well-formed is refused with the line to fix, as the outlet's own validator would say.
  if (
    text.trimStart().startsWith('<') &&
    XMLValidator.validate(text, { allowBooleanAttributes: true }) !== true
  ) {
    throw whyNotAFeed(text)
  }
  let parsed: ReturnType<typeof parseAnyFeed<string>>
  try {
    parsed = parseAnyFeed<string>(text, { maxItems: MAX_ITEMS })
  } catch {
    throw whyNotAFeed(text)
  }
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed, documentUrl)
    case 'atom':
      return fromAtom(parsed.feed, documentUrl)
    case 'rdf':
      return fromRdf(parsed.feed, documentUrl)
    case 'json':
      return fromJson(parsed.feed, documentUrl)
  }
}

/**
 * The document type declaration goes before parsing: feeds never need one (RSS 0.91's names only
 * HTML entities, which the parser decodes anyway), and an internal subset is where entity-expansion
 * attacks ("billion laughs") and external entities live. The parser does not expand them either;
 * this keeps it so if that ever changes.
 */
function withoutDoctype(text: string): string {
  const head = text.slice(0, 64 * 1024)
  const start = head.search(/<!DOCTYPE/i)
  if (start < 0) return text
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '>' && depth <= 0) return text.slice(0, start) + text.slice(i + 1)
  }
  return text.slice(0, start)
}

/**
 * "Tom & Jerry" unescaped is the most common fault of hand-made feeds, and its meaning is plain:
 * such an ampersand (outside CDATA, not starting a reference) is read as the character.
 */
function withBareAmpersandsEscaped(text: string): string {
  if (!text.includes('&')) return text
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/&(?![a-zA-Z][\w.-]*;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;'),
    )
    .join('')
}

/** The clearest reason a document that is not a readable feed gives. */
function whyNotAFeed(text: string): FeedError {
  const start = text.trimStart().slice(0, 2048).toLowerCase()
  if (
    /^(<!doctype html|<html|<head|<body)/.test(start) ||
    (/<html[\s>]/.test(start) && !/<rss|<feed|<rdf/.test(start))
  ) {
    return new FeedError('not-a-feed', 'not a feed: the address gives a web page (HTML), not RSS or Atom')
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return new FeedError('not-a-feed', 'not a feed: the address gives JSON that is not a JSON Feed')
  }
  if (start.startsWith('<')) {
    const verdict = XMLValidator.validate(text, { allowBooleanAttributes: true })
    if (verdict !== true) {
      return new FeedError(
        'invalid-xml',
        `invalid XML at line ${verdict.err.line}: ${verdict.err.msg.replace(/\.$/, '')}`,
      )
    }
    return new FeedError('not-a-feed', 'not a feed: the XML is neither RSS, RDF nor Atom')
  }
  return new FeedError('not-a-feed', 'not a feed: the address gives something that is neither XML nor JSON')
}

function fromRss(feed: RssFeed.Feed<string>, documentUrl: string): ParsedFeed {
  const base = documentUrl
  return {
    format: 'rss',
    title: clean(feed.title) ?? '',
    siteUrl: absolute(feed.link, base),
    items: (feed.items ?? []).map((item) =>
      normaliseItem(
        {
          id: item.guid?.value,
          link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          title: item.title,
          authors: [
            ...(item.dc?.creators ?? []),
            ...(item.authors ?? []).map((a) => a.name ?? a.email ?? ''),
          ],
          published: item.pubDate ?? item.dc?.dates?.[0],
          updated: item.atom?.updated ?? first(item.dcterms?.modified),
          content: item.content?.encoded,
          summary: item.description,
          images: [
            ...mediaImages(item.media),
            ...(item.enclosures ?? []).filter((e) => isImageType(e.type, e.url)).map((e) => e.url),
          ],
        },
        base,
      ),
    ),
  }
}

function fromRdf(feed: RdfFeed.Feed<string>, documentUrl: string): ParsedFeed {
  return {
    format: 'rdf',
    title: clean(feed.title) ?? '',
    siteUrl: absolute(feed.link, documentUrl),
    items: (feed.items ?? []).map((item) =>
      normaliseItem(
        {
          id: item.rdf?.about,
          link: item.link,
          title: item.title,
          authors: item.dc?.creators ?? [],
          published: item.dc?.dates?.[0],
          updated: first(item.dcterms?.modified),
          content: item.content?.encoded,
          summary: item.description,
          images: mediaImages(item.media),
        },
        documentUrl,
      ),
    ),
  }
}

function fromAtom(feed: AtomFeed.Feed<string>, documentUrl: string): ParsedFeed {
  const feedBase = absolute(feed.xml?.base, documentUrl) ?? documentUrl
  return {
    format: 'atom',
    title: clean(feed.title?.value) ?? '',
    siteUrl: absolute(alternateLink(feed.links), feedBase),
    items: (feed.entries ?? []).map((entry) => {
      const base = absolute(entry.xml?.base, feedBase) ?? feedBase
      return normaliseItem(
        {
          id: entry.id,
          link: alternateLink(entry.links),
          title: entry.title?.value,
          authors: [...(entry.authors ?? []), ...(entry.dc?.creators ?? []).map((name) => ({ name }))].map(
            (a) => a.name ?? '',
          ),
          published: entry.published ?? entry.updated,
          updated: entry.updated,
          content: entry.content?.value,
          summary: entry.summary?.value,
          images: [
            ...mediaImages(entry.media),
            ...(entry.links ?? [])
              .filter((l) => l.rel === 'enclosure' && isImageType(l.type, l.href))
              .map((l) => l.href),
          ],
        },
        base,
      )
    }),
  }
}

function fromJson(feed: JsonFeed.Feed<string>, documentUrl: string): ParsedFeed {
  return {
    format: 'json',
    title: clean(feed.title) ?? '',
    siteUrl: absolute(feed.home_page_url, documentUrl),
    items: (feed.items ?? []).map((item) =>
      normaliseItem(
        {
          id: item.id,
          link: item.url ?? item.external_url,
          title: item.title,
          authors: (item.authors ?? feed.authors ?? []).map((a) => a.name ?? ''),
          published: item.date_published,
          updated: item.date_modified,
          content: item.content_html ?? (item.content_text ? textToHtml(item.content_text) : undefined),
          summary: item.summary,
          images: [
            ...(item.image ? [item.image] : []),
            ...(item.attachments ?? []).filter((a) => isImageType(a.mime_type, a.url)).map((a) => a.url),
          ],
        },
        documentUrl,
      ),
    ),
  }
}

interface RawItem {
  id: string | undefined
  link: string | undefined
  title: string | undefined
  authors: string[]
  published: string | undefined
  updated: string | undefined
  content: string | undefined
  summary: string | undefined
  images: (string | undefined)[]
}

function normaliseItem(raw: RawItem, base: string): FeedItem {
  const link = absolute(raw.link, base)
  const title = clean(raw.title ? stripTags(raw.title) : undefined)
  const content = clean(raw.content)
  const summary = clean(raw.summary)
  const id = clean(raw.id)
  const updated = isoDate(raw.updated)
  return {
    key: id ?? link ?? `sha1:${hash(`${title ?? ''}\n${summary ?? content ?? ''}`)}`,
    link,
    title,
    authors: [...new Set(raw.authors.map(authorName).filter((a): a is string => a !== null))],
    publishedAt: isoDate(raw.published),
    base,
    version: updated ?? `sha1:${hash(`${title ?? ''}\n${content ?? ''}\n${summary ?? ''}`)}`,
    contentHtml: content,
    summary,
    imageUrls: [
      ...new Set(raw.images.map((url) => absolute(url, base)).filter((u): u is string => u !== null)),
    ],
  }
}

type MediaLike = {
  contents?: { url?: string; medium?: string; type?: string }[]
  thumbnails?: { url?: string }[]
  groups?: { contents?: { url?: string; medium?: string; type?: string }[] }[]
}

function mediaImages(media: MediaLike | undefined): (string | undefined)[] {
  if (!media) return []
  const contents = [...(media.contents ?? []), ...(media.groups ?? []).flatMap((g) => g.contents ?? [])]
  const images = contents.filter((c) => c.medium === 'image' || isImageType(c.type, c.url)).map((c) => c.url)
  return images.length > 0 ? images : (media.thumbnails ?? []).slice(0, 1).map((t) => t.url)
}

function isImageType(type: string | undefined, url: string | undefined): boolean {
  if (type) return type.toLowerCase().startsWith('image/')
  return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(url ?? '')
}

function alternateLink(
  links: { href?: string; rel?: string; type?: string }[] | undefined,
): string | undefined {
  if (!links) return undefined
  const alternate = links.filter((l) => !l.rel || l.rel === 'alternate')
  return (alternate.find((l) => !l.type || l.type.includes('html')) ?? alternate[0])?.href
}

/** "jane@example.com (Jane Doe)" and "By Jane Doe" are Jane Doe; an address alone is no name. */
export function authorName(raw: string): string | null {
  let name = raw.replace(/\s+/g, ' ').trim()
  const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(name)
  if (inParens) name = inParens[1]!.trim()
  name = name.replace(/^by\s+/i, '').trim()
  if (!name || /^\S+@\S+$/.test(name) || name.length > 200) return null
  return name
}

function isoDate(raw: string | undefined): string | null {
  if (!raw) return null
  const time = Date.parse(raw.trim())
  if (!Number.isFinite(time)) return null
  const year = new Date(time).getUTCFullYear()
  return year >= 1990 && year <= 2200 ? new Date(time).toISOString() : null
}

function clean(text: string | undefined): string | null {
  const trimmed = text?.trim()
  return trimmed ? trimmed : null
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ')
}

function textToHtml(text: string): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escape(p.trim())}</p>`)
    .join('\n')
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 20)
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
