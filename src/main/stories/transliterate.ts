import { plainLatinLetters } from '../countries/tokens'
import table from './data/transliteration.json'

const LETTERS: Record<string, string> = table.letters
const ABJAD: Record<string, string> = table.abjad
const KANA: Record<string, string> = table.kana
const ABJAD_SCRIPT = /\p{Script=Arabic}/u
const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u10a0-\u10ff]/u

/**
 * A folded word (lower case) written in Latin letters: Cyrillic, Greek and Georgian letters by the
 * table in data/transliteration.json, Latin diacritics removed. Other scripts pass through as they
 * are (their words still meet words of the same script).
 */
export function toLatin(word: string): string {
  const folded = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, (mark, offset: number, whole: string) =>
      // й and ї are a letter plus a mark once decomposed: keep those two whole.
      NON_LATIN.test(whole[offset - 1] ?? '') && (mark === '\u0306' || mark === '\u0308') ? mark : '',
    )
    .normalize('NFC')
  if (!NON_LATIN.test(folded)) return plainLatinLetters(folded)
  let latin = ''
  for (const letter of folded) latin += LETTERS[letter] ?? letter
  return latin
}

// Spellings of one sound across the languages' romanisations, longest first: Lukaschenko (de),
// Loukachenko (fr), Lukashenko (en) and Лукашенко (lukashenko) all become l-k-s-n-k.
const SOUNDS: [RegExp, string][] = [
  [/tsch|shch|sch|tch|zh|sh|ch|dzh|dz/g, 's'],
  [/kh|ck|q/g, 'k'],
  [/ph|v|w/g, 'f'],
  [/th/g, 't'],
  [/ts|tz/g, 's'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/n(?=[bp])/g, 'm'],
  [/[aeiouyjh]/g, ''],
]

/**
 * The consonant skeleton of a Latin-lettered name: vowels and the letters romanisations disagree
 * on dropped, similar consonants folded, doubles merged, a final s (a plural, a German genitive)
 * dropped from longer skeletons. "Poutine", "Putin", "Путина" → "ptn"; "Kiew", "Kyiv", "Киев" → "kf".
 */
export function skeletonOf(latin: string): string {
  let key = latin.replace(/[^a-z]/g, '')
  for (const [pattern, sound] of SOUNDS) key = key.replace(pattern, sound)
  key = key.replace(/(.)\1+/g, '$1')
  if (key.length >= 4 && key.endsWith('s')) key = key.slice(0, -1)
  return key
}

/**
 * A word of a script that writes no capitals, in Latin letters for a name's skeleton, or null when
 * the script has no table: Arabic and Persian letters (ملطية → "mlti"), katakana syllables
 * (マラティヤ → "maratiya"). Such a script cannot say which words are names, so the caller keys
 * every word this way, weighed less than a name.
 */
export function caselessToLatin(word: string): string | null {
  if (ABJAD_SCRIPT.test(word)) {
    let latin = ''
    for (const letter of word) latin += ABJAD[letter] ?? ''
    return latin
  }
  if (!KATAKANA_WORD.test(word)) return null
  let latin = ''
  for (const syllable of word) {
    const sound = KANA[syllable] ?? ''
    // A small kana replaces the vowel of the syllable before it: キャ is "kya", ティ "ti".
    latin = sound.startsWith('~') ? latin.replace(/[aeiou]$/, '') + sound.slice(1) : latin + sound
  }
  return latin
}
