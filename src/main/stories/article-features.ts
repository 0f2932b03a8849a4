import { stemWord } from '../countries/stems'
import { tokeniseArticle, type Token } from '../countries/tokens'
import stopWordData from './data/stop-words.json'
import numberWordData from './data/number-words.json'
import { unspacedWords } from './unspaced-words'
import { foldPlaceWord, placeIndex, placeStem, placeWordForms, type PlaceIndex } from './place-names'
import { caselessToLatin, skeletonOf, toLatin } from './transliterate'

/** What the grouping reads of one article: its words, and when and where it was published. */
export interface StoryItem {
  title: string
  /** The first paragraphs (the excerpt is enough: an event is told in the opening). */
  text?: string
  lang?: string | null
  /** Milliseconds since 1970. */
  at: number
  site?: string | null
  /** ISO country codes from the countries tagger, when known. */
  countries?: readonly string[]
}

/**
 * Kinds of evidence, each a namespace of the article's vector:
 * - `w` word stems (same language, mostly), `g` character 4-grams of the words written in Latin
 *   (catch inflections, compounds and cognates: "sanktsii" / "sanctions"),
 * - `n` names: the consonant skeletons of capitalised words ("lksnk" for Лукашенко/Loukachenko),
 * - `d` numbers ("1000" for "1,000", "1.000" and "1 000"), `c` countries.
 * Names, numbers and countries are written the same in every language: they carry a story across.
 */
export type EvidenceKind = 'w' | 'g' | 'n' | 'd' | 'c'

/** How much each kind counts, relative to a word: names and numbers are what an editor looks at. */
export const EVIDENCE_WEIGHT: Record<EvidenceKind, number> = { w: 1, g: 0.35, n: 2.2, d: 1.8, c: 0.8 }
/**
 * A country says less about which event than a person or a town does: most of a day's news from
 * Ukraine names Russia. Its name counts this share of a name's weight.
 */
const COUNTRY_SHARE = 0.6
/** A word of a script without capitals, keyed as a name, counts this share of a name. */
const CASELESS_NAME_SHARE = 0.5
/** The headline says what the event is; its words count this much more than the paragraph's. */
const TITLE_WEIGHT = 1.6

export interface StoryFeatures {
  /** Feature key ("n:lksnk") → weight in this article, before IDF. */
  vector: Map<string, number>
  /** How a name, number or country key was written here, for "why grouped". */
  shown: Map<string, string>
  /**
   * One key per piece of evidence: a word (as its name skeleton when it is a name, else its stem)
   * or a number. A story needs two of them shared, so one word alone ("Louvre") does not join a
   * theft to a strike in the same museum.
   */
  evidence: Set<string>
  /**
   * The evidence keys that name places (countries, towns, provinces). However many an article
   * names, together they are one piece of evidence: "Kyiv" and "Ukraine" say where, not which of
   * the day's events there (a night's attack, a president's visit).
   */
  places: Set<string>
}

