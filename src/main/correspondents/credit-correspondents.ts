import type { Correspondent } from '@shared/article'
import type { DomDocument } from '../ingest/extract/dom'
import { agencyNamed, bylineWords, lowerPhrase } from './byline-words'
import { namesInByline } from './clean-byline'
import { kindOf } from './kind-of'
import {
  isBylineOnlyElsewhere,
  readAsideCredits,
  readPageSignals,
  type BylineSignal,
  type SignalCredit,
  type SignalSource,
} from './page-signals'
import { bylineLines, isSignature } from './printed-byline'
import { agenciesInDateline } from './wire-dateline'

/** What the correspondents of one article are read from. */
export interface CreditSources {
  /** The page as served, before Readability rewrote it; null for plain text. */
  document: DomDocument | null
  url: string | null
  /** The byline extraction settled on (Readability's, or the page's own metadata). */
  byline: string | null
  /** The article's text, whose first line may be a wire dateline. */
  text: string
  siteName: string | null
}

/** A page credits a handful of people at most; more is a list of something else. */
const MAX_CORRESPONDENTS = 8
/** A byline widened past this many names is a list of contributors or references, not the byline. */
const MAX_WIDER = 4

const SOURCE_ORDER: SignalSource[] = [
  'json-ld',
  'meta',
  'microdata',
  'rel-author',
  'byline-element',
  'text',
  'readability',
  'author-box',
]

/**
 * Who wrote the article, as a careful reader would credit it: the strongest signal that names a
 * person (structured data first, then meta tags, then what is printed), widened when a weaker signal
 * names the same people and more, plus the agency of a wire dateline. The outlet's own name is
 * never a correspondent, so a page without an author gives an empty list.
 */
export function creditCorrespondents(sources: CreditSources): Correspondent[] {
  const page = sources.document === null ? null : readPageSignals(sources.document, sources.url)
  const signals: BylineSignal[] = [...(page?.signals ?? [])]
  const printed = bylineLines(sources.text)
  if (printed.length > 0) {
    signals.push({
      source: 'text',
      credits: printed.map((text) => ({ text, url: null, organisation: false })),
    })
  }
  if (
    sources.byline !== null &&
    sources.byline.trim() !== '' &&
    !isFooterByline(sources.byline, sources.document, signals)
  ) {
    signals.push({
      source: 'readability',
      credits: [{ text: sources.byline, url: null, organisation: false }],
    })
  }
  const outlet = outletKeys([sources.siteName, ...(page?.outletNames ?? [])], sources.url)
  const sections = new Set((page?.sectionNames ?? []).map(keyOf))
  // Readability's byline is often the author meta itself, a name typed into a CMS field too.
  const typed = new Set(
    signals
      .filter((signal) => STRUCTURED.includes(signal.source))
      .flatMap((signal) => signal.credits.map((credit) => credit.text.trim())),
  )
  let candidates = withoutTeaserBylines(
    signals.map((signal) => ({ source: signal.source, ...peopleOf(signal, outlet, typed, sections) })),
  )
    // More people than a page credits is a list of something else (a paper's references).
    .filter((candidate) => candidate.people.length > 0 && candidate.people.length <= MAX_CORRESPONDENTS)
    .sort((a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source))
  // Readability's byline that is the author meta itself is a CMS field too.
  const typedKeys = new Set([...typed].map(keyOf))
  const isTyped = (c: Candidate): boolean =>
    STRUCTURED.includes(c.source) ||
    (c.source === 'readability' && c.lines.every((line) => typedKeys.has(line)))
  const seen = candidates.some(isTyped) ? printedWords(sources.document) : null
  // A CMS account the page never prints ("Josh" in a Yoast graph, "KWCHCIK" in the author meta,
  // the press officer of a press release) is no one a reader sees credited.
  if (seen !== null)
    candidates = candidates.filter(
      (c) => !isTyped(c) || c.people.some((p) => p.kind !== 'person' || isPrinted(p.name, seen)),
    )

  // The author meta of a page that is no article at all is the site's owner or webmaster.
  // (A page that prints little is drawn by scripts, and says nothing either way.)
  if (seen !== null && !marksAnArticle(sources.document)) candidates = candidates.filter((c) => !isTyped(c))

  let chosen = candidates.find((c) => c.people.some(isFullPersonName)) ?? candidates[0] ?? null
  chosen = signedOverAccount(chosen, candidates)
  if (chosen !== null) {
    const keys = new Set(chosen.people.map((p) => keyOf(p.name)))
    // JSON-LD often names only the first of several authors the byline prints. The wider list is
    // one byline (one element or one tag) or structured data; author links and marks gathered
    // from all over the page also credit the related stories' authors.
    const wider = candidates
      .filter((c) => c.credits <= 1 || c.source === 'json-ld' || c.source === 'meta')
      // Printed, the other authors share the line of the names already credited ("By A and B");
      // a line of its own under the name is the element's chrome: "View More Articles", "Senior
      // Contributor", "November 19th, 2019", "Share This Article".
      .map((c) => ({
        ...c,
        people: c.people.filter(
          (p) =>
            keys.has(keyOf(p.name)) ||
            STRUCTURED.includes(c.source) ||
            sharesLine(p.name, [...keys], c.lines),
        ),
      }))
      .find(
        (c) =>
          c.people.length > keys.size &&
          c.people.length <= MAX_WIDER &&
          [...keys].every((key) => c.people.some((p) => keyOf(p.name) === key)) &&
          // A lone word on the byline's other lines is its section or place ("Stefanus | Werkstatt").
          c.people.every((p) => keys.has(keyOf(p.name)) || p.kind !== 'person' || isFullPersonName(p)),
      )
    if (wider !== undefined) chosen = wider
  }
  const credited: Correspondent[] = chosen === null ? [] : [...chosen.people]
  for (const agency of agenciesInDateline(sources.text)) {
    // "LOS ANGELES (Reuters) -" on reuters.com: the agency is the outlet there, not a credit.
    if (isOutlet(agency, outlet)) continue
    credited.push({ name: agency, kind: 'agency', url: null })
  }
  return withLinks(
    withInitialsSpelledOut(withFullName(dedupe(credited), sources), sources.document),
    candidates.flatMap((c) => c.people),
  ).slice(0, MAX_CORRESPONDENTS)
}

