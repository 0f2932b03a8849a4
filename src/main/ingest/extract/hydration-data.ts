import rules from './hydration.json'
import { splitArticleBody } from './choose-body'
import { toArray, type DomDocument } from './dom'
import { countWords } from './text'

/*
 * Pages built with Next.js, Nuxt, Arc (Fusion) or an Apollo/Redux store often send the story twice:
 * as markup, and as data for their JavaScript. Some send only a teaser or an empty shell as markup
 * (the rest is rendered in the browser, behind a "read more" button or a consent wall). Dateline
 * runs no scripts, so it reads that data: the longest prose in it, either one string (a body in HTML
 * or text) or a list of content blocks (Arc's content_elements, rich-text nodes). Read before the
 * clean-up, which drops scripts.
 */

type Json = string | number | boolean | null | Json[] | JsonObject
type JsonObject = { [key: string]: Json }

/** The story as the page's hydration data holds it, as HTML for the rest of the pipeline. */
export interface HydrationStory {
  html: string
  words: number
}

/**
 * Less than this is a summary, a teaser or a caption, not a story to put in place of what the
 * markup shows. A page whose markup shows nothing takes any story the data holds.
 */
export const MIN_HYDRATION_WORDS = 80
/** Less than this is a label or a headline, not even a news brief. */
const MIN_STORY_WORDS = 30
/** Strings shorter than this (in characters) are not read as stories, which keeps the walk cheap. */
const MIN_STORY_CHARS = 150
/** Of a block list's entries, this share must be objects: a flat array of strings is a table of values. */
const MIN_OBJECT_SHARE = 0.6
/** State this large is a site's catalogue, not a page's data; it is not read. */
const MAX_SCRIPT_CHARS = 4_000_000
/** A bound on the walk, whatever the data's shape. */
const MAX_NODES = 200_000
const MAX_DEPTH = 48

const TEXT_KEYS = new Set(rules.textKeys)
const HEADING_TYPE_RE = new RegExp(rules.headingTypes, 'i')
const HTML_BLOCK_RE = /<\/?(p|br|div|h[1-6]|ul|ol|li|blockquote|figure)\b/i
const HTML_TAG_RE = /<[a-z/!][^>]*>/i
const STRING_LITERAL_RE = /"((?:[^"\\\n]|\\.){150,})"/g

