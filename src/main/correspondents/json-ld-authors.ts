import { toArray, type DomDocument } from '../ingest/extract/dom'
import { parseJsonLdScript, type Json, type JsonObject } from '../ingest/extract/json-ld'

/*
 * Who a page's schema.org JSON-LD says wrote its article: `author` as a string, an object, an array,
 * or a reference (@id) to a Person elsewhere in an @graph; with the author's page (`url`) when given.
 */

export interface JsonLdCredit {
  name: string
  url: string | null
  /** An Organization credited as author: often the outlet itself, sometimes an agency. */
  organisation: boolean
}

export interface JsonLdAuthors {
  credits: JsonLdCredit[]
  /** The names the page gives its publisher, which are never a correspondent. */
  publishers: string[]
  /** The sections the page files its article under (`articleSection`). */
  sections: string[]
}

const ARTICLE_TYPE_RE = /(Article|BlogPosting|Report|Posting|Review|Blog|Story)$/i
const PAGE_TYPE_RE = /(WebPage|ItemPage|CreativeWork|MediaObject|VideoObject|Recipe)$/i
const MAX_DEPTH = 6

export function readJsonLdAuthors(document: DomDocument): JsonLdAuthors {
  const objects: JsonObject[] = []
  for (const script of toArray(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    const parsed = parseJsonLdScript(script.textContent ?? '')
    if (parsed !== undefined) collect(parsed, objects, 0)
  }
  const byId = new Map<string, JsonObject>()
  for (const object of objects) {
    const id = object['@id']
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, object)
  }
  const publishers = objects.flatMap((object) => {
    const publisher = resolve(object.publisher, byId)
    const names = (Array.isArray(publisher) ? publisher : [publisher])
      .map((p) => resolve(p, byId))
      .filter((p) => !isPerson(p))
      .map((p) => nameOf(p))
    const own =
      !isPerson(object) &&
      typeNames(object).some((t) => /Organization|NewsMediaOrganization|WebSite/i.test(t))
        ? [nameOf(object)]
        : []
    return [...names, ...own].filter((name): name is string => name !== null)
  })
  const sections = objects.flatMap((object) => {
    const section = object.articleSection
    return (Array.isArray(section) ? section : [section]).filter(
      (name): name is string => typeof name === 'string',
    )
  })
  const withAuthor = objects.filter((object) => object.author !== undefined || object.creator !== undefined)
  const article =
    withAuthor.find((o) => typeNames(o).some((t) => ARTICLE_TYPE_RE.test(t))) ??
    withAuthor.find((o) => typeNames(o).some((t) => PAGE_TYPE_RE.test(t))) ??
    null
  if (article === null) return { credits: [], publishers, sections }
  const authors = resolve(article.author ?? article.creator, byId)
  const list = Array.isArray(authors) ? authors : [authors]
  const credits = list
    .map((item) => creditOf(resolve(item, byId)))
    .filter((credit): credit is JsonLdCredit => credit !== null)
  return { credits, publishers, sections }
}

/**
 * A personal site's publisher is its owner (Yoast writes `["Person", "Organization"]`): the person
 * who writes it, not another name for the outlet, so their name stays creditable.
 */
function isPerson(value: Json | undefined): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeNames(value).some((t) => /^(?:schema:)?Person$/i.test(t))
  )
}

function creditOf(value: Json | undefined): JsonLdCredit | null {
  if (typeof value === 'string')
    return value.trim() === '' ? null : { name: value, url: null, organisation: false }
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return null
  const name = nameOf(value)
  if (name === null) return null
  const url =
    stringOf(value.url) ??
    (typeof value['@id'] === 'string' && /^https?:/.test(value['@id']) ? value['@id'] : null)
  const organisation =
    !isPerson(value) &&
    typeNames(value).some((t) => /Organization|Organisation|Corporation|NewsMedia/i.test(t))
  return { name, url: url !== null && /^https?:\/\//i.test(url) ? url : null, organisation }
}

function resolve(value: Json | undefined, byId: Map<string, JsonObject>): Json | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = value['@id']
    if (typeof id === 'string' && value.name === undefined) return byId.get(id) ?? value
  }
  return value
}

function nameOf(value: Json | undefined): string | null {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return typeof value === 'string' ? value.trim() || null : null
  }
  const name = stringOf(value.name)
  const given = stringOf(value.givenName)
  const family = stringOf(value.familyName)
  // A CMS's display name is often the first name alone ("Josh"), its familyName the rest.
  if (name !== null && family !== null && !/\s/.test(name) && (given === null || given === name))
    return name.toLowerCase() === family.toLowerCase() ? name : `${name} ${family}`
  if (name !== null) return isPerson(value) ? withSurnameFromBio(name, stringOf(value.description)) : name
  return given !== null || family !== null ? [given, family].filter(Boolean).join(' ') : null
}

/**
 * A CMS's display name is often the first name alone ("Stefanus"), while the same Person's own
 * bio opens with the full name: "Stefanus Stahl - Maschinenbauer, Abenteurer…", "Todd Bates is a
 * science writer". The surname is taken only when the bio names the person first and then stops
 * (a dash, a comma, a bracket, its end, or "is"/"ist"/"est"…), so a sentence is never read as one.
 */
function withSurnameFromBio(name: string, bio: string | null): string {
  if (bio === null || /\s/.test(name) || !/^\p{Lu}\p{Ll}/u.test(name)) return name
  if (!bio.startsWith(name)) return name
  const after = BIO_SURNAME_RE.exec(bio.slice(name.length))
  return after?.[1] === undefined ? name : `${name} ${after[1].trim()}`
}

/** One or two capitalised words (a particle may join them), then where a bio's name ends. */
const BIO_SURNAME_RE =
  /^((?:\s(?:(?:von|van|de|del|della|da|di|du|le|la|der|den|ter|al|el|bin|ibn)\s)?\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?){1,2})(?=\s*[-–—,;:(|/]|\s*$|\s+(?:is|was|ist|war|est|es|è|é|jest|är|er)\s)/u

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return value.length > 0 ? stringOf(value[0]) : null
  if (value !== null && typeof value === 'object' && typeof value['@value'] === 'string') {
    return value['@value'].trim() || null
  }
  return null
}

function typeNames(object: JsonObject): string[] {
  const type = object['@type']
  if (typeof type === 'string') return [type]
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string')
  return []
}

function collect(value: Json, into: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1)
    return
  }
  into.push(value)
  for (const key of ['@graph', 'mainEntity']) {
    const inner = value[key]
    if (inner !== undefined && typeof inner === 'object') collect(inner, into, depth + 1)
  }
}
