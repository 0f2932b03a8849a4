import type { Candidate, CaseRule, EvidenceKind, Lexicon, NameIndex } from './lexicon'
import { STEM_FAMILIES, type StemFamily } from './stems'

/*
 * Building the lexicon from the gazetteer tokenises, folds and stems some 65,000 names: most of a
 * fresh extraction worker's start-up, which a person's first saved link waits for. The app's build
 * does that work once and ships the result as plain data in this shape; a worker only reads it back.
 *
 * Each distinct candidate is written once and named by its number, as the build shares one
 * candidate between the exact index and the stemmed ones (a later, larger town raises `people` for
 * both), and the read lexicon keeps that sharing.
 */

const KINDS: EvidenceKind[] = ['name', 'alias', 'metonym', 'demonym', 'capital', 'region', 'town', 'stop']
const CASE_RULES: CaseRule[] = ['exact', 'capital', 'any']
/** Fields per candidate in `PackedLexicon.candidates`: code, kind, people, admin, case rule. */
const CANDIDATE_FIELDS = 5
/** An admin field of a candidate without one. */
const NO_ADMIN = -1

interface PackedIndex {
  keys: string[]
  /** Per key, its candidates' numbers: one number when there is one candidate. */
  lists: (number | number[])[]
  /** The prefixes that are not keys themselves. */
  prefixes: string[]
}

export interface PackedLexicon {
  codes: string[]
  admins: string[]
  /** Flat: CANDIDATE_FIELDS numbers per candidate, codes and admins as their place in the lists above. */
  candidates: number[]
  exact: PackedIndex
  stems: Partial<Record<StemFamily, PackedIndex>>
  countryNames: [string, string][]
  commonWords: string[]
  companyCues: string[]
  placeFollowers: string[]
  functionWords: string[]
  locatives: string[]
  organisationSeats: string[]
}

/** The lexicon as JSON-safe data that `unpackLexicon` turns back into an equal lexicon. */
export function packLexicon(lexicon: Lexicon): PackedLexicon {
  const codes = new Numbering<string>()
  const admins = new Numbering<string>()
  const numbers = new Map<Candidate, number>()
  const candidates: number[] = []
  const numberOf = (candidate: Candidate): number => {
    const known = numbers.get(candidate)
    if (known !== undefined) return known
    const number = numbers.size
    numbers.set(candidate, number)
    candidates.push(
      codes.of(candidate.code),
      KINDS.indexOf(candidate.kind),
      candidate.people,
      candidate.admin === null ? NO_ADMIN : admins.of(candidate.admin),
      CASE_RULES.indexOf(candidate.caseRule),
    )
    return number
  }
  const packIndex = (index: NameIndex): PackedIndex => {
    const keys = [...index.entries.keys()]
    const lists = keys.map((key) => {
      const list = (index.entries.get(key) ?? []).map(numberOf)
      return list.length === 1 ? (list[0] ?? 0) : list
    })
    return { keys, lists, prefixes: [...index.prefixes].filter((prefix) => !index.entries.has(prefix)) }
  }
  const stems: Partial<Record<StemFamily, PackedIndex>> = {}
  for (const [family, index] of lexicon.stems) stems[family] = packIndex(index)
  return {
    exact: packIndex(lexicon.exact),
    stems,
    codes: codes.values,
    admins: admins.values,
    candidates,
    countryNames: [...lexicon.countryNames],
    commonWords: [...lexicon.commonWords],
    companyCues: [...lexicon.companyCues],
    placeFollowers: [...lexicon.placeFollowers],
    functionWords: [...lexicon.functionWords],
    locatives: [...lexicon.locatives],
    organisationSeats: [...lexicon.organisationSeats],
  }
}

/** The lexicon `packLexicon` was given, read back from its data. */
export function unpackLexicon(packed: PackedLexicon): Lexicon {
  const candidates: Candidate[] = []
  const fields = packed.candidates
  for (let at = 0; at < fields.length; at += CANDIDATE_FIELDS) {
    const admin = fields[at + 3] ?? NO_ADMIN
    candidates.push({
      code: packed.codes[fields[at] ?? 0] ?? '',
      kind: KINDS[fields[at + 1] ?? 0] ?? 'stop',
      people: fields[at + 2] ?? 0,
      admin: admin === NO_ADMIN ? null : (packed.admins[admin] ?? null),
      caseRule: CASE_RULES[fields[at + 4] ?? 0] ?? 'any',
    })
  }
  const candidateOf = (number: number): Candidate => {
    const candidate = candidates[number]
    if (candidate === undefined) throw new Error(`The packed lexicon names no candidate ${number}`)
    return candidate
  }
  const unpackIndex = (index: PackedIndex): NameIndex => {
    const entries = new Map<string, Candidate[]>()
    index.keys.forEach((key, position) => {
      const list = index.lists[position] ?? []
      entries.set(key, typeof list === 'number' ? [candidateOf(list)] : list.map(candidateOf))
    })
    return { entries, prefixes: new Set([...index.keys, ...index.prefixes]) }
  }
  const stems = new Map<StemFamily, NameIndex>()
  for (const family of STEM_FAMILIES) {
    const index = packed.stems[family]
    if (index !== undefined) stems.set(family, unpackIndex(index))
  }
  return {
    exact: unpackIndex(packed.exact),
    stems,
    countryNames: new Map(packed.countryNames),
    commonWords: new Set(packed.commonWords),
    companyCues: new Set(packed.companyCues),
    placeFollowers: new Set(packed.placeFollowers),
    functionWords: new Set(packed.functionWords),
    locatives: new Set(packed.locatives),
    organisationSeats: new Set(packed.organisationSeats),
  }
}

/** Numbers values in the order they are first met. */
class Numbering<T> {
  readonly values: T[] = []
  private readonly numbers = new Map<T, number>()

  of(value: T): number {
    let number = this.numbers.get(value)
    if (number === undefined) {
      number = this.values.length
      this.numbers.set(value, number)
      this.values.push(value)
    }
    return number
  }
}