const STOP_WORDS = new Set(
  Object.values(stopWordData).flatMap((words: string | string[]) => (Array.isArray(words) ? words : [])),
)
const NUMBER = /^\d+$/
const CYRILLIC = /\p{Script=Cyrillic}/u
const ARABIC = /\p{Script=Arabic}/u
const HAS_LETTER = /\p{L}/u
/** Scripts written without spaces between words: their runs are segmented apart (unspaced-words.ts). */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u
/** The Arabic article and the clitics joined to it ("والزلزال", "بالمدينة"): one word with or without them. */
const ARABIC_ARTICLE = /^(?:وبال|وال|بال|فال|كال|لل|ال)(?=.{3})/u
/** "1,000", "1.000", "1 000" and "1000" are one number; "6,1" and "6.1" another. */
const THOUSANDS = /^\d{1,3}(?:[ \u00a0\u202f.,’']\d{3})+$/
const NUMBER_IN_TEXT = /\d{1,3}(?:[ \u00a0\u202f.,’']\d{3})+(?![\d])|\d+(?:[.,]\d+)?/g

/** The features of one article; pure. */
export function featuresOf(item: StoryItem): StoryFeatures {
  const vector = new Map<string, number>()
  const shown = new Map<string, string>()
  const evidence = new Set<string>()
  const places = new Set<string>()
  const add = (key: string, weight: number, display?: string): void => {
    vector.set(key, (vector.get(key) ?? 0) + weight)
    if (display !== undefined && !shown.has(key)) shown.set(key, display)
  }
  const text = item.text ?? ''
  const { tokens, titleCase } = tokeniseArticle(item.title, text)
  const capitalisedElsewhere = capitalisedKeys(tokens)
  const placeNames = placeIndex()
  // A name written right before another ("Alexander Stubb", "President Putin") is a given name or
  // a title: shared alone it says nothing about which event ("Alexander" Lukashenko and
  // "Alexander" Stubb), so a key seen only there is no piece of evidence of its own.
  const nameSeen = new Map<string, number>()
  const nameBeforeName = new Map<string, number>()
  let previousName: { key: string; index: number } | null = null
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.cjk || !HAS_LETTER.test(token.raw) || UNSPACED_SCRIPT.test(token.raw)) continue
    const zoneWeight = token.zone === 'title' ? TITLE_WEIGHT : 1
    const place = placeAt(tokens, index, placeNames)
    if (place !== null) {
      // A place named in any script or language is one key: "تركيا", "Turquía", "Turkey".
      add(`n:${place.key}`, placeWeight(place.key) * zoneWeight, place.written)
      evidence.add(`n:${place.key}`)
      places.add(`n:${place.key}`)
      index += place.words - 1
      continue
    }
    let folded = token.raw.toLowerCase()
    if (ARABIC.test(folded)) folded = foldPlaceWord(folded).replace(ARABIC_ARTICLE, '')
    if (STOP_WORDS.has(toLatin(folded)) || STOP_WORDS.has(folded)) continue
    const stemmed = CYRILLIC.test(folded) ? stemWord(folded, 'cyrillic') : folded
    const latin = toLatin(stemmed)
    if (latin.length < 3) continue
    const skeleton = isName(token, titleCase, capitalisedElsewhere) ? skeletonOf(latin) : ''
    if (skeleton.length >= 3 || (skeleton.length === 2 && latin.length >= 4)) {
      // A name counts once, as its skeleton (which meets its other spellings too): as a word and
      // its 4-grams as well, one name would weigh like three pieces of evidence.
      const key = `n:${skeleton}`
      add(key, EVIDENCE_WEIGHT.n * zoneWeight, token.raw)
      evidence.add(key)
      nameSeen.set(key, (nameSeen.get(key) ?? 0) + 1)
      if (previousName !== null && previousName.index === index - 1 && token.join === ' ')
        nameBeforeName.set(previousName.key, (nameBeforeName.get(previousName.key) ?? 0) + 1)
      previousName = { key, index }
    } else {
      const word = `w:${stemOfLatin(latin)}`
      add(word, EVIDENCE_WEIGHT.w * zoneWeight)
      for (const gram of fourGrams(latin)) add(`g:${gram}`, EVIDENCE_WEIGHT.g * zoneWeight)
      const caseless = caselessNameKey(folded)
      if (caseless === null) {
        evidence.add(word)
      } else {
        // Which words are names this script cannot say: each word is also keyed as a name would
        // be, weighed less, and is one piece of evidence under that key.
        add(caseless, EVIDENCE_WEIGHT.n * CASELESS_NAME_SHARE * zoneWeight, token.raw)
        evidence.add(caseless)
      }
    }
  }
  for (const [key, count] of nameBeforeName) {
    if (count === nameSeen.get(key)) evidence.delete(key)
  }
  for (const [zone, run] of [['title', item.title] as const, ['text', text] as const]) {
    const zoneWeight = zone === 'title' ? TITLE_WEIGHT : 1
    for (const found of unspacedWords(run, item.lang ?? null, placeNames)) {
      const kindWeight = found.guessed
        ? EVIDENCE_WEIGHT.n * CASELESS_NAME_SHARE
        : found.kind === 'n'
          ? placeWeight(found.key)
          : EVIDENCE_WEIGHT[found.kind]
      const weight = kindWeight * zoneWeight
      add(`${found.kind}:${found.key}`, weight, found.kind === 'n' ? found.written : undefined)
      if (found.kind !== 'g') evidence.add(`${found.kind}:${found.key}`)
      if (found.kind === 'n' && !found.guessed) places.add(`n:${found.key}`)
    }
  }
  for (const [key, display] of numbersOf(`${item.title}\n${text}`)) {
    add(key, EVIDENCE_WEIGHT.d, display)
    evidence.add(key)
  }
  for (const code of item.countries ?? [])
    add(`c:${code.toUpperCase()}`, EVIDENCE_WEIGHT.c, code.toUpperCase())
  return { vector, shown, evidence, places }
}

/**
 * The longest place name starting at this token, in any language of the list. In a script with
 * case the name must be capitalised ("Turkey", not "turkey"; "Chad", not "chad").
 */
function placeAt(
  tokens: Token[],
  start: number,
  places: PlaceIndex,
): { key: string; words: number; written: string } | null {
  const first = tokens[start]!
  const cased = first.raw.toLowerCase() !== first.raw.toUpperCase()
  if (cased && !first.capital) return null
  let words: string[] = []
  const longest = Math.min(places.maxWords, tokens.length - start)
  for (let count = 1; count <= longest; count++) {
    const token = tokens[start + count - 1]!
    if (count > 1 && (token.join !== ' ' || token.zone !== first.zone)) break
    words = [...words, foldPlaceWord(token.raw)]
  }
  for (let count = words.length; count >= 1; count--) {
    const head = words.slice(0, count - 1)
    const last = words[count - 1]!
    const forms = count === 1 ? placeWordForms(last) : [last]
    for (const form of forms) {
      const key = places.spaced.get([...head, placeStem(form)].join(' '))
      if (key === undefined) continue
      const written = tokens
        .slice(start, start + count)
        .map((token) => token.raw)
        .join(' ')
      return { key, words: count, written }
    }
  }
  return null
}

/**
 * A word of Arabic script (no capitals, no short vowels) keyed as a name: the skeleton of its
 * letters, if long enough to say something (three consonants).
 */
function caselessNameKey(folded: string): string | null {
  const latin = caselessToLatin(folded)
  if (latin === null) return null
  const skeleton = skeletonOf(latin)
  return skeleton.length >= 3 || (skeleton.length === 2 && latin.length >= 4) ? `n:${skeleton}` : null
}

/** Countries are `@` and two capitals ("@TR"); towns the skeleton of their Latin name. */
function placeWeight(key: string): number {
  return /^@[A-Z]{2}$/.test(key) ? EVIDENCE_WEIGHT.n * COUNTRY_SHARE : EVIDENCE_WEIGHT.n
}

/** A crude stem that only needs to be consistent: a plural's s dropped, long words cut at 8 letters. */
function stemOfLatin(latin: string): string {
  const singular = latin.length > 4 && latin.endsWith('s') ? latin.slice(0, -1) : latin
  return singular.slice(0, 8)
}

/**
 * A capitalised word not at the start of a sentence is a name; in a title-case headline
 * ("Three Killed As Russia Pounds Kyiv") only if the text capitalises it too. German capitalises
 * every noun: those "names" cost little, as they meet only German words and IDF weighs them.
 */
function isName(token: Token, titleCase: boolean, capitalisedElsewhere: Set<string>): boolean {
  if (!token.capital) return false
  if (token.allCaps && token.raw.length <= 1) return false
  const key = token.raw.toLowerCase()
  if (token.zone === 'title' && titleCase) return capitalisedElsewhere.has(key)
  if (token.sentenceStart) return capitalisedElsewhere.has(key)
  return true
}

function capitalisedKeys(tokens: Token[]): Set<string> {
  const keys = new Set<string>()
  for (const token of tokens) {
    if (token.capital && !token.sentenceStart && token.zone !== 'title') keys.add(token.raw.toLowerCase())
  }
  return keys
}

function fourGrams(latin: string): string[] {
  const padded = `_${latin}_`
  if (padded.length <= 4) return [padded]
  const grams: string[] = []
  for (let i = 0; i + 4 <= padded.length; i++) grams.push(padded.slice(i, i + 4))
  return grams
}

/**
 * Numbers as one form whatever the language's separators and words, with the form the text used:
 * "1,000", "1.000", "1 000", "1 тыс.", "1000" are one; "11,20" and "11.2" one; a scale word after a
 * number counts ("3 tys.", "45 mil", "3mila", "11 lakh" and "1,1 Millionen"), and so does a small
 * number word before one ("two million", "zwei Millionen") or an Arabic dual ("مليوني").
 */
export function numbersOf(text: string): Map<string, string> {
  const found = new Map<string, string>()
  const western = westernDigits(text)
  let consumedUntil = 0
  for (const match of western.matchAll(NUMBER_IN_TEXT)) {
    const raw = match[0]
    const start = match.index ?? 0
    // The digits after a unit of ten thousand ("5万6000") were read with it.
    if (start < consumedUntil) continue
    const value = THOUSANDS.test(raw) ? raw.replace(/\D/g, '') : withoutTrailingZeros(raw.replace(',', '.'))
    const end = start + raw.length
    const unit = scaleOf(western[end])
    let normal: string
    let written = raw
    if (unit !== 1) {
      const rest = /^\d{1,4}(?!\d)/.exec(western.slice(end + 1))?.[0]
      normal = timesScale(value, unit, rest === undefined ? 0 : Number(rest))
      if (rest !== undefined) {
        consumedUntil = end + 1 + rest.length
        written = western.slice(start, consumedUntil)
      }
    } else {
      const scale = scaleWordAfter(western, end)
      normal = scale === null ? value.replace(/^0+(?=\d)/, '') : timesScale(value, scale.factor, 0)
      if (scale !== null) written = western.slice(start, end + scale.length)
    }
    // One digit alone ("3 dead", "1 metre") is too common to tie two articles together.
    if (NUMBER.test(normal) && normal.length < 2) continue
    found.set(`d:${normal}`, written)
  }
  for (const match of western.matchAll(NUMBER_WORDS)) {
    const [written, count, scale] = match
    const factor = SCALE_WORDS.get(foldNumberWord(scale!))
    const times = COUNT_WORDS.get(foldNumberWord(count!))
    if (factor === undefined || times === undefined) continue
    found.set(`d:${timesScale(String(times), factor, 0)}`, written.trim())
  }
  for (const match of western.matchAll(DUAL_WORDS)) {
    const value = DUALS.get(foldNumberWord(match[0]))
    if (value !== undefined) found.set(`d:${value}`, match[0])
  }
  return found
}

const SCALE_WORDS = new Map(Object.entries(numberWordData.scales))
const COUNT_WORDS = new Map(Object.entries(numberWordData.counts))
const DUALS = new Map(Object.entries(numberWordData.duals))
/** A word right after a number, joined to it or one space away ("3mila", "3 tys.", "1,2 тыс."). */
const WORD_AFTER = /^[ \u00a0\u202f]?([\p{L}]+)(\.?)/u
const NOT_A_LETTER_BEFORE = '(?<![\\p{L}\\p{M}])'
const NOT_A_LETTER_AFTER = '(?![\\p{L}\\p{M}])'
const NUMBER_WORDS = wordsPattern(
  `(${alternation(COUNT_WORDS.keys())})[ \u00a0]+(${alternation(SCALE_WORDS.keys())})\\.?`,
)
const DUAL_WORDS = wordsPattern(`(?:${alternation(DUALS.keys())})`)

function wordsPattern(core: string): RegExp {
  return new RegExp(`${NOT_A_LETTER_BEFORE}${core}${NOT_A_LETTER_AFTER}`, 'giu')
}

function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}

function foldNumberWord(word: string): string {
  return word.toLowerCase().replace(/\.$/, '')
}

function scaleWordAfter(text: string, end: number): { factor: number; length: number } | null {
  const match = WORD_AFTER.exec(text.slice(end, end + 24))
  if (match === null) return null
  const factor = SCALE_WORDS.get(match[1]!.toLowerCase())
  return factor === undefined ? null : { factor, length: match[0].length }
}

/** "11,20" and "11.2" are one number; "6.0" keeps its point (agencies write a magnitude so). */
function withoutTrailingZeros(decimal: string): string {
  return /\.\d*[1-9]0+$/.test(decimal) ? decimal.replace(/0+$/, '') : decimal
}

/** Decimal digits of every script, by the code point of their zero: Arabic-Indic, Persian, Devanagari, Bengali, Thai, Myanmar, full width. */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1040, 0xff10]
const OTHER_DIGIT =
  /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\u1040-\u1049\uff10-\uff19\u066b\u066c\uff0e]/gu
/** Separators written with those digits: the Arabic decimal and thousands marks, the full-width point. */
const OTHER_SEPARATORS: Record<string, string> = { '\u066b': '.', '\u066c': ',', '\uff0e': '.' }

/** The text with every decimal digit written 0-9, one character for one, so offsets stay: "٥٫٨" → "5.8". */
export function westernDigits(text: string): string {
  return text.replace(OTHER_DIGIT, (character) => {
    const separator = OTHER_SEPARATORS[character]
    if (separator !== undefined) return separator
    const code = character.codePointAt(0) ?? 0
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9) ?? code
    return String(code - zero)
  })
}

/** Chinese and Japanese write large numbers in units of ten thousand: "1.2万" is 12000. */
const UNIT_SCALE: Record<string, number> = {
  万: 10_000,
  萬: 10_000,
  千: 1000,
  亿: 100_000_000,
  億: 100_000_000,
}

function scaleOf(next: string | undefined): number {
  return next === undefined ? 1 : (UNIT_SCALE[next] ?? 1)
}

function timesScale(value: string, scale: number, plus: number): string {
  const number = Number(value) * scale + plus
  return Number.isFinite(number) ? String(Math.round(number)) : value
}