type Candidate = { source: SignalSource } & ReturnType<typeof peopleOf>

/**
 * A Readability byline printed only in the site's footer or a sidebar (the owner's profile link on
 * every page). One that is the page's JSON-LD or author meta came from there, and one the page's own
 * signals print is the story's: neither is looked for.
 */
function isFooterByline(byline: string, document: DomDocument | null, signals: BylineSignal[]): boolean {
  if (document === null) return false
  const key = keyOf(byline)
  // The page's own signals leave those parts out: a byline they print is the story's.
  const known = signals.some((s) =>
    s.credits.some((c) =>
      STRUCTURED.includes(s.source) ? keyOf(c.text) === key : keyOf(c.text).includes(key),
    ),
  )
  return !known && isBylineOnlyElsewhere(document, byline)
}

/** Other people's bylines after the outlet's own make a list of other stories ("Elena Kuss", "Heidrun Mittler"…). */
const MIN_TEASER_BYLINES = 2

/**
 * A page whose first byline element credits the outlet itself ("Lebensmittel Praxis", ", par Attac
 * France") and whose later byline elements name other people is a story by the outlet beside a list
 * of other stories, each with its own byline: those credit nobody here, nor Readability's byline
 * when it is one of them.
 */
function withoutTeaserBylines(candidates: Candidate[]): Candidate[] {
  const elements = candidates.filter((c) => c.source === 'byline-element')
  const firstIndex = elements.findIndex((c) => c.people.length > 0 || c.outletOnly)
  const first = elements[firstIndex]
  if (first === undefined || !first.outletOnly) return candidates
  const others = new Set(elements.slice(firstIndex + 1).flatMap((c) => c.people.map((p) => keyOf(p.name))))
  if (others.size < MIN_TEASER_BYLINES) return candidates
  // Readability's byline is read from those elements too: one of the list's names is the list's.
  const fromList = (c: Candidate): boolean =>
    c.source === 'byline-element' ||
    (c.source === 'readability' && c.people.length > 0 && c.people.every((p) => others.has(keyOf(p.name))))
  return candidates.filter((c) => !fromList(c))
}

