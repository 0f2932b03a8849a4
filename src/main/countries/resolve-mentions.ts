import type { Mention } from './find-mentions'
import { KIND_RANK, type Candidate, type EvidenceKind, type Lexicon } from './lexicon'
import type { Token, Zone } from './tokens'

/** A mention after disambiguation: the one country it stands for, and how much it says. */
export interface Evidence {
  code: string
  kind: EvidenceKind
  zone: Zone
  weight: number
  /** A town or region we are sure of: big, confirmed by its region, or its country is named. */
  settled: boolean
}

/** Town populations above which a name stands on its own in international news. */
const BIG_TOWN = 100_000
/** Kinds that name the country itself rather than a place in it. */
const COUNTRY_KINDS = new Set<EvidenceKind>(['name', 'alias', 'metonym', 'demonym', 'capital'])
/** "Neighbouring Ghana", "Landlocked Chad": a sentence may open with a word describing the place. */
const DESCRIPTIVE_ENDING = /(ing|ed|ly|ern|ful|ous|ive|ic|al)$/
/** How many tokens either side of a mention to look for a company cue ("the South Korean giant"). */
const CUE_WINDOW = 3

interface Context {
  tokens: Token[]
  mentions: Mention[]
  lexicon: Lexicon
  titleCase: boolean
  /** German capitalises every noun, so a capitalised neighbour says nothing about a person's name. */
  capitalisesNouns: boolean
  /** English (or text in no language we stem): capitals mark names and little else. */
  english: boolean
}

/**
 * Chooses one country per mention, then drops the mentions that are not about a country: people
 * named like places (Chad Smith, Michael Jordan), towns nothing else supports, companies' homes.
 */
export function resolveMentions(
  tokens: Token[],
  mentions: Mention[],
  lexicon: Lexicon,
  options: { titleCase: boolean; capitalisesNouns: boolean; english: boolean },
): Evidence[] {
  const { titleCase } = options
  const context: Context = { tokens, mentions, lexicon, ...options }
  // Words naming a country ("Russia Ukraine talks") are no surname; a town's name may be (Miller).
  const countryWords = new Array<boolean>(tokens.length).fill(false)
  for (const mention of mentions) {
    if (!mention.candidates.some((candidate) => COUNTRY_KINDS.has(candidate.kind))) continue
    for (let i = mention.start; i < mention.start + mention.length; i += 1) countryWords[i] = true
  }
  const live = mentions.filter(
    (mention) =>
      !mention.candidates.some((candidate) => candidate.kind === 'stop') &&
      !isPersonName(mention, context, countryWords),
  )
  const pinned = pinByRegion(live, tokens)
  const support = supportOf(live)
  const chosen = live.map((mention) => pinned.get(mention) ?? choose(mention.candidates, support))

  const anchored = new Map<string, number>()
  // Distinct towns and regions per first-level division: two of them (Kramatorsk and Sloviansk)
  // vouch for each other; "Harper" six times is one name, maybe a surname, and two small towns
  // of one country in different corners of it are likely a coincidence.
  const townNames = new Map<string, Set<string>>()
  live.forEach((mention, i) => {
    const candidate = chosen[i]
    if (candidate === undefined) return
    if (lexicon.organisationSeats.has(mention.surface)) return
    if (COUNTRY_KINDS.has(candidate.kind) && !mention.common) {
      anchored.set(candidate.code, (anchored.get(candidate.code) ?? 0) + 1)
    } else if (!COUNTRY_KINDS.has(candidate.kind)) {
      if (mention.common) return
      const division = divisionOf(candidate)
      const names = townNames.get(division) ?? new Set<string>()
      names.add(mention.surface)
      townNames.set(division, names)
    }
  })
  const anyCountryNamed = anchored.size > 0

  const evidence: Evidence[] = []
  live.forEach((mention, i) => {
    const candidate = chosen[i]
    const first = tokens[mention.start]
    if (candidate === undefined || first === undefined) return
    const named = (anchored.get(candidate.code) ?? 0) > 0
    if (!named && lexicon.organisationSeats.has(mention.surface)) return
    if (
      mention.common &&
      !named &&
      (first.zone === 'title' && titleCase ? true : !COUNTRY_KINDS.has(candidate.kind))
    ) {
      // "Turkey Prices Soar" or "Police said": an everyday word, unless the country is named as well.
      return
    }
    let settled = true
    if (!COUNTRY_KINDS.has(candidate.kind)) {
      settled =
        pinned.has(mention) ||
        named ||
        (townNames.get(divisionOf(candidate))?.size ?? 0) >= 2 ||
        (candidate.people >= BIG_TOWN && !mention.common)
      if (!settled && (anyCountryNamed || !standsAlone(mention, context))) return
    }
    evidence.push({
      code: candidate.code,
      kind: candidate.kind,
      zone: first.zone,
      weight: isPassing(mention, context) ? PASSING : 1,
      settled,
    })
  })
  return evidence
}

