import type { Candidate, Lexicon, NameIndex } from './lexicon'
import { stemWord, type StemFamily } from './stems'
import type { Token } from './tokens'

const CYRILLIC = /[\u0400-\u04ff]/

/** One place name found in the text, before we decide which country it means. */
export interface Mention {
  /** Index of its first token and how many tokens it spans. */
  start: number
  length: number
  candidates: Candidate[]
  /** The folded words as written, joined ("the hague"), whatever index matched them. */
  surface: string
  /** A one-word name that is also an everyday lower-case English word ("Turkey", "Police", "Bath"). */
  common: boolean
}

/** Longest-first scan of the tokens against the lexicon: "South Sudan" before "Sudan". */
export function findMentions(
  tokens: Token[],
  lexicon: Lexicon,
  families: StemFamily[],
  masked: boolean[],
): Mention[] {
  const mentions: Mention[] = []
  const stemIndexes = families.flatMap((family) => {
    const index = lexicon.stems.get(family)
    if (index === undefined) return []
    // A Cyrillic stem can only meet a Cyrillic word, a Latin one a Latin word: skip the other script.
    const cyrillic = family === 'cyrillic'
    const stems = tokens.map((token) =>
      CYRILLIC.test(token.key) === cyrillic ? stemWord(token.key, family) : token.key,
    )
    return [{ index, keyOf: (position: number) => stems[position] ?? '' }]
  })
  const exactKey = (position: number): string => tokens[position]?.key ?? ''
  let position = 0
  while (position < tokens.length) {
    if (masked[position]) {
      position += 1
      continue
    }
    const found =
      longestMatch(tokens, position, lexicon.exact, exactKey, masked) ??
      adjectiveFirst(
        firstOf(stemIndexes, ({ index, keyOf }) => longestMatch(tokens, position, index, keyOf, masked)),
        tokens[position],
      )
    if (found === null) {
      position += 1
      continue
    }
    mentions.push({
      start: position,
      length: found.length,
      candidates: found.candidates,
      surface: surfaceOf(tokens, position, found.length),
      common: isCommon(tokens, position, found, lexicon),
    })
    position += found.length
  }
  return mentions
}

interface Match {
  length: number
  candidates: Candidate[]
}

function longestMatch(
  tokens: Token[],
  start: number,
  index: NameIndex,
  keyOf: (position: number) => string,
  masked: boolean[],
): Match | null {
  let best: Match | null = null
  let key = ''
  for (let end = start; end < tokens.length; end += 1) {
    const token = tokens[end]
    if (token === undefined || masked[end]) break
    if (end > start) {
      if (token.join === null) break
      key += token.join
    }
    key += keyOf(end)
    if (!index.prefixes.has(key)) break
    const entries = index.entries.get(key)
    if (entries === undefined) continue
    const fitting = entries.filter((candidate) => caseFits(candidate, tokens, start, end))
    if (fitting.length > 0) best = { length: end - start + 1, candidates: fitting }
  }
  return best
}

/** Town names of three letters or fewer (Aš, Of, Eu, Bar) are too easily something else. */
const SHORT_NAME = 3

/**
 * Whether the words matched are everyday words that happen to name a place: one dictionary word
 * ("Police", "Turkey"), a short town name, or a region named only with dictionary
 * words ("Western District"). A country's own several-word name ("United States") is never common.
 */
function isCommon(tokens: Token[], start: number, found: Match, lexicon: Lexicon): boolean {
  const words = tokens.slice(start, start + found.length)
  const everyday = words.every((token) => lexicon.commonWords.has(token.key))
  if (found.length === 1) {
    const token = words[0]
    const short = token !== undefined && !token.cjk && token.key.length <= SHORT_NAME
    const placesOnly = found.candidates.every(
      (candidate) => candidate.kind === 'town' || candidate.kind === 'region',
    )
    return everyday || (short && placesOnly)
  }
  // Towns keep their names (Fort Worth, Little Rock); a division named "Western District" does not.
  return everyday && found.candidates.every((candidate) => candidate.kind === 'region')
}

/**
 * In the declining languages a country's name and its adjective share a stem (Polska, polskie:
 * "polsk"; Slovensko, slovenská: "slovensk"). When a stem meets both in lower case or at a sentence's
 * start, it is read as the adjective, the weaker evidence: "Polskie władze" is not Poland's name.
 */
function adjectiveFirst(found: Match | null, first: Token | undefined): Match | null {
  // Mid-sentence, a capital tells the name (Běloruska, of Belarus) from the adjective (běloruská).
  if (found === null || (first?.capital === true && !first.sentenceStart)) return found
  const adjectives = new Set(
    found.candidates.filter((candidate) => candidate.kind === 'demonym').map((candidate) => candidate.code),
  )
  if (adjectives.size === 0) return found
  const candidates = found.candidates.filter(
    (candidate) => !adjectives.has(candidate.code) || candidate.kind === 'demonym',
  )
  return { ...found, candidates }
}

function surfaceOf(tokens: Token[], start: number, length: number): string {
  let surface = tokens[start]?.key ?? ''
  for (let i = start + 1; i < start + length; i += 1)
    surface += (tokens[i]?.join ?? ' ') + (tokens[i]?.key ?? '')
  return surface
}

function caseFits(candidate: Candidate, tokens: Token[], start: number, end: number): boolean {
  if (candidate.caseRule === 'any') return true
  const first = tokens[start]
  if (first === undefined || first.cjk) return true
  // "NATO" is not the town of Nato, nor "EU" the town of Eu: capitals mid-sentence mark an acronym.
  if (candidate.caseRule === 'capital')
    return first.capital && (!first.allCaps || first.shouting || first.raw.length > 5)
  for (let position = start; position <= end; position += 1) {
    const token = tokens[position]
    if (token !== undefined && !token.allCaps && /\p{L}/u.test(token.raw)) return false
  }
  return true
}

function firstOf<T, R>(items: T[], pick: (item: T) => R | null): R | null {
  for (const item of items) {
    const result = pick(item)
    if (result !== null) return result
  }
  return null
}
