import { simplifiedHan } from './han-variants'
import type { PlaceIndex } from './place-names'
import { caselessToLatin, skeletonOf } from './transliterate'

/** One piece of evidence found in text written without spaces (Chinese, Japanese, Thai). */
export interface UnspacedKey {
  /** `n` a place from the list or a katakana name, `w` a word, `g` a pair of Han characters. */
  kind: 'n' | 'w' | 'g'
  key: string
  written: string
  /** A katakana word keyed as a name: it may be none, and its r may be a Latin l. */
  guessed?: boolean
}

const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー・]+/gu
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const THAI = /\p{Script=Thai}/u
const HAN = /\p{Script=Han}/u
/** Hiragana alone are particles and endings (の, で, された): they say nothing of the event. */
const ONLY_HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u
/** Japanese writes foreign names in katakana: マンダレー is Mandalay. */
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u
/** An administrative suffix ("四川省", "汉源县", "石川県"): the place is one word with or without it. */
const ADMIN_SUFFIX = /^(\p{Script=Han}{2,})[省市县縣州区區镇鎮村町郡県]$/u

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
 * differently in two articles, as the 4-grams do for Latin words. Keys are in Simplified
 * characters, so a Taiwanese, Hong Kong or Japanese spelling (重慶, 長江) meets the mainland one.
 */
export function unspacedWords(text: string, lang: string | null, places: PlaceIndex): UnspacedKey[] {
  const found: UnspacedKey[] = []
  for (const match of text.matchAll(RUN)) {
    const run = match[0].replace(/・/g, '')
    const keyed = simplifiedHan(run)
    const locale = THAI.test(run) ? 'th' : KANA.test(run) || lang?.startsWith('ja') ? 'ja' : 'zh'
    let rest = ''
    const flush = (): void => {
      if (rest !== '') wordsOf(rest, locale, found)
      rest = ''
    }
    for (let at = 0; at < run.length;) {
      const place = placeAt(run, keyed, at, places)
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

function placeAt(
  run: string,
  keyed: string,
  at: number,
  places: PlaceIndex,
): { key: string; written: string } | null {
  for (let length = Math.min(places.maxCharacters, run.length - at); length >= 2; length--) {
    const key = places.unspaced.get(keyed.slice(at, at + length))
    if (key !== undefined) return { key, written: run.slice(at, at + length) }
  }
  return null
}

function wordsOf(piece: string, locale: string, found: UnspacedKey[]): void {
  for (const segment of segmenter(locale).segment(piece)) {
    const word = segment.segment.replace(ADMIN_SUFFIX, '$1')
    if (!segment.isWordLike || [...word].length < 2 || ONLY_HIRAGANA.test(word)) continue
    found.push({ kind: 'w', key: simplifiedHan(word), written: word })
    if (KATAKANA.test(word) && [...word].length >= 3) found.push(...katakanaNames(word))
  }
  const han = [...simplifiedHan(piece)]
  for (let i = 0; i + 1 < han.length; i++) {
    if (HAN.test(han[i]!) && HAN.test(han[i + 1]!))
      found.push({ kind: 'g', key: han[i]! + han[i + 1]!, written: '' })
  }
}

/**
 * A katakana word as a name's skeleton. Japanese has one sound for a Latin l and r, so the word
 * gives both skeletons when it has an r (マラティヤ: "mrt" and "mlt" for Malatya); the one that
 * meets nothing costs nothing.
 */
function katakanaNames(word: string): UnspacedKey[] {
  const latin = caselessToLatin(word)
  if (latin === null) return []
  const skeletons = new Set([skeletonOf(latin), skeletonOf(latin.replace(/r/g, 'l'))])
  return [...skeletons]
    .filter((skeleton) => skeleton.length >= 3 || (skeleton.length === 2 && latin.length >= 4))
    .map((skeleton) => ({ kind: 'n', key: skeleton, written: word, guessed: true }))
}