/** A company's or a lab's home named in passing ("Samsung, the South Korean giant") says little. */
const PASSING = 0.25

function isPassing(mention: Mention, { tokens, lexicon }: Context): boolean {
  const from = Math.max(0, mention.start - CUE_WINDOW)
  const to = Math.min(tokens.length - 1, mention.start + mention.length - 1 + CUE_WINDOW)
  for (let i = from; i <= to; i += 1) {
    if (i >= mention.start && i < mention.start + mention.length) continue
    const token = tokens[i]
    if (token === undefined) continue
    if (lexicon.companyCues.has(token.key) && sameSentence(tokens, i, mention.start)) return true
  }
  return false
}

function sameSentence(tokens: Token[], a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a]
  for (let i = from + 1; i <= to; i += 1) {
    const token = tokens[i]
    if (token === undefined || token.sentenceStart || token.zone !== tokens[from]?.zone) return false
  }
  return true
}

/**
 * A one-word place name inside a run of capitalised words is usually a person's name: "Chad Smith",
 * "Michael Jordan", "Paris Hilton". Words that often follow a place (River, President, Times) and
 * other places ("Russia Ukraine talks") do not count as such a run.
 */
function isPersonName(
  mention: Mention,
  { tokens, lexicon, titleCase, capitalisesNouns, english }: Context,
  countryWords: boolean[],
): boolean {
  if (mention.length !== 1 || capitalisesNouns) return false
  if (mention.candidates.every((candidate) => candidate.kind === 'demonym')) return false
  const token = tokens[mention.start]
  if (token === undefined || token.cjk || !token.capital || token.allCaps) return false
  const inTitleCase = token.zone === 'title' && titleCase
  const next = tokens[mention.start + 1]
  const nameLike = (other: Token | undefined, index: number): boolean =>
    other !== undefined &&
    other.capital &&
    !other.allCaps &&
    !countryWords[index] &&
    !lexicon.placeFollowers.has(other.key) &&
    !lexicon.functionWords.has(other.key) &&
    other.zone === token.zone
  if (
    !inTitleCase &&
    next !== undefined &&
    !next.sentenceStart &&
    next.join === ' ' &&
    nameLike(next, mention.start + 1)
  ) {
    return true
  }
  // At a sentence's start, "Tom Holland" is a name in English, where titles are not capitalised,
  // but "Президент Беларуси" or "Prezydent Białorusi" is a title and a country.
  const previous = tokens[mention.start - 1]
  return (
    !token.sentenceStart &&
    token.join === ' ' &&
    previous !== undefined &&
    (english
      ? !(previous.sentenceStart && DESCRIPTIVE_ENDING.test(previous.key))
      : !previous.sentenceStart) &&
    nameLike(previous, mention.start - 1)
  )
}

/**
 * "Paris, Texas", "Kramatorsk, Donetsk region": a town followed by its region or country is that
 * region's town, and is certain.
 */
function pinByRegion(mentions: Mention[], tokens: Token[]): Map<Mention, Candidate> {
  const pinned = new Map<Mention, Candidate>()
  mentions.forEach((mention, i) => {
    const next = mentions[i + 1]
    if (next === undefined || next.start !== mention.start + mention.length) return
    if (tokens[next.start]?.join !== ' , ') return
    const towns = mention.candidates.filter(
      (candidate) => candidate.kind === 'town' || candidate.kind === 'region',
    )
    for (const outer of next.candidates) {
      const inside = towns.find(
        (town) =>
          town.code === outer.code &&
          (outer.kind !== 'region' ||
            outer.admin === null ||
            town.admin === null ||
            town.admin === outer.admin),
      )
      if (inside !== undefined && (COUNTRY_KINDS.has(outer.kind) || outer.kind === 'region')) {
        pinned.set(mention, inside)
        pinned.set(next, outer)
        return
      }
    }
  })
  return pinned
}

interface Support {
  /** Unambiguous evidence naming the country itself. */
  country: Map<string, number>
  /** Unambiguous towns and regions, by country and by first-level division ("US.GA"). */
  places: Map<string, number>
  divisions: Map<string, number>
}

/**
 * Each distinct name counts once, however often it is repeated, and a town counts in proportion to
 * its size up to a big town: five mentions of a village of 5,000 (Tottenham, Ontario) must not turn
 * London into a Canadian city, where one Atlanta makes Georgia the state.
 */
function supportOf(mentions: Mention[]): Support {
  const support: Support = { country: new Map(), places: new Map(), divisions: new Map() }
  const seen = new Set<string>()
  for (const mention of mentions) {
    if (mention.common || seen.has(mention.surface)) continue
    seen.add(mention.surface)
    const codes = new Set(mention.candidates.map((candidate) => candidate.code))
    const first = mention.candidates[0]
    if (first !== undefined && codes.size === 1 && COUNTRY_KINDS.has(first.kind)) {
      bump(support.country, first.code)
      continue
    }
    const place = dominantPlace(mention.candidates)
    if (place === null) continue
    const strength = Math.min(1, place.candidate.people / BIG_TOWN) * place.share
    bump(support.places, place.candidate.code, strength)
    const admin = place.candidate.admin
    if (admin !== null) bump(support.divisions, `${place.candidate.code}.${admin}`, strength)
  }
  return support
}

