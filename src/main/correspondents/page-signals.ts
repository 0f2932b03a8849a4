import { normaliseSpace, textOf, toArray, type DomDocument, type DomElement } from '../ingest/extract/dom'
import { bylineWords, lowerPhrase } from './byline-words'
import { readJsonLdAuthors } from './json-ld-authors'
import { isPrintedByline } from './printed-byline'

/*
 * Every place a page names who wrote it, read from the page as served (before Readability rewrites
 * it), strongest first. Nothing is cleaned here: each signal is the raw text a reader would see.
 */

export type SignalSource =
  'json-ld' | 'meta' | 'microdata' | 'rel-author' | 'byline-element' | 'text' | 'readability'

export interface SignalCredit {
  text: string
  url: string | null
  organisation: boolean
}

export interface BylineSignal {
  source: SignalSource
  credits: SignalCredit[]
}

export interface PageSignals {
  signals: BylineSignal[]
  /** Names of the outlet (og:site_name, JSON-LD publisher, application-name): never a correspondent. */
  outletNames: string[]
  /** The page's address, for resolving an author link. */
  baseUrl: string | null
}

const AUTHOR_META_KEYS = [
  'author',
  'article:author',
  'article:author_name',
  'og:article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'cxenseparse:author',
  'cxenseparse:recs:author',
  'citation_author',
  'twitter:data1',
]

/** Parts of class or id names (split at spaces, - and _) of the element a page prints its byline in. */
const BYLINE_PART_RE =
  /^(?:by|byline|bylines|author|authors|writtenby|autor|autoren|autorin|auteur|auteurs|autore|verfasser|firma|reporter|journalist|signature|creator|contributor|contributors)$|byline|author/i
/** ...and parts that say it only looks like one: a bio, an avatar, share buttons, a comment. */
const NOT_BYLINE_PARTS = new Set(
  'comment comments avatar bio biography description about related social share sharing image img photo picture thumb thumbnail follow tooltip popup modal teaser recommended recommend widget box more list archive'.split(
    ' ',
  ),
)
/** Bylines inside these are someone else's: a commenter's, a related story's, a footer's. */
const ELSEWHERE =
  'footer, nav, aside, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="teaser" i], [class*="sidebar" i], [class*="recommend" i], [class*="widget" i], [class*="footer" i]'
const MAX_BYLINE_CHARS = 160
const MAX_BYLINE_ELEMENTS = 12

export function readPageSignals(document: DomDocument, url: string | null): PageSignals {
  const baseUrl = resolveUrl(document.querySelector('base[href]')?.getAttribute('href') ?? null, url) ?? url
  const jsonLd = safely(() => readJsonLdAuthors(document), { credits: [], publishers: [] })
  const signals: BylineSignal[] = []
  if (jsonLd.credits.length > 0) {
    signals.push({
      source: 'json-ld',
      credits: jsonLd.credits.map((c) => ({
        text: c.name,
        url: resolveUrl(c.url, baseUrl),
        organisation: c.organisation,
      })),
    })
  }
  signals.push(...safely(() => metaSignals(document), []))
  signals.push(...safely(() => microdataSignals(document, baseUrl), []))
  signals.push(...safely(() => relAuthorSignals(document, baseUrl), []))
  signals.push(...safely(() => bylineElementSignals(document, baseUrl), []))
  signals.push(...safely(() => printedBylineSignals(document), []))
  const outletNames = [
    ...metaValues(document, 'og:site_name'),
    ...metaValues(document, 'application-name'),
    ...metaValues(document, 'publisher'),
    ...metaValues(document, 'twitter:site').map((handle) => handle.replace(/^@/, '')),
    ...jsonLd.publishers,
  ]
  return { signals: signals.map((signal) => decodedSignal(document, signal)), outletNames, baseUrl }
}