const STRUCTURED: SignalSource[] = ['json-ld', 'meta']
const VISIBLE: SignalSource[] = ['byline-element', 'text']

/**
 * WordPress and its kin put the account that posted a story into JSON-LD and the author meta, while
 * the page prints who signed it ("By Jessica Holly, Gail Levy", "Text & Fotos: Ivan Valetny"). A
 * reader credits the signature: a labelled byline the page prints once (every such byline naming
 * the same people), none of whom the structured data names, wins over one structured name.
 */
function signedOverAccount(chosen: Candidate | null, candidates: Candidate[]): Candidate | null {
  if (chosen === null || !STRUCTURED.includes(chosen.source) || chosen.people.length !== 1) return chosen
  const signed = candidates.filter(
    (c) => VISIBLE.includes(c.source) && c.signed && c.people.some(isFullPersonName),
  )
  const first = signed[0]
  if (first === undefined) return chosen
  const keysOf = (c: Candidate): string => c.people.map((p) => keyOf(p.name)).join('\n')
  if (signed.some((c) => keysOf(c) !== keysOf(first))) return chosen
  const account = keyOf(chosen.people[0]?.name ?? '')
  if (first.people.some((p) => keyOf(p.name) === account)) return chosen
  // The signature prints the structured name with more ("By: Michael Hiltzik Business Columnist",
  // "Reporter: Ryan Reed's Most Recent Stories"): the same person, whose name the CMS field has clean.
  return account !== '' && first.lines.some((line) => line.includes(account)) ? chosen : first
}

/** The people a signal credits, and from how many of its credits (elements, tags) they come. */
function peopleOf(
  signal: BylineSignal,
  outlet: Outlet,
  typed: Set<string>,
  sections: Set<string>,
): { people: Correspondent[]; credits: number; signed: boolean; lines: string[]; outletOnly: boolean } {
  const people: Correspondent[] = []
  const crediting = new Set<string>()
  let outletNamed = 0
  // Printed with a label ("By", "Von", "Text:"): a signature, not a name that merely stands there.
  const signed = signal.credits.some((credit) => isSignature(credit.text))
  for (const credit of signal.credits) {
    // A name typed into a CMS field, not printed: "mobasir hassan" there is still a person's name.
    const typedName = STRUCTURED.includes(signal.source) || typed.has(credit.text.trim())
    const names = namesInByline(credit.text, { typedName })
    const before = people.length
    // "hessenschau.de, Frankfurt, Germany": after the outlet's name, lone words are its places.
    // (The outlet may be a domain, which is never a name and so is looked for in the raw text.)
    const first = (credit.text.split(/[,;|·•\n]/)[0] ?? '').trim()
    let afterOutlet = first !== '' && isOutlet(first, outlet)
    for (const name of names) {
      // "Brasília" in a header whose id says author: one word that is the story's section is the
      // section's heading (a columnist's section is named with the full name, which still counts).
      if (!name.includes(' ') && sections.has(keyOf(name))) continue
      const agency = agencyNamed(name)
      // "Telegraph Sport", "Guardian Politics": the outlet's section signing is its desk.
      if (agency === null && isOutletSection(name, outlet)) {
        people.push({ name, kind: 'team', url: names.length === 1 ? credit.url : null })
        continue
      }
      const outletName = agency === null && isOutlet(name, outlet)
      // The blog's owner is the name itself matching the address, never a word after it.
      const handle = outletName && isBlogHandle(name, credit, signal, outlet)
      if (outletName && !handle) {
        afterOutlet = true
        outletNamed += 1
        continue
      }
      if (agency === null && !handle && afterOutlet && !name.includes(' ')) continue
      const kind = agency !== null ? 'agency' : kindOf(name)
      // An Organization as author is the outlet under another spelling, unless it is a desk or team.
      if (credit.organisation && kind === 'person') continue
      people.push({ name, kind, url: names.length === 1 ? credit.url : null })
    }
    // "By Adam Aaronson, PhillyVoice Staff": the outlet's desk beside a person is their affiliation.
    const own = people.slice(before)
    if (own.some(isFullPersonName)) {
      const kept: Correspondent[] = []
      for (const p of own) {
        if (p.kind === 'team' && (isOutletDesk(p.name, outlet) || isOutletSection(p.name, outlet))) continue
        if (p.kind !== 'person' || isPersonBeside(p, own, outlet)) {
          kept.push(p)
          continue
        }
        // "By ROBERT BURNS, AP National Security Writer": the agency's desk beside a person is the
        // agency; "By Jill Disis, CNN Business": the outlet's is the person's affiliation.
        const agency = agencyOpening(p.name)
        if (agency !== null) kept.push({ name: agency, kind: 'agency', url: null })
      }
      // "By TOM KRISHER, AP Auto Writer", whose job title the cleaning dropped whole.
      for (const part of credit.text.split(/[,;|\n]/).slice(1)) {
        const agency = agencyOpening(part.trim())
        if (agency !== null && !kept.some((p) => p.name === agency))
          kept.push({ name: agency, kind: 'agency', url: null })
      }
      people.splice(before, own.length, ...kept)
    }
    // The same name printed twice (a byline and its author box) is still one credit.
    if (people.length > before)
      crediting.add(
        people
          .slice(before)
          .map((p) => keyOf(p.name))
          .join('\n'),
      )
  }
  const lines = signal.credits.flatMap((credit) => joinedLines(credit.text.split('\n').map(keyOf)))
  return {
    people: dedupe(people),
    credits: crediting.size,
    signed,
    lines,
    outletOnly: people.length === 0 && outletNamed > 0,
  }
}

