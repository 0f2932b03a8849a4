import countryWords from './data/country-words.json'
import cues from './data/cues.json'
import gazetteer from './data/gazetteer.generated.json'
import places from './data/places.json'
import { inflectDemonym } from './inflect'
import type { Candidate, CaseRule, EvidenceKind, Lexicon, NameIndex } from './lexicon'
import { STEM_FAMILIES, stemWord, type StemFamily } from './stems'
import { foldWord, keyOfName, tokenise, type Token } from './tokens'

/** Evidence about a country's names is drawn from these kinds only; they are stemmed for inflected text. */
const STEMMED_KINDS = new Set<EvidenceKind>(['name', 'alias', 'metonym', 'demonym', 'capital'])

/** A capital smaller than this (Douglas, Victoria, Kingstown) counts only as a town. */
const BIG_CAPITAL = 100_000

interface CountryRecord {
  name: string
  names: Record<string, string[]>
  demonyms: Record<string, string[]>
  capitals: string[]
}

/**
 * The lexicon from the gazetteer and the hand-kept lists: every name, demonym and capital in each
 * form a text may write it (and stemmed for the languages that decline them), every town and region.
 */
export function buildLexicon(): Lexicon {
  const exact = newIndex()
  const stems = new Map<StemFamily, NameIndex>(STEM_FAMILIES.map((family) => [family, newIndex()]))
  const countries = gazetteer.countries as Record<string, CountryRecord>
  const people = gazetteer.townPopulationByCountry as Record<string, number>
  const countryNames = new Map<string, string>()

  const add = (form: string, candidate: Omit<Candidate, 'caseRule'>, stemmed = false): void => {
    const tokens = simpleTokens(form) ?? tokenise(form, 'body')
    if (tokens.length === 0) return
    const full: Candidate = { ...candidate, caseRule: caseRuleOf(tokens) }
    addToIndex(
      exact,
      tokens.map((token) => token.key),
      tokens,
      full,
    )
    if (!stemmed && !STEMMED_KINDS.has(candidate.kind)) return
    for (const family of STEM_FAMILIES) {
      if (!tokens.every((token) => fitsFamily(token, family))) continue
      const index = stems.get(family)
      if (index !== undefined)
        addToIndex(
          index,
          tokens.map((token) => stemWord(token.key, family)),
          tokens,
          full,
        )
    }
  }

  // Rows are sorted by population, so the first row of a name and country is its biggest town.
  const townSizes = new Map<string, number>()
  for (const row of gazetteer.towns.split('\n')) {
    const [name, code, , population] = row.split('\t')
    const key = `${code}|${name}`
    if (!townSizes.has(key)) townSizes.set(key, Number(population) || 0)
  }

  for (const [code, country] of Object.entries(countries)) {
    countryNames.set(code, country.name)
    const prior = people[code] ?? 0
    for (const list of Object.values(country.names)) {
      for (const name of list) add(name, { code, kind: 'name', people: prior, admin: null })
    }
    for (const list of Object.values(country.demonyms)) {
      for (const demonym of list.flatMap(inflectDemonym)) {
        add(demonym, { code, kind: 'demonym', people: prior, admin: null })
      }
    }
    for (const capital of country.capitals) {
      // The capital of a small territory (Douglas, Isle of Man; Victoria, Seychelles) is a name of
      // people and towns elsewhere: it stays a town, which needs support, and is no capital.
      const size = townSizes.get(`${code}|${capital}`)
      if (size === undefined || size >= BIG_CAPITAL)
        add(capital, { code, kind: 'capital', people: prior, admin: null })
    }
  }

  const words = countryWords.countries as Record<string, Partial<Record<string, string[]>>>
  for (const [code, lists] of Object.entries(words)) {
    if (!countryNames.has(code)) continue
    const prior = people[code] ?? 0
    for (const kind of ['alias', 'metonym', 'demonym', 'capital'] as const) {
      const forms = lists[kind] ?? []
      for (const form of kind === 'demonym' ? forms.flatMap(inflectDemonym) : forms) {
        add(form, { code, kind, people: prior, admin: null })
      }
    }
  }

  for (const [kind, rows] of [
    ['town', gazetteer.towns],
    ['region', gazetteer.regions],
  ] as const) {
    for (const row of rows.split('\n')) {
      const [name, code, admin, population] = row.split('\t')
      if (name === undefined || code === undefined || !countryNames.has(code)) continue
      add(name, { code, kind, people: Number(population) || 0, admin: admin || null })
    }
  }

  for (const [name, code, kind, population] of places.places as [string, string, string, number][]) {
    if (code === '') add(name, { code: '', kind: 'stop', people: 0, admin: null })
    else if (countryNames.has(code) && (kind === 'town' || kind === 'region')) {
      // The hand-kept places are few and newsworthy: worth stemming (Харкове, Lwowie).
      add(name, { code, kind, people: population, admin: null }, true)
    }
  }
  for (const phrase of cues.notCountries) add(phrase, { code: '', kind: 'stop', people: 0, admin: null })

  return {
    exact,
    stems,
    countryNames,
    commonWords: new Set([
      ...gazetteer.commonWords,
      ...foldedSet(cues.functionWords),
      ...foldedSet(cues.everydayWords.words),
    ]),
    companyCues: foldedSet(cues.companyCues),
    placeFollowers: foldedSet(cues.placeFollowers),
    functionWords: foldedSet(cues.functionWords),
    locatives: foldedSet(cues.locatives),
    organisationSeats: new Set(
      cues.organisationSeats.names.flatMap((name) => {
        const key = keyOfName(name)
        return key === null ? [] : [key]
      }),
    ),
  }
}

