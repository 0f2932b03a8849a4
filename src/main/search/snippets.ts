import type { HighlightedText, TextRange } from '@shared/search'
import type { QueryTerm } from './query-parser'
import { tokenize, type TextToken } from './match-tokens'

/**
 * Highlighted snippets, built here rather than by FTS5: the index keeps no copy of the text
 * (contentless, to halve its size), and only the page of results shown needs them. The result is
 * plain text with the ranges to mark, never HTML, so the window renders it as text.
 */

export const SNIPPET_CHARS = 200
/** Context kept before the first matched word, so the snippet does not start on it. */
const LEAD_CHARS = 60
/** Text past this is not scanned: a snippet from the first 60,000 characters is good enough. */
const SCAN_CHARS = 60_000

interface Hit {
  start: number
  end: number
  term: number
}

/** The whole of a short text (a headline) with its matched words marked. */
export function highlightAll(text: string, terms: readonly QueryTerm[]): HighlightedText {
  return { text, highlights: findHits(tokenize(text), terms).map(({ start, end }) => ({ start, end })) }
}

/**
 * About `maxChars` of `text` around the stretch with the most different query words, marked.
 * With no match in it (the article matched by its headline or site), the opening of the text.
 */
export function buildSnippet(
  text: string,
  terms: readonly QueryTerm[],
  maxChars: number = SNIPPET_CHARS,
): HighlightedText {
  const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text
  const hits = findHits(tokenize(scanned), terms)
  const window = bestWindow(hits, maxChars)
  // From the top when the matches fit in the first `maxChars`; else a little context before them.
  let start = !window || window.end <= maxChars ? 0 : Math.max(0, window.start - LEAD_CHARS)
  if (window && window.end - start > maxChars) start = window.start
  start = wordStartAtOrAfter(scanned, start)
  const end = wordEndAtOrBefore(scanned, Math.min(scanned.length, start + maxChars), start)
  const inside = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit) => ({ start: hit.start - start, end: hit.end - start }))
  const body = collapseSpaces(scanned.slice(start, end), inside)
  const lead = start > 0 ? '… ' : ''
  const tail = end < text.length ? ' …' : ''
  return {
    text: `${lead}${body.text}${tail}`,
    highlights: body.highlights.map((r) => ({ start: r.start + lead.length, end: r.end + lead.length })),
  }
}

function findHits(tokens: readonly TextToken[], terms: readonly QueryTerm[]): Hit[] {
  const hits: Hit[] = []
  for (let i = 0; i < tokens.length; i++) {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!
      const length = matchLength(tokens, i, term)
      if (length > 0) {
        hits.push({ start: tokens[i]!.start, end: tokens[i + length - 1]!.end, term: t })
        break
      }
    }
  }
  return hits
}

function matchLength(tokens: readonly TextToken[], at: number, term: QueryTerm): number {
  const { words } = term
  if (at + words.length > tokens.length) return 0
  for (let k = 0; k < words.length; k++) {
    const token = tokens[at + k]!.word
    const last = k === words.length - 1
    const matches = last && term.prefix ? token.startsWith(words[k]!) : token === words[k]
    if (!matches) return 0
  }
  return words.length
}

/** The stretch of at most `maxChars` holding the most different terms, then the most hits. */
function bestWindow(hits: readonly Hit[], maxChars: number): TextRange | null {
  let best: { range: TextRange; score: number } | null = null
  for (let first = 0; first < hits.length; first++) {
    const seen = new Set<number>()
    let last = first
    for (let j = first; j < hits.length && hits[j]!.end - hits[first]!.start <= maxChars; j++) {
      seen.add(hits[j]!.term)
      last = j
    }
    const score = seen.size * 1000 + (last - first + 1)
    if (!best || score > best.score) {
      best = { range: { start: hits[first]!.start, end: hits[last]!.end }, score }
    }
  }
  return best?.range ?? null
}

function wordStartAtOrAfter(text: string, at: number): number {
  if (at === 0) return 0
  const space = text.slice(at, at + 30).search(/\s/u)
  return space === -1 ? at : at + space + 1
}

function wordEndAtOrBefore(text: string, at: number, floor: number): number {
  if (at >= text.length) return text.length
  const cut = text.slice(floor, at).search(/\s\S*$/u)
  return cut <= 0 ? at : floor + cut
}

/** Runs of white space (paragraph breaks) as one space, keeping the ranges on their words. */
function collapseSpaces(text: string, ranges: readonly TextRange[]): HighlightedText {
  const shift: number[] = new Array<number>(text.length + 1)
  let out = ''
  let removed = 0
  for (let i = 0; i < text.length; i++) {
    shift[i] = removed
    const space = /\s/u.test(text[i]!)
    if (space && (out.endsWith(' ') || out.length === 0)) removed++
    else out += space ? ' ' : text[i]!
  }
  shift[text.length] = removed
  const trimmed = out.trimEnd()
  return {
    text: trimmed,
    highlights: ranges.map((r) => ({ start: r.start - shift[r.start]!, end: r.end - shift[r.end]! })),
  }
}