/** "By", "Tariq Malik", ",", "Mike Wall": linked names touch, so the byline's lines join at separators. */
function joinedLines(lines: string[]): string[] {
  const joined: string[] = []
  for (const line of lines) {
    const last = joined[joined.length - 1]
    if (last !== undefined && (endsWithJoint(last) || startsWithJoint(line)))
      joined[joined.length - 1] = `${last} ${line}`
    else joined.push(line)
  }
  return joined
}

const JOINT_MARKS = /^[,;&/+·|]+$/u
const isJoint = (word: string): boolean =>
  JOINT_MARKS.test(word) || bylineWords.connectors.includes(word) || /^(?:by|von|par|por|di|av)$/.test(word)
const endsWithJoint = (line: string): boolean =>
  isJoint(line.split(/\s+/).pop() ?? '') || /[,;&/]$/.test(line)
const startsWithJoint = (line: string): boolean =>
  JOINT_MARKS.test(line.split(/\s+/)[0] ?? '') ||
  /^[,;&/]/.test(line) ||
  bylineWords.connectors.includes(line.split(/\s+/)[0] ?? '')

/** What says a page is an article: its type, its structured data, its date, its element. */
const ARTICLE_MARKS =
  'script[type="application/ld+json" i], meta[property^="article:" i], meta[name="date" i], meta[property="og:type" i][content*="article" i], meta[property="og:type" i][content*="news" i], [itemprop~="datePublished" i], [itemtype*="Article" i], article, time'

/**
 * A static site writes one `<meta name="author">` on every page, naming its owner or webmaster
 * ("Lüder Hoppe" on a surveyor's page, "Iberische Weine in Berlin - …" on a wine shop's), and no
 * reader sees it as a byline. A page with no sign of being an article (no JSON-LD, no article type
 * or date, no <article> or <time>) credits nobody from that meta alone; what it prints still counts.
 */
function marksAnArticle(document: DomDocument | null): boolean {
  return document === null || document.querySelector(ARTICLE_MARKS) !== null
}

/** Below this many characters of text, the page is drawn by scripts and prints nothing to check. */
const MIN_PRINTED_CHARS = 1000

