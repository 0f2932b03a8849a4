/**
 * Where a highlight is in an article's text, as the W3C Web Annotation selectors say it: a
 * TextQuoteSelector (the exact passage, with some text before and after it) and a
 * TextPositionSelector (its start and end in the text). The position alone breaks as soon as a
 * re-capture adds a paragraph above; the quote alone is ambiguous when a phrase appears twice.
 * Together: the position when it still holds the quote, else the occurrence of the quote whose
 * surroundings match best, the nearest to the old position among equals. Pure, so the window
 * (against the frame's text) and the main process (against the stored body) anchor alike.
 */

export interface TextQuote {
  exact: string
  prefix: string
  suffix: string
}

export interface TextPosition {
  start: number
  end: number
}

export type TextSelector = TextQuote & TextPosition

/** As much context as hypothes.is and the Web Annotation examples keep on each side. */
export const CONTEXT_CHARS = 32

/** Occurrences of a quote weighed at most; a passage that common is no better told apart by more. */
const MAX_CANDIDATES = 1000

/** The selector of the passage [start, end) of `text`. */
export function describePassage(text: string, start: number, end: number): TextSelector {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - CONTEXT_CHARS), from),
    suffix: text.slice(to, to + CONTEXT_CHARS),
    start: from,
    end: to,
  }
}

/**
 * Where the selector's passage is in `text` now, or null when the quote is gone (the highlight is
 * then orphaned: kept and listed, never dropped).
 */
export function anchorPassage(text: string, selector: TextSelector): TextPosition | null {
  const { exact, start, end } = selector
  if (exact === '') return null
  if (text.slice(start, end) === exact) return { start, end }
  const exactMatches = occurrences(text, exact)
  if (exactMatches.length > 0)
    return best(
      text,
      selector,
      exactMatches.map((at) => ({ start: at, end: at + exact.length })),
    )
  // A re-capture may wrap or join lines differently: match again with every run of space as one.
  return best(text, selector, looseOccurrences(text, exact))
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = []
  for (
    let at = text.indexOf(exact);
    at !== -1 && found.length < MAX_CANDIDATES;
    at = text.indexOf(exact, at + 1)
  ) {
    found.push(at)
  }
  return found
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function looseOccurrences(text: string, exact: string): TextPosition[] {
  const words = exact
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words.length === 0) return []
  const pattern = new RegExp(words.map(escapeForPattern).join('\\s+'), 'gu')
  const found: TextPosition[] = []
  for (const match of text.matchAll(pattern)) {
    found.push({ start: match.index, end: match.index + match[0].length })
    if (found.length >= MAX_CANDIDATES) break
  }
  return found
}

function best(text: string, selector: TextSelector, candidates: TextPosition[]): TextPosition | null {
  let chosen: TextPosition | null = null
  let chosenScore = -Infinity
  for (const candidate of candidates) {
    const context =
      sharedTail(
        text.slice(Math.max(0, candidate.start - selector.prefix.length), candidate.start),
        selector.prefix,
      ) + sharedHead(text.slice(candidate.end, candidate.end + selector.suffix.length), selector.suffix)
    // Context decides; the distance from the old position (under one character's worth) breaks ties.
    const distance = Math.abs(candidate.start - selector.start) / (text.length + 1)
    const score = context - distance
    if (score > chosenScore) {
      chosen = candidate
      chosenScore = score
    }
  }
  return chosen
}

/** How many characters at the end of `a` equal those at the end of `b`. */
function sharedTail(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function sharedHead(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}
