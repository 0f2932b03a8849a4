import { toArray, type DomDocument } from './dom'

/** What a page's schema.org JSON-LD says about its article, when it says anything. */
export interface JsonLdArticle {
  headline: string | null
  authors: string[]
  datePublished: string | null
  publisher: string | null
  image: string | null
  articleBody: string | null
  description: string | null
  inLanguage: string | null
  /** articleSection and the breadcrumb's inner names (not home, not the page): never the site's name. */
  sections: string[]
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

const ARTICLE_TYPE_RE = /(Article|BlogPosting|Report|NewsArticle|Posting|WebPage|LiveBlogPosting)$/i

export function readJsonLd(document: DomDocument): JsonLdArticle {
  const objects: JsonObject[] = []
  for (const script of toArray(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const parsed = parseJsonLdScript(script.textContent ?? '')
    if (parsed !== undefined) collectObjects(parsed, objects, 0)
  }
  // A page often describes itself several times (WebSite, Organization, BreadcrumbList, the article):
  // the article-like node with a body wins, then any article-like node.
  const articles = objects.filter((o) => typeNames(o).some((t) => ARTICLE_TYPE_RE.test(t)))
  // Of several bodies (a teaser and the story, a page and its parts) the longest is the story.
  const withBody = articles
    .filter((o) => typeof o.articleBody === 'string')
    .sort((a, b) => String(b.articleBody).length - String(a.articleBody).length)
  const best =
    withBody[0] ??
    articles.find((o) => typeNames(o).some((t) => /Article|Posting/i.test(t))) ??
    articles[0] ??
    null
  const sections = [...stringsOf(best?.articleSection), ...breadcrumbNames(objects)]
  if (best === null) return { ...emptyJsonLd(), sections }
  return {
    headline: stringOf(best.headline) ?? stringOf(best.name),
    authors: personNames(best.author),
    datePublished: stringOf(best.datePublished) ?? stringOf(best.dateCreated),
    publisher: nameOf(best.publisher),
    image: imageUrlOf(best.image),
    articleBody: stringOf(best.articleBody),
    description: stringOf(best.description),
    inLanguage: stringOf(best.inLanguage),
    sections,
  }
}

export function emptyJsonLd(): JsonLdArticle {
  return {
    headline: null,
    authors: [],
    datePublished: null,
    publisher: null,
    image: null,
    articleBody: null,
    description: null,
    inLanguage: null,
    sections: [],
  }
}

/** A JSON-LD script's text as JSON, as leniently as the CMSs that write it need. */
export function parseJsonLdScript(source: string): Json | undefined {
  // Some CMSs wrap the JSON in CDATA markers or HTML comments.
  const unwrapped = source.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*\]\]>)\s*$/, '')
  try {
    return JSON.parse(unwrapped) as Json
  } catch {
    // ...or leave raw newlines and tabs inside strings, which JSON.parse rejects.
    try {
      return JSON.parse(unwrapped.replace(/[\r\n\t]+/g, ' ')) as Json
    } catch {
      return undefined
    }
  }
}

function collectObjects(value: Json, into: JsonObject[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collectObjects(item, into, depth + 1)
    return
  }
  into.push(value)
  const graph = value['@graph']
  if (graph !== undefined) collectObjects(graph, into, depth + 1)
  const main = value.mainEntity
  if (main !== undefined) collectObjects(main, into, depth + 1)
}

function typeNames(object: JsonObject): string[] {
  const type = object['@type']
  if (typeof type === 'string') return [type]
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string')
  return []
}

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim() || null
  return null
}

function stringsOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()]
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? stringsOf(item) : []))
  return []
}

/**
 * The names of a BreadcrumbList's items between the first, the home page (often the site), and
 * the last, often the page itself (its headline).
 */
function breadcrumbNames(objects: JsonObject[]): string[] {
  const names: string[] = []
  for (const list of objects.filter((o) => typeNames(o).includes('BreadcrumbList'))) {
    const items = Array.isArray(list.itemListElement) ? list.itemListElement : []
    for (const item of items.slice(1, -1)) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue
      const inner = item.item
      const name =
        stringOf(item.name) ??
        (inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? stringOf(inner.name) : null)
      if (name !== null) names.push(name)
    }
  }
  return names
}

function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return value.length > 0 ? nameOf(value[0]) : null
  if (value !== null && typeof value === 'object') return stringOf(value.name)
  return null
}

function personNames(value: Json | undefined): string[] {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  const names = list.map((item) => nameOf(item)).filter((name): name is string => name !== null)
  return [...new Set(names)]
}

function imageUrlOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return value.length > 0 ? imageUrlOf(value[0]) : null
  if (value !== null && typeof value === 'object') return stringOf(value.url) ?? stringOf(value.contentUrl)
  return null
}
