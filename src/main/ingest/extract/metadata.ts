import { withoutBylineLabels, withoutOutletCredit } from './byline-cleanup'
import { normaliseSpace, textOf, toArray, type DomDocument } from './dom'
import { cleanHeadline, titleSuffixOf } from './headline-cleanup'
import type { JsonLdArticle } from './json-ld'
import { hostOf, outletNamesOf, readSiteName, type SiteNameClaims } from './site-name'
import { resolveUrl } from './urls'

/** What the page says about itself, read before Readability rewrites the document. */
export interface PageMetadata {
  title: string | null
  byline: string | null
  siteName: string | null
  publishedAt: string | null
  lang: string | null
  description: string | null
  canonicalUrl: string | null
  leadImageUrl: string | null
  /** Every name the page gives its outlet: a byline naming one of them credits nobody. */
  outletNames: string[]
  /** The page's own byline is the outlet: it credits nobody, and no weaker guess is looked for. */
  bylineNamesOutlet: boolean
}

export function readMetadata(document: DomDocument, url: string | null, jsonLd: JsonLdArticle): PageMetadata {
  const base = baseUrlOf(document, url)
  const metas = indexMetas(document)
  const ogTitle = metaContent(metas, 'og:title', 'twitter:title')
  const sections = readSections(document, metas, jsonLd)
  const canonicalUrl =
    resolveUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), base) ??
    resolveUrl(metaContent(metas, 'og:url'), base) ??
    resolveUrl(url, null)
  // A saved file has no address of its own, but usually names the one it was saved from.
  const host = hostOf(url) ?? hostOf(canonicalUrl)
  const claims: SiteNameClaims = {
    ogSiteName: metaContent(metas, 'og:site_name'),
    publisher: jsonLd.publisher,
    applicationName: metaContent(metas, 'application-name', 'apple-mobile-web-app-title'),
    titleSuffix: titleSuffixOf(decodeEntities(document.title), [ogTitle, jsonLd.headline], host),
    sections,
    url: url ?? canonicalUrl,
  }
  const siteName = readSiteName(claims)
  const outletNames = outletNamesOf(claims, siteName)
  const rawTitle = firstOf(
    [
      () => ogTitle,
      () => jsonLd.headline,
      () => document.title,
      () => textOf(document.querySelector('h1') ?? document.createTextNode('')),
    ],
    (value) => firstText(value),
  )
  const byline = readByline(document, metas, jsonLd)
  const credited = byline === null ? null : withoutOutletCredit(byline, outletNames)
  return {
    title:
      rawTitle === null ? null : cleanHeadline(decodeEntities(rawTitle), { outletNames, host, sections }),
    byline: credited,
    bylineNamesOutlet: byline !== null && credited === null,
    siteName,
    publishedAt: readPublished(document, metas, jsonLd),
    lang: readLang(document, metas, jsonLd),
    description: firstText(
      metaContent(metas, 'description', 'og:description', 'twitter:description'),
      jsonLd.description,
    ),
    canonicalUrl,
    leadImageUrl:
      resolveUrl(
        metaContent(metas, 'og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image'),
        base,
      ) ??
      resolveUrl(jsonLd.image, base) ??
      resolveUrl(document.querySelector('link[rel="image_src" i]')?.getAttribute('href'), base),
    outletNames,
  }
}

/** What is known of a page whose own details could not be read: only its address. */
export function emptyMetadata(url: string | null): PageMetadata {
  const address = resolveUrl(url, null)
  return {
    title: null,
    byline: null,
    siteName: null,
    publishedAt: null,
    lang: null,
    description: null,
    canonicalUrl: address,
    leadImageUrl: null,
    outletNames: [],
    bylineNamesOutlet: false,
  }
}

/** A page's <base href> changes what its relative links mean. */
export function baseUrlOf(document: DomDocument, url: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href')
  return resolveUrl(href, url) ?? resolveUrl(url, null)
}

/** For each name a <meta> carries (property, name or itemprop, lower-cased), the first non-empty content. */
export type MetaIndex = Map<string, string>

/**
 * The page's <meta content> tags in one pass: a query per key scanned the whole tree each time,
 * which cost more than the rest of the metadata on long pages.
 */
export function indexMetas(document: DomDocument): MetaIndex {
  const index: MetaIndex = new Map()
  for (const meta of toArray(document.querySelectorAll('meta[content]'))) {
    const content = normaliseSpace(meta.getAttribute('content'))
    if (content === '') continue
    for (const attribute of ['property', 'name', 'itemprop']) {
      const name = meta.getAttribute(attribute)?.trim().toLowerCase()
      if (name !== undefined && name !== '' && !index.has(name)) index.set(name, content)
    }
  }
  return index
}