/** The words of the text a reader sees on the page (no scripts, styles or comments), lowercased. */
function printedWords(document: DomDocument | null): Set<string> | null {
  const text = document === null ? null : printedText(document)
  if (text === null || text.replace(/\s+/g, '').length < MIN_PRINTED_CHARS) return null
  return new Set(lowerPhrase(text).split(/[^\p{L}\p{M}\p{N}]+/u))
}

/** The text a reader sees on the page: no scripts, styles or comments. */
function printedText(document: DomDocument): string | null {
  const html = document.body?.innerHTML
  if (html === undefined) return null
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
}

/** A name is printed when its last word is (a surname, or the one word of a handle). */
function isPrinted(name: string, printed: Set<string>): boolean {
  const words = lowerPhrase(name)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w !== '')
  const last = words[words.length - 1]
  return (
    last === undefined ||
    printed.has(last) ||
    !/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+$/u.test(last)
  )
}

/** Whether a name is printed on one line with one of the names already credited. */
function sharesLine(name: string, credited: string[], lines: string[]): boolean {
  const key = keyOf(name)
  return lines.some((line) => line.includes(key) && credited.some((other) => line.includes(other)))
}

/** A name beside a signed person, unless it opens with an agency's or the outlet's name and goes on. */
function isPersonBeside(person: Correspondent, own: Correspondent[], outlet: Outlet): boolean {
  return agencyOpening(person.name) === null && !opensWithOutlet(person.name, own, outlet)
}

/** The agency a desk or title opens with ("AP National Security", "Reuters Health"), by its name. */
function agencyOpening(text: string): string | null {
  const words = text.split(/\s+/)
  for (let cut = Math.min(4, words.length - 1); cut >= 1; cut -= 1) {
    const opening = words.slice(0, cut).join(' ')
    const agency = agencyNamed(opening)
    // As the agency writes itself: "Ap Dijksterhuis" is a Dutch given name, not AP.
    if (agency === null || ![agency.name, ...agency.aliases].includes(opening)) continue
    if (/^\p{Lu}/u.test(words[cut] ?? '')) return agency.name
  }
  return null
}

function opensWithOutlet(name: string, own: Correspondent[], outlet: Outlet): boolean {
  if (own.length < 2) return false
  const words = name.split(/\s+/)
  for (let cut = 1; cut < words.length; cut += 1) {
    const key = squash(words.slice(0, cut).join(' '))
    if (outlet.keys.has(key) || outlet.parts.has(key)) return true
  }
  return false
}

/** "Anna Müller", "王小明", "Lars" is not (a first name alone may be anyone's). */
function isFullPersonName(person: Correspondent): boolean {
  if (person.kind !== 'person') return false
  return person.name.includes(' ') || /[^\p{Script=Latin}\p{M}\p{P}\s]/u.test(person.name)
}

const squash = (text: string): string =>
  lowerPhrase(text)
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]/gu, '')

