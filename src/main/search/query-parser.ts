import { textForIndex } from './index-text'
import { foldForMatch, matchTokens } from './match-tokens'

/**
 * What a person types in the search box, turned into a safe FTS5 MATCH expression. Nothing they
 * type reaches FTS5 as syntax: every word and phrase goes in as a quoted string, which FTS5
 * tokenizes with the same tokenizer as the articles (folding diacritics the same way), so
 * `AND`, `NEAR(`, `col:`, `*` or a stray quote are just text.
 *
 *   kyiv talks        both words, anywhere (the last one also as a prefix while typing)
 *   "peace talks"     the words side by side
 *   -sanctions        articles without the word (or -"a phrase")
 */

/** More words than this are not searched (a pasted paragraph); the person is told. */
export const MAX_QUERY_TERMS = 24
/** A prefix of one letter would match most of the vocabulary; prefixes start at two. */
const MIN_PREFIX_CHARS = 2
const NOT_TEXT = /\p{Cc}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

export interface QueryTerm {
  /** As typed (without quotes), for messages. */
  text: string
  /** Folded words, as the snippet matcher compares them; several for a phrase. */
  words: string[]
  /** Whether the last word also matches longer words that start with it. */
  prefix: boolean
}

export interface ParsedQuery {
  include: QueryTerm[]
  exclude: QueryTerm[]
  /** FTS5 expression for the articles to find, or null when only exclusions were given. */
  match: string | null
  /** FTS5 expression for the articles to leave out, when only exclusions were given. */
  excludeOnly: string | null
  /** Any of the wanted terms, for a column filter (`{title} : (...)`); null with no wanted term. */
  headlineAny: string | null
  /** A sentence for the person when part of the query was set aside. */
  notice: string | null
}

interface RawTerm {
  text: string
  negated: boolean
  phrase: boolean
  /** Still being typed: the input ends inside this term. */
  open: boolean
}

export function parseQuery(input: string): ParsedQuery {
  // NUL ends a C string inside SQLite, and a lone surrogate is not text: both become spaces.
  const raw = splitTerms(input.replace(NOT_TEXT, ' ').normalize('NFC'))
  const include: QueryTerm[] = []
  const exclude: QueryTerm[] = []
  let dropped = 0
  for (const term of raw) {
    const words = matchTokens(term.text)
    if (words.length === 0) continue
    const last = words[words.length - 1]!
    const prefix = term.open && !term.negated && [...last].length >= MIN_PREFIX_CHARS
    const parsed: QueryTerm = { text: term.text, words: words.map(foldForMatch), prefix }
    const target = term.negated ? exclude : include
    if (include.length + exclude.length >= MAX_QUERY_TERMS) dropped++
    else target.push(parsed)
  }
  const notice =
    dropped > 0
      ? `Only the first ${MAX_QUERY_TERMS} words were searched; ${dropped} more were left out.`
      : null
  return { ...compose(include, exclude), notice }
}

/** A last word this short is a start being typed, never taken for the whole word (see below). */
const SHORT_PREFIX_CHARS = 3

/**
 * The same query with its last word exact instead of a prefix, when that word is longer than a
 * short start; null otherwise. The ranker uses it when the word itself is common: it is the word
 * meant, and its longer forms would add nothing that a headline-and-recency order shows first.
 * Beyond six characters it is also the cheaper query: the table's prefix indexes stop there, and
 * FTS5 then merges the doclist of every word starting with the prefix.
 */
export function withExactLastWord(query: ParsedQuery): ParsedQuery | null {
  const last = query.include[query.include.length - 1]
  if (!last?.prefix || [...last.words[last.words.length - 1]!].length <= SHORT_PREFIX_CHARS) return null
  const include = [...query.include.slice(0, -1), { ...last, prefix: false }]
  return { ...compose(include, query.exclude), notice: query.notice }
}

/**
 * The same query with each phrase loosened to its words, all required: it finds every article the
 * phrase finds, and more. Reading its newest matches stops early, where matching a phrase's
 * positions does not; null when the query has no phrase.
 */
export function withPhrasesAsWords(query: ParsedQuery): ParsedQuery | null {
  if (!query.include.some((term) => term.words.length > 1)) return null
  const include = query.include.flatMap((term) =>
    term.words.length === 1
      ? [term]
      : term.words.map((word, i) => ({
          text: word,
          words: [word],
          prefix: term.prefix && i === term.words.length - 1,
        })),
  )
  return { ...compose(include, query.exclude), notice: query.notice }
}

function compose(include: QueryTerm[], exclude: QueryTerm[]): Omit<ParsedQuery, 'notice'> {
  if (include.length === 0) {
    return { include, exclude, match: null, excludeOnly: anyOf(exclude), headlineAny: null }
  }
  const wanted = include.map(ftsString).join(' AND ')
  const match = exclude.length > 0 ? `(${wanted}) NOT (${anyOf(exclude)!})` : wanted
  return { include, exclude, match, excludeOnly: null, headlineAny: anyOf(include) }
}

/** Whether the query asks for anything at all. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.include.length === 0 && query.exclude.length === 0
}

function anyOf(terms: QueryTerm[]): string | null {
  return terms.length === 0 ? null : terms.map(ftsString).join(' OR ')
}

/**
 * One term as an FTS5 string. The text goes in as typed (minus quotes), so FTS5's tokenizer
 * splits and folds it exactly as it did the articles; CJK runs are segmented first, as they
 * were when indexed. A string of several tokens is a phrase.
 */
function ftsString(term: QueryTerm): string {
  const text = textForIndex(term.text).replaceAll('"', ' ')
  return `"${text}"${term.prefix ? '*' : ''}`
}

function splitTerms(input: string): RawTerm[] {
  const terms: RawTerm[] = []
  let i = 0
  while (i < input.length) {
    while (i < input.length && isSpace(input[i]!)) i++
    if (i >= input.length) break
    let negated = false
    if ((input[i] === '-' || input[i] === '+') && i + 1 < input.length && !isSpace(input[i + 1]!)) {
      negated = input[i] === '-'
      i++
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1)
      const end = close === -1 ? input.length : close
      terms.push({ text: input.slice(i + 1, end), negated, phrase: true, open: close === -1 })
      i = end + 1
      continue
    }
    let end = i
    while (end < input.length && !isSpace(input[end]!) && input[end] !== '"') end++
    terms.push({ text: input.slice(i, end), negated, phrase: false, open: end === input.length })
    i = end
  }
  return terms
}

function isSpace(char: string): boolean {
  return /\s/u.test(char)
}