/**
 * The place a town's name most likely means, and with what share of the people living in places
 * of that name: Savannah is Savannah, Georgia (146,000) more than Ghana's Savannah Region. A name
 * that is also a country's (Georgia) gives no place support; no place holding half gives none.
 */
function dominantPlace(candidates: Candidate[]): { candidate: Candidate; share: number } | null {
  if (candidates.some((candidate) => COUNTRY_KINDS.has(candidate.kind))) return null
  const biggest = new Map<string, Candidate>()
  for (const candidate of candidates) {
    const known = biggest.get(candidate.code)
    if (known === undefined || candidate.people > known.people) biggest.set(candidate.code, candidate)
  }
  let top: Candidate | undefined
  let total = 0
  for (const candidate of biggest.values()) {
    total += candidate.people
    if (top === undefined || candidate.people > top.people) top = candidate
  }
  if (top === undefined || total === 0) return null
  const share = top.people / total
  return share >= 0.5 ? { candidate: top, share } : null
}

/**
 * The prior reading (a country's own name before a region or town of the same spelling, then the
 * more populous) unless the rest of the text clearly supports another: by at least half of what a
 * named country or one big town gives, so a trace of support cannot overturn the prior.
 */
function choose(candidates: Candidate[], support: Support): Candidate | undefined {
  let prior: Candidate | undefined
  for (const candidate of candidates)
    if (prior === undefined || priorBefore(candidate, prior)) prior = candidate
  if (prior === undefined) return undefined
  let best = prior
  let bestScore = supportFor(prior, support) + CLEAR_SUPPORT
  for (const candidate of candidates) {
    const score = supportFor(candidate, support)
    if (score > bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}

const CLEAR_SUPPORT = 0.5

function supportFor(candidate: Candidate, support: Support): number {
  const country = support.country.get(candidate.code) ?? 0
  const places = support.places.get(candidate.code) ?? 0
  if (COUNTRY_KINDS.has(candidate.kind)) return country + 0.5 * places
  const division =
    candidate.admin === null ? 0 : (support.divisions.get(`${candidate.code}.${candidate.admin}`) ?? 0)
  // A region named like a country (Georgia, US.GA) needs its own towns to win, not the country's name;
  // and a small place is a less likely reading than a big one: Delhi, New York (3,000 people) does
  // not take Delhi from India because the story also names the United States.
  const plausibility = Math.min(1, candidate.people / BIG_TOWN)
  return plausibility * (2 * division + places + (candidate.kind === 'town' ? country : 0.5 * country))
}

function priorBefore(a: Candidate, b: Candidate): boolean {
  const countryA = COUNTRY_KINDS.has(a.kind)
  const countryB = COUNTRY_KINDS.has(b.kind)
  if (countryA !== countryB) return countryA
  if (countryA && KIND_RANK[a.kind] !== KIND_RANK[b.kind]) return KIND_RANK[a.kind] < KIND_RANK[b.kind]
  return a.people > b.people
}

/**
 * A small town nothing else supports counts only when the story gives it the air of a dateline: in
 * the headline or the opening, or after "in", "near", "outside".
 */
function standsAlone(mention: Mention, { tokens, lexicon }: Context): boolean {
  if (mention.common || !clearlyOneCountry(mention.candidates)) return false
  const first = tokens[mention.start]
  if (first === undefined) return false
  if (first.zone !== 'body') return true
  const previous = tokens[mention.start - 1]
  return previous !== undefined && first.join !== null && lexicon.locatives.has(previous.key)
}

/**
 * A small town's name found in several countries (Douglas, Victoria) is more likely a person's:
 * alone, it counts only when one country has it, or one country's is far the biggest.
 */
function clearlyOneCountry(candidates: Candidate[]): boolean {
  const biggest = new Map<string, number>()
  for (const candidate of candidates) {
    biggest.set(candidate.code, Math.max(biggest.get(candidate.code) ?? 0, candidate.people))
  }
  const sizes = [...biggest.values()].sort((a, b) => b - a)
  return sizes.length <= 1 || (sizes[0] ?? 0) >= DOMINANT_TOWN * (sizes[1] ?? 0)
}

/** How many times bigger a town must be than its namesakes abroad to be the one meant. */
const DOMINANT_TOWN = 5

function divisionOf(candidate: Candidate): string {
  return `${candidate.code}.${candidate.admin ?? ''}`
}

function bump(map: Map<string, number>, key: string, amount = 1): void {
  map.set(key, (map.get(key) ?? 0) + amount)
}