/** What separates a site name's parts: "LN - Lübecker Nachrichten", "Greator | Blog". */
const SITE_NAME_PARTS_RE = /\s+[-–—|·•:]\s+|\s*[|·•]\s*/u
/** "Daniel Lemire's blog", "Matthew Davis’s Blog": a site named for its owner, who writes it. */
const OWNER_RE = /^(.+?)['’]s?\s+\p{L}/u

interface Outlet {
  keys: Set<string>
  /** The keys read from the site's names (not its address). */
  named: Set<string>
  /** The parts of a site name ("LN" of "LN - Lübecker Nachrichten"), which count only as written. */
  parts: Set<string>
  /** People the site is named for ("Daniel Lemire's blog"): its author, not another name for it. */
  owners: Set<string>
  /** One word a site name's possessive names ("Mywakenews's Blog"): a handle, when it signs. */
  possessive: Set<string>
}

function outletKeys(names: (string | null)[], url: string | null): Outlet {
  const keys = new Set<string>()
  const named = new Set<string>()
  const parts = new Set<string>()
  const owners = new Set<string>()
  const possessive = new Set<string>()
  for (const name of names) {
    if (name === null) continue
    if (squash(name) !== '') keys.add(squash(name))
    if (squash(name) !== '') named.add(squash(name))
    for (const part of name.split(SITE_NAME_PARTS_RE)) if (squash(part) !== '') parts.add(squash(part))
    const owner = OWNER_RE.exec(name.trim())?.[1]
    if (owner !== undefined && owner.includes(' ')) owners.add(squash(owner))
    else if (owner !== undefined) possessive.add(squash(owner))
  }
  if (url !== null) {
    try {
      const host = new URL(url).hostname.replace(/^www\./, '')
      keys.add(squash(host))
      const label = host.split('.').slice(-2, -1)[0]
      if (label !== undefined && label.length >= 3) keys.add(squash(label))
    } catch {
      // No address, no outlet name from it.
    }
  }
  return { keys, named, parts, owners, possessive }
}

/** "von Creeny", "vom Krimiblogger", "Autor: X": the name after a byline's label, and nothing else. */
function signsWith(text: string, name: string): boolean {
  if (isSignature(text)) return true
  const before = lowerPhrase(text.slice(0, Math.max(0, text.lastIndexOf(name))).replace(/[:：]\s*$/u, ''))
  return before !== '' && text.trim().endsWith(name) && bylineWords.prefixes.includes(before)
}

/** An author's archive on the site: "/author/creeny/", "/autor/anna-weber", "/members/x.21/". */
const AUTHOR_PAGE_RE =
  /\/(?:author|authors|autor|autoren|auteur|autore|profile|profil|user|users|members?)\//i

/**
 * "von Creeny" on creeny.wordpress.com, "by Limespacer" on limespace.de: the one word a blog's
 * owner signs with is often the blog's address too. A handle that matches only the address (never
 * the site's name), signed with a byline's label or linked to its author page, is that person.
 */
function isBlogHandle(name: string, credit: SignalCredit, signal: BylineSignal, outlet: Outlet): boolean {
  if (/\s/.test(name.trim()) || kindOf(name) !== 'person') return false
  const key = squash(name)
  const linked = credit.url !== null && AUTHOR_PAGE_RE.test(credit.url)
  const signs = linked || (VISIBLE.includes(signal.source) && signsWith(credit.text, name))
  if (outlet.possessive.has(key)) return signs
  if (outlet.parts.has(key)) return false
  for (const siteKey of outlet.named)
    if (key === siteKey || (key.length >= 4 && siteKey.length >= 4 && siteKey.includes(key))) return false
  return signs
}

function isOutlet(name: string, outlet: Outlet): boolean {
  const key = squash(name)
  if (key === '') return true
  if (outlet.owners.has(key)) return false
  if (outlet.parts.has(key)) return true
  for (const outletKey of outlet.keys) {
    if (key === outletKey) return true
    // A desk of the outlet ("River Post Staff") is a team credit, not the outlet itself.
    if (kindOf(name) === 'team') continue
    // "Die FURCHE" for furche.at, "OÖ Volksblatt" for volksblatt.at, "Google" for googleblog.com.
    if (key.length >= 4 && outletKey.length >= 4 && (key.includes(outletKey) || outletKey.includes(key)))
      return true
    // "SPIEGEL ONLINE" for spiegel.de, "Zeit Online" for ZEIT ONLINE GmbH.
    if (
      outletKey.length >= 4 &&
      key.startsWith(outletKey) &&
      /^(online|news|de|com|net|redaktion)?$/.test(key.slice(outletKey.length))
    )
      return true
  }
  return false
}

/**
 * "Telegraph Sport", "Detroit News Business": the outlet's name and one of its sections
 * (`deskSections`), which a reader credits as that desk, not as the site.
 */
function isOutletSection(name: string, outlet: Outlet): boolean {
  const words = name.trim().split(/\s+/)
  const section = words[words.length - 1] ?? ''
  if (words.length < 2 || !bylineWords.deskSections.has(lowerPhrase(section))) return false
  // The outlet's name is written whole: "Live Science" on livescience.com is the site itself.
  const own = squash(words.slice(0, -1).join(' '))
  return outlet.keys.has(own) || outlet.parts.has(own)
}

/** "PhillyVoice Staff", "Redaktion Haus.de": a desk named for the outlet, before or after its word. */
function isOutletDesk(name: string, outlet: Outlet): boolean {
  const words = name.split(/\s+/)
  const isDesk = (part: string[]): boolean => bylineWords.teamWords.has(lowerPhrase(part.join(' ')))
  const isOwn = (part: string[]): boolean =>
    outlet.keys.has(squash(part.join(' '))) || outlet.parts.has(squash(part.join(' ')))
  for (let cut = 1; cut < words.length; cut += 1) {
    const before = words.slice(0, cut)
    const after = words.slice(cut)
    if ((isOwn(before) && isDesk(after)) || (isDesk(before) && isOwn(after))) return true
  }
  return false
}

const keyOf = (name: string): string => lowerPhrase(name)

function dedupe(people: Correspondent[]): Correspondent[] {
  const seen = new Set<string>()
  return people.filter((person) => {
    const key = keyOf(person.name)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * A CMS's display name is often the first name alone ("Todd" in JSON-LD), while the page prints
 * "By Todd Bates" in a sidebar of the story's own, which is not read as a byline (sidebars hold other
 * stories' bylines). When the page credits one first name alone, a labelled credit printed in such a
 * part that names one full name starting with it gives the full name.
 */
function withFullName(credited: Correspondent[], sources: CreditSources): Correspondent[] {
  const only = credited[0]
  if (credited.length !== 1 || only === undefined || only.kind !== 'person' || /\s/.test(only.name.trim()))
    return credited
  if (sources.document === null || !/^\p{Lu}\p{Ll}+$/u.test(only.name.trim())) return credited
  const first = keyOf(only.name)
  const full = new Set(
    readAsideCredits(sources.document, sources.url)
      .flatMap((text) => namesInByline(text))
      .filter((name) => /\s/.test(name) && keyOf(name.split(/\s+/)[0] ?? '') === first)
      .map((name) => name.trim()),
  )
  const [name] = [...full]
  return full.size === 1 && name !== undefined && kindOf(name) === 'person' ? [{ ...only, name }] : credited
}

/** "DT", "D.T.", "MKR": a person credited by initials alone. */
const INITIALS_RE = /^(?:\p{Lu}\.?\s?){2,4}$/u

/**
 * "DT" linked to /author/donaldtownsend/: WordPress shows the initials an author chose as their
 * display name, while their author page's address spells the name. When the page prints a name
 * with those initials that is that address, the reader knows who DT is.
 */
function withInitialsSpelledOut(credited: Correspondent[], document: DomDocument | null): Correspondent[] {
  const only = credited[0]
  if (credited.length !== 1 || only?.url == null || document === null) return credited
  if (only.kind !== 'person' || !INITIALS_RE.test(only.name.trim())) return credited
  const slug = authorSlug(only.url)
  const letters = only.name.replace(/[^\p{Lu}]/gu, '')
  if (slug === null || slug.length <= letters.length) return credited
  const words = letters
    .split('')
    .map((letter) => `${letter}[\\p{Ll}\\p{M}'’-]+`)
    .join('\\s+')
  const text = printedText(document)
  if (text === null) return credited
  const names = new Set(
    [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{M}])${words}(?![\\p{L}\\p{M}])`, 'gu'))]
      .map((match) => match[0].replace(/\s+/g, ' '))
      .filter((name) => squash(name) === slug),
  )
  const [name] = [...names]
  return names.size === 1 && name !== undefined ? [{ ...only, name }] : credited
}

/** The last part of an author page's address, its separators left out: "donaldtownsend". */
function authorSlug(url: string): string | null {
  try {
    const parts = new URL(url).pathname.split('/').filter((part) => part !== '')
    const last = parts[parts.length - 1]
    return last === undefined ? null : squash(decodeURIComponent(last))
  } catch {
    return null
  }
}

/** A name's author page, from whichever signal linked it. */
function withLinks(people: Correspondent[], everyone: Correspondent[]): Correspondent[] {
  return people.map(({ name, kind, url }) => {
    const linked =
      url ?? everyone.find((other) => other.url && keyOf(other.name) === keyOf(name))?.url ?? null
    return linked === null ? { name, kind } : { name, kind, url: linked }
  })
}
