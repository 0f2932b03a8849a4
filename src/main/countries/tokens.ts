/** Where in the article a word stands; the headline and the opening say most about what a story is about. */
export type Zone = 'title' | 'lead' | 'body'

export interface Token {
  /** Folded form used for look-ups: lower case, Latin diacritics removed. */
  key: string
  raw: string
  zone: Zone
  /** First letter is a capital (always false for scripts without case). */
  capital: boolean
  /** Every letter is a capital ("US", "DRC"). */
  allCaps: boolean
  /**
   * In capitals because of where it stands, not because it is an acronym: a dateline ("MOSUL, Iraq")
   * or a headline in capitals. Only then may "NATO" be read as a place written in capitals.
   */
  shouting: boolean
  /** One Han, Hiragana or Katakana character: these scripts put no spaces between words. */
  cjk: boolean
  /** First word of a sentence or a paragraph, where a capital says nothing. */
  sentenceStart: boolean
  /** How this token joins the previous one inside a name: ' ', ' , ', '' (CJK) or null (it cannot). */
  join: string | null
}

// Abbreviations with dots (U.S., U.A.E.) first, then runs of letters and digits.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+/gu
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u
const LATIN = /\p{Script=Latin}/u
const ASCII = /^[\x20-\x7e]*$/
const JOINABLE_GAP = /^[ \t\u00a0\-‐‑'’]+$/u
const COMMA_GAP = /^[ \t\u00a0]*,[ \t\u00a0]*$/u
const SENTENCE_END = /[.!?…:;"“”«»()[\]—–|]\s*$|^\s*[—–|]/u
const LATIN_EXTRA_LETTERS = /[łøßæœđıþ]/g
const LATIN_EXTRAS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ı: 'i',
  þ: 'th',
}
/** The lead is the first paragraphs up to about this many words: where a wire story says where it is. */
const LEAD_WORDS = 70
const LEAD_MAX_PARAGRAPHS = 3

/** The look-up form of a word, shared by the lexicon and the text so both fold the same way. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase()
  if (ASCII.test(lower)) return lower
  if (!LATIN.test(lower)) return lower.replace(/ё/g, 'е')
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(LATIN_EXTRA_LETTERS, (letter) => LATIN_EXTRAS[letter] ?? letter)
}

/** Latin letters that are not a base letter plus a mark (ł, ß, æ…), spelt as plain letters. */
export function plainLatinLetters(text: string): string {
  return text.replace(LATIN_EXTRA_LETTERS, (letter) => LATIN_EXTRAS[letter] ?? letter)
}

/** The tokens of one run of text (a headline or a paragraph). */
export function tokenise(text: string, zone: Zone): Token[] {
  const tokens: Token[] = []
  let previousEnd = 0
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0
    const gap = text.slice(previousEnd, start)
    previousEnd = start + match[0].length
    const pieces = ASCII.test(match[0]) || !CJK.test(match[0]) ? [match[0]] : splitCjk(match[0])
    pieces.forEach((raw, index) => {
      const previous = tokens[tokens.length - 1]
      const cjk = pieces.length > 1 ? CJK.test(raw) : !ASCII.test(raw) && CJK.test(raw)
      const join =
        previous === undefined
          ? null
          : index > 0
            ? previous.cjk && cjk
              ? ''
              : null
            : joinOf(gap, previous, cjk)
      const hasCase = raw.toLowerCase() !== raw.toUpperCase()
      tokens.push({
        key: foldWord(raw),
        raw,
        zone,
        capital: hasCase && raw[0] !== raw[0]?.toLowerCase(),
        allCaps: hasCase && raw === raw.toUpperCase() && /\p{L}/u.test(raw),
        shouting: false,
        cjk,
        sentenceStart: previous === undefined || (index === 0 && SENTENCE_END.test(gap)),
        join,
      })
    })
  }
  markShouting(tokens)
  return tokens
}

function markShouting(tokens: Token[]): void {
  tokens.forEach((token, index) => {
    if (!token.allCaps) return
    const neighbour = (other: Token | undefined): boolean => other?.allCaps === true && other.raw.length > 1
    // A dateline opens a paragraph and is set off by punctuation: "MOSUL, Iraq", "GAZA —".
    const dateline = index === 0 && token.zone !== 'title' && tokens[index + 1]?.join !== ' '
    token.shouting = dateline || neighbour(tokens[index - 1]) || neighbour(tokens[index + 1])
  })
}

function joinOf(gap: string, previous: Token, cjk: boolean): string | null {
  if (gap === '') return previous.cjk && cjk ? '' : ' '
  if (JOINABLE_GAP.test(gap)) return ' '
  if (COMMA_GAP.test(gap)) return ' , '
  return null
}

/** Han and kana runs are one token per character, so names are found inside unbroken text. */
function splitCjk(run: string): string[] {
  const pieces: string[] = []
  let latin = ''
  for (const character of run) {
    if (CJK.test(character)) {
      if (latin !== '') pieces.push(latin)
      latin = ''
      pieces.push(character)
    } else {
      latin += character
    }
  }
  if (latin !== '') pieces.push(latin)
  return pieces
}

/** The joined look-up key of a name as written in the data, or null if it has no letters. */
export function keyOfName(name: string): string | null {
  const tokens = tokenise(name, 'body')
  if (tokens.length === 0) return null
  let key = tokens[0]?.key ?? ''
  for (const token of tokens.slice(1)) key += (token.join ?? ' ') + token.key
  return key
}

export interface ArticleTokens {
  tokens: Token[]
  /** Whether the headline capitalises most words, so a capital there says nothing about a name. */
  titleCase: boolean
}

/** The headline and the body's paragraphs as one stream of tokens, each marked with its zone. */
export function tokeniseArticle(title: string, text: string): ArticleTokens {
  const titleTokens = tokenise(title, 'title')
  const tokens = [...titleTokens]
  let words = 0
  let paragraphs = 0
  for (const paragraph of text.split(/\n+/)) {
    if (paragraph.trim() === '') continue
    const zone: Zone = words < LEAD_WORDS && paragraphs < LEAD_MAX_PARAGRAPHS ? 'lead' : 'body'
    const paragraphTokens = tokenise(paragraph, zone)
    words += paragraphTokens.length
    paragraphs += 1
    tokens.push(...paragraphTokens)
  }
  return { tokens, titleCase: isTitleCase(titleTokens) }
}

function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((token) => token.raw.length >= 4 && !token.cjk && /^\p{L}+$/u.test(token.raw))
  if (words.length < 3) return false
  return words.filter((token) => token.capital).length / words.length >= 0.7
}
