import { readLexicon } from './lexicon-source'
import type { StemFamily } from './stems'

/** What a name is evidence of. `stop` names nothing (Latin America, the Sahel) but hides its words. */
export type EvidenceKind = 'name' | 'alias' | 'metonym' | 'demonym' | 'capital' | 'region' | 'town' | 'stop'

/** How a written form must be capitalised in the text to count: "US" not "us", "Turkey" not "turkey". */
export type CaseRule = 'exact' | 'capital' | 'any'

export interface Candidate {
  code: string
  kind: EvidenceKind
  /** People living there (towns, regions) or in the country's towns; the prior between homonyms. */
  people: number
  /** GeoNames first-level division ("TX" of US.TX), for towns and regions. */
  admin: string | null
  caseRule: CaseRule
}

export interface NameIndex {
  entries: Map<string, Candidate[]>
  /** Every key and every token prefix of one, so a scan stops as soon as no longer name can match. */
  prefixes: Set<string>
}

export interface Lexicon {
  exact: NameIndex
  stems: Map<StemFamily, NameIndex>
  countryNames: Map<string, string>
  /** Folded words that are also everyday lower-case English ("police", "turkey", "chad"). */
  commonWords: Set<string>
  companyCues: Set<string>
  placeFollowers: Set<string>
  functionWords: Set<string>
  locatives: Set<string>
  /** Cities that often stand for an international body (Brussels for the EU), as folded keys. */
  organisationSeats: Set<string>
}

export const KIND_RANK: Record<EvidenceKind, number> = {
  stop: 0,
  name: 1,
  alias: 2,
  metonym: 3,
  capital: 4,
  demonym: 5,
  region: 6,
  town: 7,
}

let cached: Lexicon | null = null

/**
 * The lexicon, read once and kept for the life of the process: in the app's bundle as built at
 * build time, elsewhere (tests, tools run from the source) built from the gazetteer on first use.
 */
export function getLexicon(): Lexicon {
  cached ??= readLexicon()
  return cached
}
