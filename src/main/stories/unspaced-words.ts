import { simplifiedHan } from './han-variants'
import type { PlaceIndex } from './place-names'
import { pinyinOf } from './pinyin'
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
const ONLY_HAN = /^\p{Script=Han}{2,}$/u
/**
 * Characters that end a run of unknown single characters as a name: administrative and water
 * suffixes (省 市 县 州 区 镇 村 河 江 湖 山 岛) and the commonest function characters (和 与 及 的 在 了
 * 是 为 被 将 对 向 从 等 人 称 说 致 后 中).
 */
const NAME_BREAK =
  /[省市县縣州区區镇鎮村河江湖山岛島和与與及的在了是为為被将將对對向从從等人称稱说說致后後中]/u
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
  // A name the dictionary does not know comes out one character a segment (巴|格|兰|省): the run
  // of such characters is the name, up to a character that ends a place (省, 市) or joins words (和).
  let unknown = ''
  const flushUnknown = (): void => {
    if ([...unknown].length >= 2) found.push(...pinyinNames(simplifiedHan(unknown)))
    unknown = ''
  }
  for (const segment of segmenter(locale).segment(piece)) {
    const single = [...segment.segment].length === 1 && HAN.test(segment.segment)
    if (locale === 'zh' && single && !NAME_BREAK.test(segment.segment)) {
      unknown += segment.segment
      continue
    }
    flushUnknown()
    const word = segment.segment.replace(ADMIN_SUFFIX, '$1')
    if (!segment.isWordLike || [...word].length < 2 || ONLY_HIRAGANA.test(word)) continue
    found.push({ kind: 'w', key: simplifiedHan(word), written: word })
    if (KATAKANA.test(word) && [...word].length >= 3) found.push(...katakanaNames(word))
    else if (locale === 'zh' && ONLY_HAN.test(word)) found.push(...pinyinNames(simplifiedHan(word)))
  }
  flushUnknown()
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
  return guessedNames(word, [latin, latin.replace(/r/g, 'l')], 2)
}

/**
 * A Chinese word as a name's skeleton, by the pinyin of its characters: Chinese has no capitals to
 * say which words are names, so every word is keyed so, weighed as a guess. Chinese writes a Latin
 * r with an l (内罗毕 neiluobi, Nairobi), so a word with an l gives both skeletons. Three
 * consonants at least: two-syllable words give many short keys that would meet names by chance.
 */
function pinyinNames(word: string): UnspacedKey[] {
  const latin = pinyinOf(word)
  if (latin === null) return []
  return guessedNames(word, [latin, latin.replace(/l/g, 'r')], 3)
}

function guessedNames(word: string, readings: string[], shortest: number): UnspacedKey[] {
  const skeletons = new Set(readings.map(skeletonOf))
  return [...skeletons]
    .filter(
      (skeleton) =>
        skeleton.length >= 3 || (shortest === 2 && skeleton.length === 2 && readings[0]!.length >= 4),
    )
    .map((skeleton) => ({ kind: 'n', key: skeleton, written: word, guessed: true }))
}