/** The content of the first <meta> whose property, name or itemprop is one of `keys`, in key order. */
export function metaContent(metas: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const content = metas.get(key.toLowerCase())
    if (content !== undefined) return content
  }
  return null
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = normaliseSpace(value)
    if (text !== '') return text
  }
  return null
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}

/** The first candidate `read` accepts; each is computed only when the ones before it failed. */
function firstOf<T>(candidates: (() => string | null)[], read: (value: string | null) => T | null): T | null {
  for (const candidate of candidates) {
    const value = read(candidate())
    if (value !== null) return value
  }
  return null
}

function readByline(document: DomDocument, metas: MetaIndex, jsonLd: JsonLdArticle): string | null {
  return firstOf(
    [
      () => (jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : null),
      () =>
        metaContent(
          metas,
          'author',
          'article:author',
          'parsely-author',
          'sailthru.author',
          'dc.creator',
          'byl',
        ),
      () =>
        textOf(
          document.querySelector('[itemprop~="author"] [itemprop~="name"]') ?? document.createTextNode(''),
        ),
      () =>
        document.querySelector('[itemprop~="author"] meta[itemprop~="name"]')?.getAttribute('content') ??
        null,
      () => textOf(document.querySelector('a[rel~="author"]') ?? document.createTextNode('')),
    ],
    cleanByline,
  )
}

/** A person's name (or names) as a reader would write it: no "By", no URL, no site suffix. */
export function cleanByline(value: string | null | undefined): string | null {
  let text = normaliseSpace(value)
  if (text === '' || /^https?:\/\//i.test(text) || /^[@/]/.test(text)) return null
  text = withoutBylineLabels(text)
  text = text.split(/\s+[|–—]\s+/)[0] ?? text
  if (text.length < 2 || text.length > 120 || text.split(' ').length > 16) return null
  return text
}

/** What the page says its section is: never the site's name. */
function readSections(document: DomDocument, metas: MetaIndex, jsonLd: JsonLdArticle): string[] {
  const sections = [
    metaContent(metas, 'article:section'),
    metaContent(metas, 'og:article:section'),
    ...jsonLd.sections,
    // Microdata breadcrumbs between their home and the page itself.
    ...toArray(document.querySelectorAll('[itemtype*="BreadcrumbList" i] [itemprop~="name"]'))
      .slice(1, -1)
      .map((element) => element.getAttribute('content') ?? textOf(element)),
  ]
  return [...new Set(sections.map((section) => normaliseSpace(section)).filter((section) => section !== ''))]
}

function readPublished(document: DomDocument, metas: MetaIndex, jsonLd: JsonLdArticle): string | null {
  return firstOf(
    [
      () => metaContent(metas, 'article:published_time', 'og:published_time', 'datePublished'),
      () => jsonLd.datePublished,
      () =>
        metaContent(
          metas,
          'parsely-pub-date',
          'sailthru.date',
          'publish-date',
          'pubdate',
          'publishdate',
          'date',
          'dc.date.issued',
          'dc.date',
          'dcterms.created',
          'article.published',
        ),
      () => document.querySelector('[itemprop~="datePublished"]')?.getAttribute('datetime') ?? null,
      () => document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    ],
    toIsoDate,
  )
}

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** Keeps an ISO 8601 date as the page wrote it; anything else Date can read becomes UTC ISO. */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = normaliseSpace(value)
  if (text === '') return null
  if (ISO_DATE_RE.test(text)) return text.replace(' ', 'T')
  const time = Date.parse(text)
  if (Number.isNaN(time)) return null
  return new Date(time).toISOString()
}

function readLang(document: DomDocument, metas: MetaIndex, jsonLd: JsonLdArticle): string | null {
  return firstOf(
    [
      () => document.documentElement?.getAttribute('lang') ?? null,
      () => document.documentElement?.getAttribute('xml:lang') ?? null,
      () => metaContent(metas, 'og:locale'),
      () => document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? null,
      () => metaContent(metas, 'language', 'dc.language'),
      () => jsonLd.inLanguage,
    ],
    normaliseLang,
  )
}

/** "en_us", "EN-gb", "en-US, fr" become "en-US", "en-GB", "en-US"; nonsense becomes null. */
export function normaliseLang(value: string | null | undefined): string | null {
  const first = normaliseSpace(value).split(/[,;\s]/)[0] ?? ''
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}|[a-z]{4}))?\b/i.exec(first)
  if (match === null || match[1] === undefined) return null
  const language = match[1].toLowerCase()
  const region = match[2]
  if (region === undefined) return language
  return region.length === 4
    ? `${language}-${region[0]?.toUpperCase()}${region.slice(1).toLowerCase()}`
    : `${language}-${region.toUpperCase()}`
}
