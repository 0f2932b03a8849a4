import { CJK_CLASS, hasCjk, segmentCjkRun } from './index-text'

/**
 * The words of a text as the snippet highlighter sees them, with their places in the original
 * string. It follows FTS5's unicode61 tokenizer (letters, digits and private-use characters make
 * words; everything else, combining marks included, separates them) and the CJK segmentation
 * of index-text.ts, so a highlighted word is a word the index matched.
 */

export interface TextToken {
  /** Folded form, compared with the query's folded words. */
  word: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}\p{Co}]+/gu
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u')
/** Within a word: a CJK stretch (group 1) or a stretch of anything else. */
const SCRIPT_PIECE = new RegExp(`([${CJK_CLASS}]+)|[^${CJK_CLASS}]+`, 'gu')
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/u
const MARKS = /\p{M}/gu

/**
 * Lower case, and Latin letters without their diacritics (`í` → `i`, `ł` stays), as
 * `remove_diacritics 2` does; Cyrillic `ї` or `й` keep theirs, as they do in the index.
 */
export function foldForMatch(word: string): string {
  const lower = word.toLowerCase()
  if (!LATIN_WITH_MARKS.test(lower)) return lower
  let folded = ''
  for (const char of lower) {
    folded += LATIN_WITH_MARKS.test(char) ? char.normalize('NFD').replace(MARKS, '') : char
  }
  return folded
}

/** The words of `text`, unfolded, in order (a query term's words). */
export function matchTokens(text: string): string[] {
  return tokenize(text).map((token) => text.slice(token.start, token.end))
}

export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = []
  const cjk = hasCjk(text)
  for (const found of text.matchAll(WORD)) {
    const start = found.index
    const run = found[0]
    if (cjk && CJK_CHAR.test(run)) pushSegmented(run, start, tokens)
    else tokens.push({ word: foldForMatch(run), start, end: start + run.length })
  }
  return tokens
}

/** A run mixing Latin and CJK (`G7峰会`) splits at the script change, then CJK by the segmenter. */
function pushSegmented(run: string, offset: number, tokens: TextToken[]): void {
  for (const piece of run.matchAll(SCRIPT_PIECE)) {
    const pieceStart = offset + piece.index
    if (piece[1] === undefined) {
      tokens.push({ word: foldForMatch(piece[0]), start: pieceStart, end: pieceStart + piece[0].length })
      continue
    }
    let cursor = 0
    for (const word of segmentCjkRun(piece[0])) {
      const at = piece[0].indexOf(word, cursor)
      if (at === -1) continue
      cursor = at + word.length
      tokens.push({ word: foldForMatch(word), start: pieceStart + at, end: pieceStart + cursor })
    }
  }
}
