import { normaliseSpace, textOf, toArray, type DomDocument } from './dom'
import type { JsonLdArticle } from './json-ld'
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
}

export function readMetadata(document: DomDocument, url: string | null, jsonLd: JsonLdArticle): PageMetadata {
  const base = baseUrlOf(document, url)
  const siteName = firstText(
    metaContent(document, 'og:site_name'),
    jsonLd.publisher,
    metaContent(document, 'application-name'),
  )
  const rawTitle = firstText(
    metaContent(document, 'og:title', 'twitter:title'),
    jsonLd.headline,
    document.title,
    textOf(document.querySelector('h1') ?? document.createTextNode('')),
  )
  return {
    title: rawTitle === null ? null : cleanTitle(rawTitle, siteName),
    byline: readByline(document, jsonLd),
    siteName,
    publishedAt: readPublished(document, jsonLd),
    lang: readLang(document, jsonLd),
    description: firstText(
      metaContent(document, 'description', 'og:description', 'twitter:description'),
      jsonLd.description,
    ),
    canonicalUrl:
      resolveUrl(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), base) ??
      resolveUrl(metaContent(document, 'og:url'), base) ??
      resolveUrl(url, null),
    leadImageUrl:
      resolveUrl(
        metaContent(document, 'og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image'),
        base,
      ) ??
      resolveUrl(jsonLd.image, base) ??
      resolveUrl(document.querySelector('link[rel="image_src" i]')?.getAttribute('href'), base),
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
  }
}

/** A page's <base href> changes what its relative links mean. */
export function baseUrlOf(document: DomDocument, url: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href')
  return resolveUrl(href, url) ?? resolveUrl(url, null)
}

/** The content of the first <meta> whose property, name or itemprop is one of `keys`, in key order. */
export function metaContent(document: DomDocument, ...keys: string[]): string | null {
  const metas = toArray(document.querySelectorAll('meta[content]'))
  for (const key of keys) {
    const wanted = key.toLowerCase()
    for (const meta of metas) {
      const names = [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('itemprop')]
      if (names.some((name) => name !== null && name.trim().toLowerCase() === wanted)) {
        const content = normaliseSpace(meta.getAttribute('content'))
        if (content !== '') return content
      }
    }
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

const TITLE_SEPARATOR_RE = /\s+[|\-–—:·•»]\s+/

/** Drops the " | Site" part titles carry for search engines, keeping headlines that contain a dash. */
export function cleanTitle(title: string, siteName: string | null): string {
  const text = normaliseSpace(decodeEntities(title))
  const parts = text.split(TITLE_SEPARATOR_RE)
  if (parts.length < 2) return text
  const site = (siteName ?? '').toLowerCase().replace(/\s+/g, '')
  const isSiteLike = (part: string): boolean => {
    const squashed = part.toLowerCase().replace(/\s+/g, '')
    if (site !== '' && (squashed.includes(site) || site.includes(squashed))) return true
    return /\.(com|org|net|co\.uk|news)$/i.test(part.trim())
  }
  const separators = text.match(new RegExp(TITLE_SEPARATOR_RE.source, 'g')) ?? []
  let kept = text
  const last = parts[parts.length - 1] ?? ''
  const first = parts[0] ?? ''
  if (isSiteLike(last) || (separators.at(-1)?.trim() === '|' && last.split(' ').length <= 4)) {
    kept = text.slice(0, text.lastIndexOf(separators.at(-1) ?? ''))
  } else if (isSiteLike(first)) {
    kept = text.slice(text.indexOf(separators[0] ?? '') + (separators[0] ?? '').length)
  }
  return kept.split(' ').length >= 2 ? kept.trim() : text
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}

function readByline(document: DomDocument, jsonLd: JsonLdArticle): string | null {
  const candidates = [
    jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : null,
    metaContent(
      document,
      'author',
      'article:author',
      'parsely-author',
      'sailthru.author',
      'dc.creator',
      'byl',
    ),
    textOf(document.querySelector('[itemprop~="author"] [itemprop~="name"]') ?? document.createTextNode('')),
    document.querySelector('[itemprop~="author"] meta[itemprop~="name"]')?.getAttribute('content') ?? null,
    textOf(document.querySelector('a[rel~="author"]') ?? document.createTextNode('')),
  ]
  for (const candidate of candidates) {
    const byline = cleanByline(candidate)
    if (byline !== null) return byline
  }
  return null
}

/** A person's name (or names) as a reader would write it: no "By", no URL, no site suffix. */
export function cleanByline(value: string | null | undefined): string | null {
  let text = normaliseSpace(value)
  if (text === '' || /^https?:\/\//i.test(text) || /^[@/]/.test(text)) return null
  text = text.replace(/^(by|von|par|por|door|di|av)[:\s]+/i, '').trim()
  text = text.split(/\s+[|–—]\s+/)[0] ?? text
  if (text.length < 2 || text.length > 120 || text.split(' ').length > 16) return null
  return text
}

function readPublished(document: DomDocument, jsonLd: JsonLdArticle): string | null {
  const candidates = [
    metaContent(document, 'article:published_time', 'og:published_time', 'datePublished'),
    jsonLd.datePublished,
    metaContent(
      document,
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
    document.querySelector('[itemprop~="datePublished"]')?.getAttribute('datetime') ?? null,
    document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
  ]
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate)
    if (iso !== null) return iso
  }
  return null
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

function readLang(document: DomDocument, jsonLd: JsonLdArticle): string | null {
  const candidates = [
    document.documentElement?.getAttribute('lang') ?? null,
    document.documentElement?.getAttribute('xml:lang') ?? null,
    metaContent(document, 'og:locale'),
    document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ?? null,
    metaContent(document, 'language', 'dc.language'),
    jsonLd.inLanguage,
  ]
  for (const candidate of candidates) {
    const lang = normaliseLang(candidate)
    if (lang !== null) return lang
  }
  return null
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
