import { describe, expect, it } from 'vitest'
import { decodeFeedText } from '../../src/main/feeds/decode-feed'
import { FeedError } from '../../src/main/feeds/feed-error'
import { authorName, parseFeedDocument } from '../../src/main/feeds/parse-feed'
import { readOpml, writeOpml } from '../../src/main/feeds/opml'
import { declaredFeeds } from '../../src/main/feeds/discover-feeds'
import { nextAttemptAfterFailure } from '../../src/main/feeds/backoff'
import { retryAfterSeconds } from '../../src/main/feeds/fetch-feed'
import { feedRoutes, JAPANESE_TITLE, RUSSIAN_TITLE, UKRAINIAN_TITLE } from '../fixtures/feeds/feed-documents'
import type { FixtureResponse } from '../helpers/fixture-server'
import { encodeLegacy } from '../helpers/legacy-encode'

const ORIGIN = 'http://news.test'
const routes = feedRoutes(ORIGIN)

function parse(path: string): ReturnType<typeof parseFeedDocument> {
  const route = routes[path] as FixtureResponse
  const body = typeof route.body === 'string' ? new TextEncoder().encode(route.body) : route.body!
  return parseFeedDocument(body, route.headers?.['content-type'] ?? '', `${ORIGIN}${path}`)
}

function failure(path: string): FeedError {
  try {
    parse(path)
  } catch (error) {
    if (error instanceof FeedError) return error
    throw error
  }
  throw new Error(`${path} parsed`)
}

describe('reading feeds of every format', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator, media:content and enclosures, links made absolute', () => {
    const feed = parse('/rss2.xml')
    expect(feed).toMatchObject({ format: 'rss', title: 'Fixture World', siteUrl: `${ORIGIN}/` })
    expect(feed.items).toHaveLength(3)
    const [first] = feed.items
    expect(first).toMatchObject({
      key: 'world-1',
      link: `${ORIGIN}/articles/1`,
      title: 'World story 1',
      authors: ['Anna Reporter'],
      publishedAt: '2026-12-01T01:00:00.000Z',
      summary: 'Summary of story 1',
    })
    expect(first!.contentHtml).toContain('<img src="/img/1.png"')
    expect(first!.imageUrls).toEqual([`${ORIGIN}/img/media-1.png`, `${ORIGIN}/img/enclosure-1.png`])
  })

  it('reads RSS 0.91 with its Netscape doctype and HTML entities', () => {
    const feed = parse('/rss091.xml')
    expect(feed.title).toBe('Café Gazette')
    expect(feed.items[0]).toMatchObject({
      title: 'Le café ferme',
      link: `${ORIGIN}/articles/91`,
      summary: 'Après 50 ans.',
    })
  })

  it('reads RSS 1.0 (RDF) with dc:date and dc:creator', () => {
    const feed = parse('/rdf.xml')
    expect(feed.format).toBe('rdf')
    expect(feed.items[0]).toMatchObject({
      link: `${ORIGIN}/articles/10`,
      authors: ['Bob Writer'],
      publishedAt: '2026-11-30T10:00:00.000Z',
    })
  })

  it('reads Atom 1.0, resolving links against xml:base and stripping markup from an HTML title', () => {
    const feed = parse('/atom.xml')
    expect(feed.format).toBe('atom')
    expect(feed.items[0]).toMatchObject({
      key: 'urn:atom:1',
      title: 'Atom story',
      link: `${ORIGIN}/articles/20`,
      base: `${ORIGIN}/blog/`,
      authors: ['Carla Author'],
      version: '2026-12-01T08:00:00.000Z',
    })
  })

  it('reads JSON Feed 1.1 with its image and authors', () => {
    const feed = parse('/feed.json')
    expect(feed.format).toBe('json')
    expect(feed.items[0]).toMatchObject({ link: `${ORIGIN}/articles/30`, authors: ['Dana Json'] })
    expect(feed.items[0]!.imageUrls).toEqual([`${ORIGIN}/img/json.png`])
  })

  it('keeps items without a title or a date, keyed by their GUID or link', () => {
    const feed = parse('/untitled.xml')
    expect(feed.items.map((i) => [i.key, i.title, i.publishedAt])).toEqual([
      ['loose-1', null, null],
      [`${ORIGIN}/articles/40`, null, null],
    ])
  })
})

