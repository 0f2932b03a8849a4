import { stemWord } from '../countries/stems'
import { foldWord } from '../countries/tokens'
import { simplifiedHan } from './han-variants'
import placeData from './data/places-across-scripts.json'
import countryData from './data/country-names.generated.json'
import { skeletonOf, toLatin } from './transliterate'

/**
 * Places written the same way in every script: "土耳其", "تركيا", "トルコ", "Turquía" and "Turkey"
 * are one key (`@TR`), "北京", "بكين", "Pékin" and "Beijing" another (the skeleton of "Beijing"). A consonant
 * skeleton joins Latin and Cyrillic spellings of a name, but nothing joins Han, kana or an Arabic
 * spelling to a Latin one except a list: country names in 31 languages (i18n-iso-countries) and
 * the cities world news names most (data/places-across-scripts.json).
 */
export interface PlaceIndex {
  /** Folded words of a name joined by one space → place key. */
  spaced: Map<string, string>
  /** Names written without spaces (Han, kana, Thai) → place key. */
  unspaced: Map<string, string>
  maxWords: number
  maxCharacters: number
}

const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}ー・]+$/u
const WORDS = /[\p{L}\p{M}\p{N}]+/gu
const CYRILLIC = /\p{Script=Cyrillic}/u
const ASCII = /^[\x20-\x7e]*$/
const ARABIC = /\p{Script=Arabic}/u
const HEBREW = /\p{Script=Hebrew}/u
/** Arabic letters that writers interchange (hamza seats, alef maqsura, ta marbuta) and the tatweel. */
const ARABIC_FOLDS: [RegExp, string][] = [
  [/[أإآٱ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ة/g, 'ه'],
  [/ـ/g, ''],
]
/**
 * Clitics an Arabic word may carry before a name: "and", "in/with", "to", "so", "like", and the
 * article. Only tried when the word as written is no name, and only against the list of names, so
 * a word that merely starts with these letters is never cut.
 */
const ARABIC_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف', 'ك']
const HEBREW_PREFIXES = ['ו', 'ה', 'ב', 'ל', 'מ', 'ש']

let cached: PlaceIndex | null = null

export function placeIndex(): PlaceIndex {
  cached ??= buildIndex()
  return cached
}

/** The form both the list and the text are compared in: lower case, no marks, Arabic letters folded. */
export function foldPlaceWord(word: string): string {
  const lower = foldWord(word)
  if (ASCII.test(lower)) return lower
  let folded = lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
  if (ARABIC.test(folded))
    for (const [pattern, letter] of ARABIC_FOLDS) folded = folded.replace(pattern, letter)
  return folded
}

/** A Cyrillic word's stem, so "Турции" meets "Турция"; other words as they are. */
export function placeStem(folded: string): string {
  return CYRILLIC.test(folded) ? stemWord(folded, 'cyrillic') : folded
}

/**
 * The forms a single written word may stand for a name in: as written, then without Arabic or
 * Hebrew clitics ("وتركيا" → "تركيا", "بالصين" → "الصين" and "صين").
 */
export function placeWordForms(folded: string): string[] {
  const forms = [folded]
  const prefixes = ARABIC.test(folded) ? ARABIC_PREFIXES : HEBREW.test(folded) ? HEBREW_PREFIXES : []
  for (const prefix of prefixes) {
    if (!folded.startsWith(prefix) || folded.length - prefix.length < 3) continue
    const rest = folded.slice(prefix.length)
    forms.push(rest)
    // "لل" is "ل" + "ال": "للصين" is "to China".
    if (prefix === 'لل') forms.push(`ال${rest}`)
    else if (prefix.length === 1 && !rest.startsWith('ال')) forms.push(`ال${rest}`)
  }
  return forms
}

function buildIndex(): PlaceIndex {
  const index: PlaceIndex = { spaced: new Map(), unspaced: new Map(), maxWords: 1, maxCharacters: 1 }
  const ambiguous = new Set(placeData.ambiguous)
  const add = (name: string, key: string): void => {
    if (ambiguous.has(name)) return
    const compact = name.replace(/\s+/g, '')
    if (UNSPACED.test(compact)) {
      // Looked up in Simplified characters (unspaced-words.ts): 臺北 and 台北 are one name.
      const folded = simplifiedHan(compact.replace(/[・]/g, ''))
      if (folded.length < 2 || index.unspaced.has(folded)) return
      index.unspaced.set(folded, key)
      index.maxCharacters = Math.max(index.maxCharacters, folded.length)
      return
    }
    const words = [...name.matchAll(WORDS)].map((match) => foldPlaceWord(match[0]))
    if (words.length === 0) return
    const last = words.length - 1
    words[last] = placeStem(words[last]!)
    const joined = words.join(' ')
    if (joined.length < 3 || index.spaced.has(joined)) return
    index.spaced.set(joined, key)
    // An Arabic name with its article is also written without it after a preposition.
    if (words.length === 1 && joined.startsWith('ال') && joined.length >= 5) {
      const bare = joined.slice(2)
      if (!index.spaced.has(bare)) index.spaced.set(bare, key)
    }
    index.maxWords = Math.max(index.maxWords, words.length)
  }
  // Cities first: "Mexico City" must not be read as "Mexico" and a city's own row wins.
  for (const [latin, , ...spellings] of placeData.places as string[][]) {
    // A town's key is the skeleton of its Latin name, the key its unlisted spellings reach too
    // (Иватэ, إيواته and イワテ meet "Iwate" by their letters alone).
    const key = skeletonOf(toLatin(latin!))
    for (const name of [latin!, ...spellings]) add(name, key)
  }
  for (const [code, names] of Object.entries(countryData.countries as Record<string, string[]>)) {
    for (const name of names) {
      add(name, `@${code}`)
      for (const adjective of arabicAdjectives(name)) add(adjective, `@${code}`)
    }
  }
  return index
}

/**
 * The Arabic adjectives of a one-word country name, which headlines use as often as the name
 * ("جزيرة سولاويسي الإندونيسية", "the Indonesian island of Sulawesi"): the name without its
 * final -يا or alef, with the article and -ية (feminine) or -ي (masculine). تركيا → التركية,
 * التركي; كندا → الكندية; اليابان → اليابانية.
 */
function arabicAdjectives(name: string): string[] {
  if (!ARABIC.test(name) || /\s/.test(name)) return []
  const bare = name.replace(/^ال/, '').replace(/يا$|ا$/, '')
  if (bare.length < 3) return []
  return [`ال${bare}ية`, `ال${bare}ي`]
}