/** Some pages encode their meta and JSON-LD text twice ("Redacci&amp;oacute;n"); a reader sees it once. */
function decodedSignal(document: DomDocument, signal: BylineSignal): BylineSignal {
  return {
    ...signal,
    credits: signal.credits.map((credit) => {
      if (!/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(credit.text)) return credit
      const probe = document.createElement('textarea')
      probe.innerHTML = credit.text.replace(/</g, '&lt;')
      return { ...credit, text: probe.textContent ?? credit.text }
    }),
  }
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

function metaValues(document: DomDocument, key: string): string[] {
  const wanted = key.toLowerCase()
  return toArray(document.querySelectorAll('meta[content]'))
    .filter((meta) =>
      [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('itemprop')].some(
        (name) => name !== null && name.trim().toLowerCase() === wanted,
      ),
    )
    .map((meta) => normaliseSpace(meta.getAttribute('content')))
    .filter((content) => content !== '')
}

function metaSignals(document: DomDocument): BylineSignal[] {
  const signals: BylineSignal[] = []
  for (const key of AUTHOR_META_KEYS) {
    // twitter:data1 is a byline only where twitter:label1 says so ("Written by").
    if (key === 'twitter:data1' && !isAuthorLabel(metaValues(document, 'twitter:label1')[0] ?? '')) continue
    const values = [...new Set(metaValues(document, key))].filter(
      (value) => !/^(?:https?:|www\.|\/)/i.test(value),
    )
    if (values.length > 0) {
      signals.push({
        source: 'meta',
        credits: values.map((text) => ({ text, url: null, organisation: false })),
      })
    }
  }
  return signals
}

/** "Written by", "Verfasst von", "Autor:" (the label of a twitter:data1 that holds the author). */
function isAuthorLabel(label: string): boolean {
  return bylineWords.authorLabels.has(lowerPhrase(label.replace(/[:：]\s*$/u, '')))
}

function microdataSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const credits: SignalCredit[] = []
  for (const element of toArray(
    document.querySelectorAll('[itemprop~="author" i], [itemprop~="creator" i]'),
  )) {
    if (element.closest(ELSEWHERE) !== null) continue
    if (element.localName === 'meta') {
      const content = normaliseSpace(element.getAttribute('content'))
      if (content !== '' && !/^https?:/i.test(content))
        credits.push({ text: content, url: null, organisation: false })
      continue
    }
    const nameElement = element.querySelector('[itemprop~="name" i]')
    const text =
      nameElement === null
        ? textWithBreaks(element)
        : nameElement.localName === 'meta'
          ? normaliseSpace(nameElement.getAttribute('content'))
          : textOf(nameElement)
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue
    const organisation = /Organization/i.test(element.getAttribute('itemtype') ?? '')
    credits.push({ text, url: linkOf(element, base), organisation })
  }
  return credits.length > 0 ? [{ source: 'microdata', credits }] : []
}

function relAuthorSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const credits: SignalCredit[] = []
  for (const link of toArray(document.querySelectorAll('a[rel~="author" i]'))) {
    if (link.closest(ELSEWHERE) !== null) continue
    const text = textWithBreaks(link)
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue
    credits.push({ text, url: resolveUrl(link.getAttribute('href'), base), organisation: false })
  }
  return credits.length > 0 ? [{ source: 'rel-author', credits }] : []
}

/** The byline a reader sees: the first few elements named for it, outside comments and footers. */
function bylineElementSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const body = document.body
  if (body === null) return []
  const found: DomElement[] = []
  for (const element of toArray(body.querySelectorAll('[class], [id], [data-testid]'))) {
    if (found.length >= MAX_BYLINE_ELEMENTS) break
    if (!namesByline(element)) continue
    if (/^(?:script|style|img|svg|button|input|form|select|textarea|time)$/i.test(element.localName)) continue
    if (found.some((outer) => outer.contains(element))) continue
    if (element.closest(ELSEWHERE) !== null) continue
    const text = textOf(element)
    if (text.length < 2 || text.length > MAX_BYLINE_CHARS) continue
    found.push(element)
  }
  return found.map((element) => ({
    source: 'byline-element',
    credits: [{ text: textWithBreaks(element), url: linkOf(element, base), organisation: false }],
  }))
}

function namesByline(element: DomElement): boolean {
  const names = ['class', 'id', 'data-testid']
    .map((attribute) => element.getAttribute(attribute) ?? '')
    .join(' ')
  return names.split(/\s+/).some((name) => {
    const parts = name.split(/[-_]+/).filter((part) => part !== '')
    return (
      parts.some((part) => BYLINE_PART_RE.test(part)) &&
      !parts.some((part) => NOT_BYLINE_PARTS.has(part.toLowerCase()))
    )
  })
}

/** How many of the page's first paragraphs may hold a printed byline. */
const PRINTED_PARAGRAPHS = 6

/** A paragraph near the top of the story that is a byline ("von Daniela Obers"). */
function printedBylineSignals(document: DomDocument): BylineSignal[] {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body
  if (root === null) return []
  const paragraphs = toArray(root.querySelectorAll('p'))
    .filter((p) => p.closest(ELSEWHERE) === null)
    .map((p) => textOf(p))
    .filter((text) => text !== '')
    .slice(0, PRINTED_PARAGRAPHS)
  const credits = paragraphs.filter(isPrintedByline).map((text) => ({ text, url: null, organisation: false }))
  return credits.length > 0 ? [{ source: 'text', credits: credits.slice(0, 1) }] : []
}

/** An element's text with its block and <br> boundaries kept as line breaks, which separate parts. */
function textWithBreaks(element: DomElement): string {
  // Elements that touch ("Alle Posts vom Autor<a>Tine</a>") are separate parts to a reader.
  const html = element.innerHTML
    .replace(/(<\/[a-z0-9]+>)(?=<[a-z])/gi, '$1\n')
    .replace(/(?<=[^\s>])(<[a-z][^>]*>)/gi, '\n$1')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|time|dd|dt)>/gi, (tag) =>
      tag.startsWith('<br') ? '\n' : `${tag}\n`,
    )
  const probe = element.ownerDocument.createElement('div')
  probe.innerHTML = html
  return (probe.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

function linkOf(element: DomElement, base: string | null): string | null {
  const link = element.localName === 'a' ? element : element.querySelector('a[href]')
  const href =
    link?.getAttribute('href') ?? element.querySelector('[itemprop~="url" i]')?.getAttribute('href') ?? null
  return resolveUrl(href, base)
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (href === null || href === undefined || href.trim() === '') return null
  try {
    const resolved = new URL(href.trim(), base ?? undefined)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}