/** The data the page's scripts carry, parsed: JSON islands, components' props, assigned state. */
export function readHydrationData(document: DomDocument): Json[] {
  const values: Json[] = []
  const jsonScripts = new Set(toArray(document.querySelectorAll(rules.jsonScripts.join(','))))
  for (const script of jsonScripts) {
    const source = script.textContent ?? ''
    if (source.length > MAX_SCRIPT_CHARS) continue
    const parsed = parseJson(source)
    if (parsed !== undefined) values.push(parsed)
  }
  const propsSelector = rules.jsonAttributes.map((name) => `[${name}]`).join(',')
  for (const element of toArray(document.querySelectorAll(propsSelector))) {
    for (const name of rules.jsonAttributes) {
      const source = element.getAttribute(name)
      if (source === null || source.length > MAX_SCRIPT_CHARS || !/^\s*[[{]/.test(source)) continue
      const parsed = parseJson(source)
      if (parsed !== undefined) values.push(parsed)
    }
  }
  for (const script of toArray(document.querySelectorAll('script:not([src])'))) {
    if (jsonScripts.has(script)) continue
    const source = script.textContent ?? ''
    if (source.length > MAX_SCRIPT_CHARS || !rules.assignedNames.some((name) => source.includes(name)))
      continue
    values.push(...assignedValues(source))
  }
  return values
}

/** The longest story in the data, or null when none holds enough prose (or another story's). */
export function findHydrationStory(values: Json[], titles: (string | null)[]): HydrationStory | null {
  const candidates: HydrationStory[] = []
  const budget = { nodes: MAX_NODES }
  for (const value of values) collectCandidates(value, candidates, 0, budget)
  // A page names its story several ways (og:title for sharing, <title>, the JSON-LD headline), and
  // they differ: the story is the one that speaks of any of them.
  const named = titles.filter((title): title is string => title !== null)
  const sameStory = candidates.filter(
    (candidate) => named.length === 0 || named.some((title) => mentionsTitle(candidate.html, title)),
  )
  let best: HydrationStory | null = null
  for (const candidate of sameStory) if (best === null || candidate.words > best.words) best = candidate
  return best
}

function parseJson(source: string): Json | undefined {
  try {
    return JSON.parse(source) as Json
  } catch {
    return undefined
  }
}

/**
 * What `name = ...` sets in a script: the JSON literal when the value is one, else (a function
 * call, as Nuxt 2 writes its state) the script's long string literals, each a value of its own.
 */
function assignedValues(source: string): Json[] {
  const values: Json[] = []
  for (const name of rules.assignedNames) {
    let at = source.indexOf(name)
    while (at !== -1) {
      const literal = literalAfterAssignment(source, at + name.length)
      const parsed = literal === null ? undefined : parseJson(literal)
      if (parsed !== undefined) values.push(parsed)
      at = source.indexOf(name, at + name.length)
    }
  }
  if (values.length > 0) return values
  for (const match of source.matchAll(STRING_LITERAL_RE)) {
    const parsed = parseJson(`"${match[1] ?? ''}"`)
    if (typeof parsed === 'string') values.push(parsed)
  }
  return values
}

/** The balanced {...} or [...] right after `=` at `from`, or null. Strings are skipped whole. */
function literalAfterAssignment(source: string, from: number): string | null {
  let i = from
  while (i < source.length && /\s/.test(source[i] ?? '')) i += 1
  if (source[i] !== '=' || source[i + 1] === '=') return null
  i += 1
  while (i < source.length && /\s/.test(source[i] ?? '')) i += 1
  const open = source[i]
  if (open !== '{' && open !== '[') return null
  const start = i
  let depth = 0
  let inString = false
  for (; i < source.length; i += 1) {
    const char = source[i]
    if (inString) {
      if (char === '\\') i += 1
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === '{' || char === '[') depth += 1
    else if (char === '}' || char === ']') {
      depth -= 1
      if (depth === 0) return source.slice(start, i + 1)
    }
  }
  return null
}

function collectCandidates(
  value: Json,
  into: HydrationStory[],
  depth: number,
  budget: { nodes: number },
): void {
  budget.nodes -= 1
  if (budget.nodes < 0 || depth > MAX_DEPTH || value === null) return
  if (typeof value === 'string') {
    if (value.length < MIN_STORY_CHARS) return
    const html = HTML_BLOCK_RE.test(value)
      ? value
      : HTML_TAG_RE.test(value)
        ? `<p>${value}</p>`
        : paragraphsToHtml(splitArticleBody(value))
    const words = wordsOf(html)
    if (words >= MIN_STORY_WORDS) into.push({ html, words })
    return
  }
  if (typeof value !== 'object') return
  if (Array.isArray(value)) {
    const blocks = blockListHtml(value)
    if (blocks !== null) into.push(blocks)
    for (const item of value) collectCandidates(item, into, depth + 1, budget)
    return
  }
  for (const item of Object.values(value)) collectCandidates(item, into, depth + 1, budget)
}

/** A list of content blocks as HTML, one paragraph (or subheading) per block with text. */
function blockListHtml(list: Json[]): HydrationStory | null {
  const objects = list.filter(
    (item): item is JsonObject => item !== null && typeof item === 'object' && !Array.isArray(item),
  )
  if (objects.length === 0 || objects.length < list.length * MIN_OBJECT_SHARE) return null
  const parts: string[] = []
  let textBlocks = 0
  for (const block of objects) {
    const text = blockText(block, 0).trim()
    if (text === '') continue
    textBlocks += 1
    const type =
      typeof block.type === 'string' ? block.type : typeof block._type === 'string' ? block._type : ''
    const tag = HEADING_TYPE_RE.test(type) ? 'h2' : 'p'
    if (HTML_BLOCK_RE.test(text)) parts.push(text)
    else parts.push(`<${tag}>${HTML_TAG_RE.test(text) ? text : escapeHtml(text)}</${tag}>`)
  }
  if (textBlocks === 0) return null
  const html = parts.join('\n')
  const words = wordsOf(html)
  return words >= MIN_STORY_WORDS ? { html, words } : null
}

/** The words of one block: its strings under text keys, nested text nodes joined in order. */
function blockText(value: Json, depth: number): string {
  if (depth > 6 || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value !== 'object') return ''
  if (Array.isArray(value)) return value.map((item) => blockText(item, depth + 1)).join('')
  let text = ''
  for (const [key, item] of Object.entries(value)) {
    if (TEXT_KEYS.has(key)) text += blockText(item, depth + 1)
  }
  return text
}

function wordsOf(html: string): number {
  return countWords(splitArticleBody(html).join(' '))
}

/**
 * Hydration data holds other stories too (a list of related ones, the next article): the story is
 * the one that speaks of the page's headline, by at least half of the headline's terms.
 */
function mentionsTitle(html: string, title: string): boolean {
  const text = html.toLowerCase()
  // A title often carries the site's name ("Headline | Site"): any of its parts may be the headline,
  // but a part of one or two terms (the site's name) says too little to tell two stories apart.
  const parts = [title, ...title.split(TITLE_SEPARATOR_RE)].map(titleTerms)
  const telling = parts.filter((terms) => terms.length >= 3)
  const usable = telling.length > 0 ? telling : parts.filter((terms) => terms.length >= 2)
  if (usable.length === 0) return true
  return usable.some((terms) => terms.filter((term) => text.includes(term)).length * 2 >= terms.length)
}

const TITLE_SEPARATOR_RE = /\s[|\-–—·:]\s|[|｜]/u

const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/**
 * A headline's longer words; in Chinese, Japanese and Korean, which run words together (or add
 * particles to them), its pairs of characters.
 */
function titleTerms(title: string): string[] {
  const terms = new Set<string>()
  for (const run of title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (UNSPACED_RE.test(run)) {
      const chars = [...run]
      for (let i = 0; i + 1 < chars.length; i += 1) terms.add(`${chars[i]}${chars[i + 1]}`)
    } else if (run.length >= 4) terms.add(run)
  }
  return [...terms]
}

function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
