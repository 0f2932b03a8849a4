import agencyData from './data/agencies.json'
import wordData from './data/byline-words.json'

/*
 * The words of bylines in every language Dateline reads, from the data files, as lookups. Phrases
 * are compared in lower case with their spaces collapsed; the tables are built once per process.
 */

export interface Agency {
  name: string
  aliases: string[]
}

/**
 * The root locale's lower case. `toLowerCase()` is that mapping (the Unicode default), the same on
 * every code point as `toLocaleLowerCase('und')` (tests/unit/byline-matching.test.ts holds them
 * together), and is several times cheaper: a locale argument makes V8 look the locale up on every
 * call, and cleaning one byline lowers its words hundreds of times.
 */
const lower = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim()

/** Longest first, so "written by" is tried before "by" and "von unserem" before "von". */
const byLength = (phrases: string[]): string[] =>
  [...new Set(phrases.map(lower))].sort((a, b) => b.length - a.length)

export const bylineWords = {
  prefixes: byLength(wordData.prefixes),
  prefixesAlsoGivenNames: new Set(wordData.prefixesAlsoGivenNames.map(lower)),
  agencyWords: new Set(wordData.agencyWords.map(lower)),
  connectors: byLength(wordData.connectors),
  /** Connectors that are also letters or syllables ("y", "e", "i"): only between spaces. */
  spacedConnectors: new Set(wordData.connectorsNeedingSpaces.map(lower)),
  titles: byLength(wordData.titles),
  titleSet: new Set(wordData.titles.map(lower)),
  teamWords: new Set(wordData.teamWords.map(lower)),
  deskSections: new Set(wordData.deskSections.map(lower)),
  dateLabels: byLength(wordData.dateLabels),
  dateGlue: new Set(wordData.dateGlue.map(lower)),
  months: new Set(wordData.months.map(lower)),
  commentWords: new Set(wordData.commentWords.map(lower)),
  photoLabels: new Set(wordData.photoLabels.map(lower)),
  placeWords: new Set(wordData.placeWords.map(lower)),
  noise: new Set(wordData.noise.map(lower)),
  particles: new Set(wordData.nameParticles.map(lower)),
  suffixes: new Set(wordData.nameSuffixes.map(lower)),
  degrees: new Set(wordData.degrees.map(lower)),
  companySuffixes: new Set(wordData.companySuffixes.map(lower)),
  bioStarts: byLength(wordData.bioStarts),
  otherRoles: byLength(wordData.otherRoles),
  otherRoleLabels: byLength(wordData.otherRoleLabels),
  deskLabels: new Set(wordData.deskLabels.map(lower)),
  agencyCreditLabels: byLength(wordData.agencyCreditLabels),
  authorLabels: new Set(wordData.authorLabels.map(lower)),
  printedStarts: byLength(wordData.printedStarts),
  printedStartsBeforeTwoWords: new Set(wordData.printedStartsBeforeTwoWords.map(lower)),
  creditLabels: new Set(wordData.creditLabels.map(lower)),
  cjkTitles: byLength(wordData.cjkTitles),
  cjkReportMarks: byLength(wordData.cjkReportMarks),
  cjkHonorifics: byLength(wordData.cjkHonorifics),
  particlePrefixes: new Set(wordData.nameParticlePrefixes.map(lower)),
  organisationWords: byLength(wordData.organisationWords),
  newspaperEnds: new Set(wordData.newspaperEnds.map(lower)),
  organisationSuffixes: byLength(wordData.organisationSuffixes),
  cjkOrganisationEnds: byLength(wordData.cjkOrganisationEnds),
}

/** Short names (AP, PA, TT) match only as written; longer ones in any case. */
const SHORT_AGENCY_LENGTH = 3

interface AgencyIndex {
  exact: Map<string, Agency>
  folded: Map<string, Agency>
}

let agencyIndex: AgencyIndex | null = null

function indexAgencies(): AgencyIndex {
  const exact = new Map<string, Agency>()
  const folded = new Map<string, Agency>()
  for (const agency of agencyData.agencies) {
    for (const written of [agency.name, ...agency.aliases]) {
      const key = written.replace(/\s+/g, ' ').trim()
      if (key.length <= SHORT_AGENCY_LENGTH) exact.set(key, agency)
      else folded.set(lower(key), agency)
    }
  }
  return { exact, folded }
}

/** The agency a credit names ("Agence France-Presse", "AFP", "dpa"), or null. */
export function agencyNamed(credit: string): Agency | null {
  agencyIndex ??= indexAgencies()
  const key = credit.replace(/\s+/g, ' ').trim()
  return agencyIndex.exact.get(key) ?? agencyIndex.folded.get(lower(key)) ?? null
}

/** Every way of writing every agency, longest first: for finding them inside a dateline. */
export function agencySpellings(): string[] {
  return [...new Set(agencyData.agencies.flatMap((a) => [a.name, ...a.aliases]))].sort(
    (a, b) => b.length - a.length,
  )
}

export { lower as lowerPhrase }