describe('encodings', () => {
  it('decodes windows-1251 named in the XML prolog', () => {
    expect(parse('/cp1251.xml').items[0]!.title).toBe(RUSSIAN_TITLE)
  })

  it('decodes KOI8-U named only in the HTTP header', () => {
    expect(parse('/koi8.xml').items[0]!.title).toBe(UKRAINIAN_TITLE)
  })

  it('decodes Shift_JIS named in the prolog', () => {
    expect(parse('/sjis.xml').title).toBe(JAPANESE_TITLE)
  })

  it('believes the prolog over a header that claims UTF-8 for bytes that are not', () => {
    const bytes = encodeLegacy(
      `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RUSSIAN_TITLE}</title></channel></rss>`,
      'windows-1251',
    )
    expect(decodeFeedText(bytes, 'text/xml; charset=utf-8')).toContain(RUSSIAN_TITLE)
  })

  it('guesses an undeclared legacy feed from its bytes', () => {
    const bytes = encodeLegacy(
      `<rss><channel><title>${RUSSIAN_TITLE} ${RUSSIAN_TITLE} — в городе снова открыты станции метро</title></channel></rss>`,
      'windows-1251',
    )
    expect(decodeFeedText(bytes, 'text/xml')).toContain(RUSSIAN_TITLE)
  })
})

describe('broken feeds say what is wrong', () => {
  it('names the line of invalid XML', () => {
    const error = failure('/malformed.xml')
    expect(error.kind).toBe('invalid-xml')
    expect(error.message).toMatch(/^invalid XML at line 7/)
  })

  it('tells a web page from a feed', () => {
    expect(failure('/html-as-feed.xml')).toMatchObject({
      kind: 'not-a-feed',
      message: expect.stringContaining('web page'),
    })
  })

  it('does not expand entities of an internal DTD (billion laughs), quickly', () => {
    const started = performance.now()
    const feed = parse('/laughs.xml')
    expect(performance.now() - started).toBeLessThan(500)
    expect(feed.items[0]!.title!.length).toBeLessThan(100)
    expect(feed.items[0]!.summary).toBe('safe')
  })
})

describe('discovery, OPML and backoff', () => {
  it('finds the feeds a page declares, in its order, without comment feeds or oEmbed JSON', () => {
    const html = `<html><head>
      <link rel="alternate" type="application/rss+xml" title="All news" href="/rss">
      <link rel="alternate" type="application/atom+xml" href="https://cdn.test/atom.xml">
      <link rel="alternate" type="application/json+oembed" href="/oembed">
      <link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">
      <link rel="alternate" type="application/rss+xml" title="Comments" href="/story/comments/feed/">
    </head></html>`
    expect(declaredFeeds(html, 'https://site.test/story')).toEqual([
      { url: 'https://site.test/rss', title: 'All news', format: 'rss' },
      { url: 'https://cdn.test/atom.xml', title: 'cdn.test', format: 'atom' },
    ])
  })

  it('reads nested OPML folders and writes them back', () => {
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
      <outline text="World"><outline text="Europe"><outline text="Kyiv Post" type="rss" xmlUrl="https://k.test/rss" htmlUrl="https://k.test/"/></outline>
      <outline title="BBC" text="BBC" xmlUrl="https://b.test/feed?a=1&amp;b=2"/></outline>
      <outline text="Loose" xmlUrl="https://l.test/atom"/></body></opml>`
    const read = readOpml(opml)
    expect(read).toEqual([
      { url: 'https://k.test/rss', title: 'Kyiv Post', siteUrl: 'https://k.test/', folder: 'World / Europe' },
      { url: 'https://b.test/feed?a=1&b=2', title: 'BBC', siteUrl: null, folder: 'World' },
      { url: 'https://l.test/atom', title: 'Loose', siteUrl: null, folder: null },
    ])
    expect(readOpml(writeOpml(read, new Date('2026-12-01T00:00:00Z')))).toEqual(read)
  })

  it('waits twice as long after each failure, up to a day, and longer when the server asks', () => {
    const at = new Date('2026-12-01T00:00:00Z')
    const minutes = (failures: number, retry: number | null = null): number =>
      (nextAttemptAfterFailure(at, 30, failures, retry).getTime() - at.getTime()) / 60_000
    expect([1, 2, 3, 4, 10].map((n) => minutes(n))).toEqual([30, 60, 120, 240, 1440])
    expect(minutes(1, 7200)).toBe(120)
    expect(retryAfterSeconds('Wed, 02 Dec 2026 00:00:00 GMT', at.getTime())).toBe(86_400)
  })

  it('reads an author out of "address (Name)" and "By Name"', () => {
    expect(authorName('jane@news.test (Jane Doe)')).toBe('Jane Doe')
    expect(authorName('By  Olena Petrenko')).toBe('Olena Petrenko')
    expect(authorName('desk@news.test')).toBeNull()
  })
})

describe('forgiving the commonest fault', () => {
  it('reads a bare ampersand as the character, outside CDATA only', () => {
    const xml = `<rss version="2.0"><channel><title>Tom & Jerry</title><item><title>Q&A</title><guid>1</guid><description><![CDATA[a &amp; b]]></description></item></channel></rss>`
    const feed = parseFeedDocument(new TextEncoder().encode(xml), 'application/rss+xml', 'https://x.test/f')
    expect(feed.title).toBe('Tom & Jerry')
    expect(feed.items[0]).toMatchObject({ title: 'Q&A', summary: 'a &amp; b' })
  })
})
