import { agencySpellings, agencyNamed } from './byline-words'

/*
 * A wire story names its agency in the dateline ("PARIS (AFP) -", "NEW YORK (Reuters) —",
 * "Berlin (dpa) -") or, in German and other papers, in a closing credit ("(dpa)" at the end).
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** How far into the text a dateline may end: a place, a date, the agency and its dash. */
const DATELINE_CHARS = 160
const CLOSING_CHARS = 80

let patterns: { opening: RegExp; closing: RegExp } | null = null

function buildPatterns(): { opening: RegExp; closing: RegExp } {
  const agencies = agencySpellings().map(escape).join('|')
  const credit = `(?:${agencies})(?:\\s*[/,]\\s*(?:${agencies}|\\p{Ll}{2,4}))*`
  const place = `[\\p{Lu}][\\p{L}\\p{M}.'’/ -]{0,60}`
  const date = `(?:,[\\p{L}\\p{N}\\p{M}. ]{0,40})?`
  return {
    // Place (capitalised words, "Brüssel/Berlin", maybe a date after a comma), the agency in
    // brackets, then a dash or colon, maybe after a full stop ("(EFE).-", "(dpa) ·").
    opening: new RegExp(`^(?:${place}${date}\\s*)?[(（]\\s*(${credit})\\s*[)）]\\.?\\s*[-–—:‒―·•]`, 'u'),
    closing: new RegExp(`[(（]\\s*(${credit})\\s*[)）]\\s*$`, 'u'),
  }
}

/** The paragraphs a dateline may open: the headline or a standfirst may come before it. */
const DATELINE_PARAGRAPHS = 3
/**
 * Shorter lines do not count among them: a byline, a date, a picture's count printed above the
 * story ("JANIE HAR", "Nov. 20, 2019 Updated: 1:35 a.m.", "4", then "SAN FRANCISCO (AP) —").
 */
const SHORT_LINE_CHARS = 60
const MAX_LINES = 10

/** The agencies a story's dateline or closing credit names, by their short names. */
export function agenciesInDateline(text: string): string[] {
  patterns ??= buildPatterns()
  const trimmed = text.trim()
  const found: string[] = []
  const paragraphs: string[] = []
  let counted = 0
  for (const line of trimmed.split(/\n+/).slice(0, MAX_LINES)) {
    if (counted === DATELINE_PARAGRAPHS) break
    paragraphs.push(line)
    if (line.trim().length >= SHORT_LINE_CHARS) counted += 1
  }
  for (const paragraph of paragraphs) {
    const start = paragraph.trim().slice(0, DATELINE_CHARS)
    const opening = patterns.opening.exec(start)
    if (opening?.[1] !== undefined) {
      found.push(...agenciesIn(opening[1]))
      break
    }
  }
  const closing = patterns.closing.exec(trimmed.slice(-CLOSING_CHARS))
  if (closing?.[1] !== undefined) found.push(...agenciesIn(closing[1]))
  return [...new Set(found)]
}

function agenciesIn(credit: string): string[] {
  return credit
    .split(/[/,]/)
    .map((part) => agencyNamed(part.trim())?.name ?? null)
    .filter((name): name is string => name !== null)
}