const SIMPLE_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/

/**
 * Most of the 60,000 town names are plain ASCII words; splitting them on spaces gives the same tokens
 * as the tokeniser at a fraction of the cost, which is most of the lexicon's start-up.
 */
function simpleTokens(name: string): Token[] | null {
  if (!SIMPLE_NAME.test(name)) return null
  return name.split(' ').map((raw, index) => ({
    key: raw.toLowerCase(),
    raw,
    zone: 'body',
    capital: raw[0] !== raw[0]?.toLowerCase(),
    allCaps: raw === raw.toUpperCase(),
    shouting: false,
    cjk: false,
    sentenceStart: index === 0,
    join: index === 0 ? null : ' ',
  }))
}

function newIndex(): NameIndex {
  return { entries: new Map(), prefixes: new Set() }
}

/** Keys join token keys the way the scanner joins the text's tokens: by their separators. */
function addToIndex(index: NameIndex, keys: string[], tokens: Token[], candidate: Candidate): void {
  let key = ''
  keys.forEach((part, position) => {
    key = position === 0 ? part : key + (tokens[position]?.join ?? ' ') + part
    index.prefixes.add(key)
  })
  const list = index.entries.get(key)
  if (list === undefined) {
    index.entries.set(key, [candidate])
    return
  }
  const same = list.find(
    (other) =>
      other.code === candidate.code && other.kind === candidate.kind && other.admin === candidate.admin,
  )
  if (same === undefined) list.push(candidate)
  else {
    same.people = Math.max(same.people, candidate.people)
    if (looser(candidate.caseRule, same.caseRule)) same.caseRule = candidate.caseRule
  }
}

function looser(a: CaseRule, b: CaseRule): boolean {
  const order: CaseRule[] = ['exact', 'capital', 'any']
  return order.indexOf(a) > order.indexOf(b)
}

/** Short all-capital forms are acronyms and must be written so; a capitalised name needs its capital. */
function caseRuleOf(tokens: Token[]): CaseRule {
  const first = tokens[0]
  if (first === undefined || first.cjk) return 'any'
  if (tokens.every((token) => token.allCaps && token.raw.replace(/\./g, '').length <= 5)) return 'exact'
  return first.capital ? 'capital' : 'any'
}

function fitsFamily(token: Token, family: StemFamily): boolean {
  const cyrillic = /\p{Script=Cyrillic}/u.test(token.raw)
  if (family === 'cyrillic') return cyrillic
  return !cyrillic && /\p{Script=Latin}/u.test(token.raw)
}

function foldedSet(words: string[]): Set<string> {
  return new Set(words.map(foldWord))
}
