import { bylineWords } from './byline-words'

/*
 * A byline printed as a line of the story itself ("Von Daniela Obers", "Text: Klausmartin
 * Friedrich"), as plain text and pages without byline markup have it.
 */

/** How far into the story, and how close to its end, such a line stands. */
const FIRST_LINES = 4
const LAST_LINES = 2

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A byline printed as a line of the story ("Von Daniela Obers", "Eine Kolumne von X", "Text: X"). */
const PRINTED_BYLINE_RE = new RegExp(
  `^(?:${bylineWords.printedStarts.map((start) => escape(start).replace(/ /g, '\\s+')).join('|')})\\s*[:：]?\\s+`,
  'iu',
)
/** Separate from the above: with the `i` flag, \p{Lu} would match lower case too. */
const NAME_START_RE = /^\p{Lu}/u
const PRINTED_BYLINE_WORDS = 12

export function isPrintedByline(line: string): boolean {
  const prefix = PRINTED_BYLINE_RE.exec(line)
  if (prefix === null || !NAME_START_RE.test(line.slice(prefix[0].length))) return false
  if (line.split(/\s+/).length > PRINTED_BYLINE_WORDS) return false
  // A sentence ends with a full stop; a labelled credit may too ("Autorin: X, Projektleiterin.").
  return !/[.!?]$/.test(line) || (/^\S+\s*[:：]/u.test(line) && !/[!?]$/.test(line))
}

/** A credit whose first line starts with a byline's label ("By …", "Text & Fotos: …", "Autor: …"). */
export function isSignature(credit: string): boolean {
  const first = credit.split('\n')[0] ?? ''
  const label = LABEL_PREFIX_RE.exec(first)
  if (
    label !== null &&
    bylineWords.creditLabels.has(label[1]?.toLocaleLowerCase().replace(/\s+/g, ' ') ?? '')
  ) {
    return true
  }
  const prefix = PRINTED_BYLINE_RE.exec(first)
  return prefix !== null && NAME_START_RE.test(first.slice(prefix[0].length))
}
const LABEL_PREFIX_RE = /^([^:：]{1,30}?)\s*[:：]/u

/**
 * A credit with a label and a colon ("Text: Klausmartin Friedrich", "Autor: Peter Maahn") may stand
 * further from the end, above the photo credits and "(to be continued)": the label says what it is.
 */
const LAST_LABELLED_LINES = 6
const LABELLED_RE = /^\p{L}+(?:\s\p{L}+)?\s*[:：]/u

/** The story's first lines and last lines that read as a byline. */
export function bylineLines(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const labelled = lines.slice(-LAST_LABELLED_LINES).filter((line) => LABELLED_RE.test(line))
  const looked = [...lines.slice(0, FIRST_LINES), ...lines.slice(-LAST_LINES), ...labelled]
  return [...new Set(looked)].filter(isPrintedByline)
}
