import { findMentions } from './find-mentions'
import { getLexicon, type EvidenceKind } from './lexicon'
import { resolveMentions, type Evidence } from './resolve-mentions'
import { stemFamiliesFor } from './stems'
import { tokenise, tokeniseArticle, type Token, type Zone } from './tokens'

export type CountryRole = 'primary' | 'mentioned'

/** One country an article is about; maps 1:1 to a row of the library's article countries. */
export interface CountryTag {
  /** ISO 3166-1 alpha-2. */
  code: string
  /** English short name. */
  name: string
  role: CountryRole
  /** The country's evidence relative to the strongest country of the article: 1 for the strongest. */
  score: number
}

export interface TagInput {
  title: string
  text: string
  lang?: string | null
  /** The outlet's name: its own country is not evidence ("told the Kyiv Independent"). */
  siteName?: string | null
  /**
   * Accepted so callers can pass what they have; deliberately not used: a site's domain
   * (.by, .de) is the outlet's country, which is no evidence of what the story is about.
   */
  url?: string | null
}

/** The headline says most about a story, then its opening paragraphs. */
const ZONE_WEIGHT: Record<Zone, number> = { title: 3, lead: 2, body: 1 }
/** A country's own name says most; its towns say less, more so when unsupported. */
const KIND_WEIGHT: Record<EvidenceKind, number> = {
  name: 1,
  alias: 1,
  metonym: 0.8,
  capital: 0.8,
  demonym: 0.6,
  region: 0.7,
  town: 0.6,
  stop: 0,
}
const UNSETTLED_PLACE = 0.5
/** A headline names its subject first ("North Korea fires missile off Japan"). */
const HEADLINE_SUBJECT_BONUS = 1
/**
 * A story is about a country when its strongest country has at least this much evidence: a name in
 * the headline, or in the opening, or twice further down. Less than that is a passing mention.
 */
const ABOUT_MIN = 2
/** Other countries are listed from this much: one plain mention of the name anywhere. */
const MENTION_MIN = 0.9
/** A second country is primary too when it has this share of the first one's evidence... */
const SECOND_PRIMARY_SHARE = 0.6
/** ...and at most this many countries are primary. */
const MAX_PRIMARY = 2

/**
 * Loads the lexicon now rather than on the first article (about 70 ms read back in the app's bundle,
 * 0.6–0.9 s built from the source), for a host that has idle time at start-up, such as the
 * extraction worker before it reports ready.
 */
export function prepareTagger(): void {
  getLexicon()
}

/**
 * Text in, country tags out: pure and deterministic. The lexicon is built once, on the first call.
 * Primary countries come first, then the mentioned ones, each group strongest first.
 */
export function tagCountries(input: TagInput): CountryTag[] {
  const lexicon = getLexicon()
  const { tokens, titleCase } = tokeniseArticle(input.title, input.text)
  const masked = maskOutlet(tokens, input.siteName)
  const families = stemFamiliesFor(input.lang, input.text)
  const mentions = findMentions(tokens, lexicon, families, masked)
  const capitalisesNouns = families.includes('de')
  const english = input.lang
    ? /^en\b/i.test(input.lang)
    : families.length === 1 && !/\p{Script=Cyrillic}/u.test(input.text)
  const evidence = resolveMentions(tokens, mentions, lexicon, { titleCase, capitalisesNouns, english })
  const scores = scoreCountries(evidence)

  const ranked = [...scores.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
  const top = ranked[0]
  if (top === undefined || top[1].total < ABOUT_MIN) return []
  const topTotal = top[1].total
  const tags: CountryTag[] = []
  for (const [code, score] of ranked) {
    if (score.total < MENTION_MIN) continue
    const primaryCount = tags.filter((tag) => tag.role === 'primary').length
    const primary =
      code === top[0] ||
      (primaryCount < MAX_PRIMARY &&
        score.total >= ABOUT_MIN &&
        score.total >= SECOND_PRIMARY_SHARE * topTotal &&
        score.prominent)
    tags.push({
      code,
      name: lexicon.countryNames.get(code) ?? code,
      role: primary ? 'primary' : 'mentioned',
      score: Math.round((score.total / topTotal) * 1000) / 1000,
    })
  }
  return tags.sort((a, b) => rolePlace(a) - rolePlace(b) || b.score - a.score)
}

interface CountryScore {
  total: number
  /** Named in the headline or the opening, where the story says what it is about. */
  prominent: boolean
}

function scoreCountries(evidence: Evidence[]): Map<string, CountryScore> {
  const scores = new Map<string, CountryScore>()
  const subject = evidence.find((item) => item.zone === 'title')
  for (const item of evidence) {
    const weight =
      item.weight * KIND_WEIGHT[item.kind] * ZONE_WEIGHT[item.zone] * (item.settled ? 1 : UNSETTLED_PLACE) +
      (item === subject ? HEADLINE_SUBJECT_BONUS * item.weight : 0)
    const score = scores.get(item.code) ?? { total: 0, prominent: false }
    score.total += weight
    score.prominent ||= item.zone !== 'body' && item.weight === 1
    scores.set(item.code, score)
  }
  return scores
}

function rolePlace(tag: CountryTag): number {
  return tag.role === 'primary' ? 0 : 1
}

/** The outlet's own name, wherever the story quotes it, is not evidence of anything. */
function maskOutlet(tokens: Token[], siteName: string | null | undefined): boolean[] {
  const masked = new Array<boolean>(tokens.length).fill(false)
  const outlet = siteName ? tokenise(siteName, 'body').map((token) => token.key) : []
  // A one-word outlet name ("Ukraine") could be the country itself; only longer names are masked.
  if (outlet.length < 2) return masked
  for (let start = 0; start + outlet.length <= tokens.length; start += 1) {
    if (outlet.every((key, offset) => tokens[start + offset]?.key === key)) {
      for (let offset = 0; offset < outlet.length; offset += 1) masked[start + offset] = true
    }
  }
  return masked
}
