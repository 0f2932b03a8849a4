import type { PlaceIndex } from './place-names'

/** One piece of evidence found in text written without spaces (Chinese, Japanese, Thai). */
export interface UnspacedKey {
  /** `n` a place from the list, `w` a word, `g` a pair of Han characters. */
  kind: 'n' | 'w' | 'g'
  key: string
  written: string
}

const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー・]+/gu
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const THAI = /\p{Script=Thai}/u
const HAN = /\p{Script=Han}/u
/** Hiragana alone are particles and endings (の, で, された): they say nothing of the event. */
const ONLY_HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale)
  if (!found) segmenters.set(locale, (found = new Intl.Segmenter(locale, { granularity: 'word' })))
  return found
}

/**
 * The places, words and Han pairs of the unspaced runs of a text. A place from the list is taken
 * first, longest at each character ("墨西哥城" before "墨西哥"), so a segmenter that does not know a
 * foreign name cannot cut it; the rest is cut into words by the platform's dictionary segmenter
 * (Intl.Segmenter, ICU). Pairs of Han characters stand where a segmenter cuts a rare name
 * differently in two articles, as the 4-grams do for Latin words.
 */
export function unspacedWords(text: string, lang: string | null, places: PlaceIndex): UnspacedKey[] {
  const found: UnspacedKey[] = []
  for (const match of text.matchAll(RUN)) {
    const run = match[0].replace(/・/g, '')
    const locale = THAI.test(run) ? 'th' : KANA.test(run) || lang?.startsWith('ja') ? 'ja' : 'zh'
    let rest = ''
    const flush = (): void => {
      if (rest !== '') wordsOf(rest, locale, found)
      rest = ''
    }
    for (let at = 0; at < run.length;) {
      const place = placeAt(run, at, places)
      if (place === null) {
        rest += run[at]
        at += 1
        continue
      }
      flush()
      found.push({ kind: 'n', key: place.key, written: place.written })
      at += place.written.length
    }
    flush()
  }
  return found
}

function placeAt(run: string, at: number, places: PlaceIndex): { key: string; written: string } | null {
  for (let length = Math.min(places.maxCharacters, run.length - at); length >= 2; length--) {
    const written = run.slice(at, at + length)
    const key = places.unspaced.get(written)
    if (key !== undefined) return { key, written }
  }
  return null
}

function wordsOf(piece: string, locale: string, found: UnspacedKey[]): void {
  for (const segment of segmenter(locale).segment(piece)) {
    const word = segment.segment
    if (!segment.isWordLike || [...word].length < 2 || ONLY_HIRAGANA.test(word)) continue
    found.push({ kind: 'w', key: word, written: word })
  }
  const han = [...piece]
  for (let i = 0; i + 1 < han.length; i++) {
    if (HAN.test(han[i]!) && HAN.test(han[i + 1]!))
      found.push({ kind: 'g', key: han[i]! + han[i + 1]!, written: '' })
  }
}
