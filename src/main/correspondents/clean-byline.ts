import { COUNTRIES } from '@shared/country-list'
import { agencyNamed, agencySpellings, bylineWords, lowerPhrase } from './byline-words'
import { CJK_RE, cjkNames } from './cjk-names'
import placeData from './data/byline-places.generated.json'
import { kindOf } from './kind-of'
import { isShouted, unshout, unshoutSurnames } from './name-case'

/*
 * A byline as a page prints it ("By JOHN SMITH and Anna Müller in Minsk | Updated 3 March 2024,
 * 12:04 | 14 comments") into the names a reader credits ("John Smith", "Anna Müller"). Pure.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const BEFORE = '(?<![\\p{L}\\p{N}])'
const AFTER = '(?![\\p{L}\\p{N}])'

/**
 * One alternation of phrases as whole words (CJK phrases need no word edge: there are no spaces).
 * A run of word phrases shares one pair of edges, `edge(?:a|b|c)edge`: the same matches in the same
 * order as an edge around each, but V8 compiles every `\p{L}` edge into a large Unicode class, and
 * 200 prefixes with their own edges took 1.2 s to compile on a worker's first page.
 */
function phrases(list: string[]): string {
  const parts: string[] = []
  let words: string[] = []
  const closeWords = (): void => {
    if (words.length > 0) parts.push(`${BEFORE}(?:${words.join('|')})${AFTER}`)
    words = []
  }
  for (const p of list) {
    if (!HAN.test(p)) {
      words.push(escape(p).replace(/ /g, '\\s+'))
      continue
    }
    closeWords()
    // "文/王小明", but not the surname of "文在寅": a one-character word needs a mark after it.
    parts.push([...p].length === 1 ? `${escape(p)}(?=[\\s:：/／・])` : escape(p))
  }
  closeWords()
  return parts.join('|')
}

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu
const HANDLE_RE = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]{2,}/gu
const BRACKETS_RE = /[([{（【〔［]([^)\]}）】〕］]*)[)\]}）】〕］]/gu
/** A byline that is all one bracket ("（记者 王小明）", "【ワシントン＝山田太郎】", "(Reuters)"). */
const WRAPPED_RE = /^[([{（【〔［]([^()[\]{}（）【】〔〕［］]+)[)\]}）】〕］]$/u
/** What separates a byline's parts: bars, bullets, dashes between spaces, line breaks. */
const SEGMENT_RE = /\s*(?:[|｜•·◆⋅►▪\n\r\t]|\s[-–—]+\s|\s[–—]|[–—]\s)\s*/u

const PREFIX_RE = new RegExp(`^(?:${phrases(bylineWords.prefixes)})\\s*[:：]?\\s*`, 'iu')
const LABEL_RE = /^([^:：]{1,30})[:：]\s*/u
const SPLIT_RE = new RegExp(
  `\\s*(?:[,;/&+＆、，；／]|${bylineWords.connectors
    .map((c) => (HAN.test(c) || c === '&' ? escape(c) : `\\s${escape(c).replace(/ /g, '\\s+')}\\s`))
    .join('|')})\\s*`,
  'iu',
)
/**
 * "Publicado por: Clarissa Borba", "Veröffentlicht von X": a date's label with the word that names
 * who published, and a name after it, is the byline's own label, not where its date begins (a
 * heading "Published By" alone names nobody).
 */
const DATE_LABEL_RE = new RegExp(
  `(?:${phrases(bylineWords.dateLabels)})(?!\\s+(?:por|by|von|par|da|door|przez|av|af|di)\\s*[:：]?\\s+\\S)`,
  'iu',
)
const NUMERIC_DATE_RE =
  /(?<![\p{L}\p{N}])(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?|\d{1,2}[:h.]\d{2}|\d+)(?![\p{L}\p{N}])/u
const PLACE_RE = new RegExp(
  `\\s+(?:${phrases([...bylineWords.placeWords])})\\s+[\\p{Lu}][\\p{L}\\p{M}'’.-]*(?:[\\s-]+[\\p{Lu}][\\p{L}\\p{M}'’.-]*)*\\s*$`,
  'u',
)
const BIO_RE = /\s(?:is|ist|est|es|è|é|was|war|has|hat|writes|schreibt|covers|berichtet)\s.*$/u
/** A part that is only a place: "de Brasília", "in Minsk", "aus Berlin". */
const PLACE_PART_RE = new RegExp(
  `^(?:${phrases([...bylineWords.placeWords, 'de', 'desde'])})\\s+\\p{Lu}`,
  'u',
)
/** "Editing by", "Übersetzt von", "traduit par": a credit for other work, up to the part's end. */
const OTHER_ROLE_RE = new RegExp(
  `(?:^|[;,]\\s*|\\s)(?:(?:${phrases(bylineWords.otherRoles)})(?=\\s*[:：]|\\s|$)|(?:${phrases(bylineWords.otherRoleLabels)})(?=\\s*[:：]))`,
  'iu',
)
const BIO_START_RE = new RegExp(`^(?:${phrases(bylineWords.bioStarts)})`, 'iu')
/** Countries by their English names ("Germany", "United States"): a place, never a correspondent. */
const COUNTRY_NAMES = new Set(COUNTRIES.map((country) => lowerPhrase(country.name)))
const DOMAIN_RE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u

export interface BylineOptions {
  /**
   * The credit is a name typed into a CMS (JSON-LD, a meta tag), not text printed on the page: one
   * written all in lower case ("mobasir hassan") is still the person's name, in normal case.
   */
  typedName?: boolean
}

/** The names in one byline, cleaned, in the order written; agencies keep their short names. */
export function namesInByline(raw: string | null | undefined, options: BylineOptions = {}): string[] {
  let text = (raw ?? '')
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
    .replace(/\u00A0/g, ' ')
  text = text.replace(/[ \t]+/g, ' ').trim()
  if (text === '' || /^(?:https?:|www\.)/i.test(text) || text.length > 300) return []
  // "di: Vegolosi.it &lt;p style=…": a template's markup printed as text ends the byline.
  text = text
    .replace(/&lt;[\s\S]*$/u, '')
    .replace(/<\/?[a-z][^<>]*>/giu, ' ')
    .trim()
  text = text.replace(EMAIL_RE, ' ').replace(URL_RE, ' ').replace(HANDLE_RE, ' ').trim()
  text = WRAPPED_RE.exec(text)?.[1]?.trim() ?? text
  const bracketed: string[] = []
  text = text.replace(BRACKETS_RE, (_whole, inner: string) => {
    for (const part of inner.split(/[/,;=＝]/)) {
      const agency = agencyNamed(part.trim())
      if (agency !== null) bracketed.push(agency.name)
    }
    return ' | '
  })
  const names: string[] = []
  let roleLabelBefore = false
  let organisation = false
  const add = (found: string[] | null): void => {
    if (found === null) organisation = true
    else names.push(...found)
  }
  for (const segment of text.split(SEGMENT_RE)) {
    // "Übersetzt von:" on its own line: the next line is the translator's name, not an author's.
    if (roleLabelBefore) {
      roleLabelBefore = false
      continue
    }
    // "Priya Singh | New Delhi | Updated …": the town it was written in is nobody.
    if (isBylinePlace(segment)) continue
    const role = OTHER_ROLE_RE.exec(segment)
    if (role === null) add(namesInSegment(segment, bracketed, options))
    else if (role.index > 0) add(namesInSegment(segment.slice(0, role.index), bracketed, options))
    else roleLabelBefore = /^[\s:：]*$/u.test(segment.slice(role[0].length))
  }
  names.push(...bracketed)
  // "Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF": beside an organisation's name,
  // a word in capitals is its acronym.
  const named = organisation ? names.filter((name) => !isAcronym(name)) : names
  const kept = withoutStrayWords(dedupe(named))
  // Several lone words are a description ("Medizinstudent, Papa, Jogger"), not a list of authors.
  return kept.length > 3 && kept.every((name) => !name.includes(' ')) ? [] : kept
}

/** "Posted on 21 May 2020 by Adi Tzlil", "06.11.2023 13:30 von Olga": the names follow the last "by". */
const INNER_PREFIX_RE = new RegExp(
  `\\s(?:${phrases(['by', 'von', 'par', 'por', 'di', 'door', 'av', 'af', 'przez'])})\\s+(?=\\S)`,
  'giu',
)

/**
 * The names in one part of a byline, or null when the part is an organisation's name (and its
 * address or its departments), which credits nobody.
 */
function namesInSegment(segment: string, agencies: string[], options: BylineOptions): string[] | null {
  let text = segment.trim()
  let inner: RegExpExecArray | null = null
  for (const match of text.matchAll(INNER_PREFIX_RE)) inner = match
  if (inner !== null && cutAtDate(text.slice(0, inner.index)) !== text.slice(0, inner.index).trim()) {
    text = text.slice(inner.index + inner[0].length)
  }
  text = cutAtDate(text)
  text = cutAtComments(text)
  // "Text & Fotos: Ivan Valetny": the writer's own label, whose photo word credits the same person.
  const creditLabel = LABEL_RE.exec(text)
  if (creditLabel?.[1] !== undefined && bylineWords.creditLabels.has(lowerPhrase(creditLabel[1])))
    text = text.slice(creditLabel[0].length)
  text = cutAtPhotoCredit(text)
  const label = LABEL_RE.exec(text)
  if (label?.[1] !== undefined) {
    const words = lowerPhrase(label[1]).split(' ')
    if (words.some((word) => bylineWords.photoLabels.has(word))) return []
    text = text.slice(label[0].length)
  }
  text = stripPrefixes(text)
  if (text === '') return []
  // "Staff and agencies", "Staff and wire reports": one desk's credit, whose "and" joins no names.
  const desk = text.replace(/[.;,:]+$/u, '')
  if (bylineWords.teamWords.has(lowerPhrase(desk)))
    return [isShouted(desk) || desk === desk.toLocaleLowerCase() ? unshoutDesk(desk) : desk]
  const parts = text.split(SPLIT_RE)
  const joined: string[] = []
  for (const part of parts) {
    // "Grace Holloway, PhD, and Omar Said": the serial comma leaves "and" at the next name's start.
    // "Brendan Carlin for The Mail on Sunday": where they write is not part of the name, nor a sentence.
    const trimmed = part.trim().replace(LEADING_CONNECTOR_RE, '').replace(AFFILIATION_RE, '')
    const previous = joined.length - 1
    // "John Smith, Jr." is one name whose comma is part of it; "Grant Tinsley, PhD" is the name alone.
    if (previous >= 0 && bylineWords.degrees.has(lowerPhrase(trimmed))) continue
    if (previous >= 0 && bylineWords.suffixes.has(lowerPhrase(trimmed))) joined[previous] += `, ${trimmed}`
    else joined.push(trimmed)
  }
  const inverted = invertedName(text, joined)
  if (inverted !== null) return [inverted]
  // "Eidgenössisches Departement für Wirtschaft, Bildung und Forschung": split, its parts are no names.
  // "Türkisch-Islamische Union der Anstalt für Religion e.V.": its "für" is part of its name.
  const first = parts[0]?.trim()
  if (first !== undefined && joined.length === 1 && isCompany(first)) return null
  if (joined[0] !== undefined && agencyNamed(joined[0]) === null && isOrganisation(joined[0])) return null
  // "…cambio de look: impactó a Mauricio Pinilla": a connector inside a sentence joins no names.
  if (joined.length > 1 && WORD_CONNECTOR_RE.test(text) && joined.some(isSentence)) return []
  const names: string[] = []
  for (const [index, part] of withoutAddress(joined)
    .flatMap(arabicNames)
    .flatMap(agencyAfterName)
    .entries()) {
    if (isBylinePlace(part) || (index > 0 && isPlaceAndTitle(part))) continue
    const agencyDesk = agencyOfDesk(part)
    if (agencyDesk !== null) names.push(agencyDesk)
    else if (CJK_RE.test(part)) {
      const credit = cjkNames(part, segment)
      agencies.push(...credit.agencies)
      names.push(...credit.names.map((name) => cleanName(name, options)).filter(isName))
    } else {
      const name = cleanName(part, options)
      if (name !== null) names.push(name)
    }
  }
  return names
}

const isName = (name: string | null): name is string => name !== null

/**
 * "Redazione ANSA", "Редакция ТАСС", "AFP Newsroom", "Agencja PAP": an agency's desk, or the word
 * "agency" before its name, is the agency, as it writes itself.
 */
function agencyOfDesk(part: string): string | null {
  const words = part.trim().split(/\s+/)
  for (let cut = 1; cut < words.length; cut += 1) {
    const before = words.slice(0, cut).join(' ')
    const after = words.slice(cut).join(' ')
    const isDesk = (text: string): boolean =>
      bylineWords.teamWords.has(lowerPhrase(text)) || bylineWords.agencyWords.has(lowerPhrase(text))
    const agency = isDesk(before) ? agencyNamed(after) : isDesk(after) ? agencyNamed(before) : null
    if (agency !== null) return agency.name
  }
  return null
}

const isAcronym = (name: string): boolean =>
  !name.includes(' ') && agencyNamed(name) === null && /^\p{Lu}{2,6}$/u.test(name)

/**
 * "By Tom Smith, Moscow Correspondent": after a name, a word and a title are that name's post; so is
 * a title and what it is of ("Projektleiterin der HSS in Tunesien", "head of research").
 */
function isPlaceAndTitle(part: string): boolean {
  const words = lowerPhrase(part).split(' ')
  if (words.length < 2) return false
  if (bylineWords.titleSet.has(words[0] ?? '') && /^\p{Ll}/u.test(part.split(/\s+/)[1] ?? '')) return true
  if (words.length > 3) return false
  return (
    bylineWords.titleSet.has(words[words.length - 1] ?? '') ||
    bylineWords.titleSet.has(words.slice(-2).join(' '))
  )
}

let trailingAgencyRe: RegExp | null = null

/**
 * "By AMY SMITH Associated Press", "Von Anna Schmidt Deutsche Presse-Agentur": the wire's byline
 * writes the agency after the name with no comma. An agency's long name (two words or more) at the
 * end of a part of three words or more is split off as its own credit.
 */
function agencyAfterName(part: string): string[] {
  trailingAgencyRe ??= new RegExp(
    `^(.+?)\\s+(${agencySpellings()
      .filter((spelling) => /\s/.test(spelling.trim()))
      .map(escape)
      .join('|')})$`,
    'iu',
  )
  const match = trailingAgencyRe.exec(part.trim())
  const name = match?.[1]
  const agency = match?.[2]
  if (name === undefined || agency === undefined || agencyNamed(agency) === null) return [part]
  return name.split(/\s+/).length >= 2 ? [name, agency] : [part]
}

/** Big towns written in two words or more ("New Delhi", "São Paulo"), in lower case. */
const BYLINE_PLACES = new Set(placeData.places.map(lowerPhrase))

/** Whether the words are a big town written in two words or more ("New York", "Buenos Aires"). */
export function isManyWordTown(words: string): boolean {
  return BYLINE_PLACES.has(lowerPhrase(words))
}
const PLACE_LEAD_RE = new RegExp(`^(?:${phrases([...bylineWords.placeWords, 'de', 'desde'])})\\s+`, 'iu')

/**
 * "New Delhi", "in São Paulo", "Tel Aviv.": a town that reads like a name (two capitalised words),
 * which one word ("Brüssel") does not need to be told from. Lone words are the cleaning's already.
 */
function isBylinePlace(part: string): boolean {
  const place = part
    .trim()
    .replace(PLACE_LEAD_RE, '')
    .replace(/[.,;:]+$/u, '')
  return /\s/u.test(place) && BYLINE_PLACES.has(lowerPhrase(place))
}

/** Arabic joins "and" to the next word ("محمد علي وأحمد حسن"); only between two full names. */
const ARABIC_AND_RE = /\s+و(?=\p{Script=Arabic}{2,})/u

function arabicNames(part: string): string[] {
  const match = ARABIC_AND_RE.exec(part)
  if (match === null) return [part]
  const before = part.slice(0, match.index)
  const after = part.slice(match.index + match[0].length)
  const words = (text: string): number => text.trim().split(/\s+/).length
  return words(before) >= 2 && words(after) >= 2 ? [before, ...arabicNames(after)] : [part]
}

/** "Olympia-Verlag GmbH, Nürnberg, Germany": after a company's name, lone words are its address. */
function withoutAddress(parts: string[]): string[] {
  // "Münster, Germany": beside a country, a lone word is a place of it.
  if (parts.some((part) => COUNTRY_NAMES.has(lowerPhrase(part.replace(/[.;:]+$/u, '')))))
    return parts.filter((part) => /\s/.test(part.trim()) || agencyNamed(part.trim()) !== null)
  const company = parts.findIndex((part) =>
    part.split(/\s+/).some((word, i) => i > 0 && bylineWords.companySuffixes.has(word.toLocaleLowerCase())),
  )
  if (company < 0) return parts
  return parts.filter((part, i) => i <= company || /\s/.test(part.trim()))
}

/** One capitalised word, as a surname or a given name is written ("Harm", "Robert", "J."). */
const NAME_WORD_RE = /^\p{Lu}[\p{L}\p{M}'’-]*\.?$/u

/**
 * "Harm, Robert": a catalogue's or a citation's author, surname first, as meta tags give it. Only a
 * credit of exactly two single words around one comma reads so; two authors are joined by "and", and
 * a lone word is never a full name, so nothing a byline lists is lost by reading it as one person.
 */
function invertedName(text: string, parts: string[]): string | null {
  const [surname, given] = parts
  if (parts.length !== 2 || surname === undefined || given === undefined) return null
  if (!/^[^,;/&+]+,[^,;/&+]+$/u.test(text.trim())) return null
  const words = [surname, ...given.split(' ')]
  if (words.length > 3 || !words.every((word) => NAME_WORD_RE.test(word))) return null
  if (words.every((word) => isShouted(word) && word.length > 1)) return null
  const either = [surname, given]
  if (either.some((word) => agencyNamed(word) !== null || isNotAPerson(word))) return null
  return `${given} ${surname}`
}

/** A word that names a desk, a title, a label or a country, never a person. */
function isNotAPerson(word: string): boolean {
  const key = lowerPhrase(word)
  return (
    bylineWords.teamWords.has(key) ||
    bylineWords.titleSet.has(key) ||
    bylineWords.noise.has(key) ||
    bylineWords.degrees.has(key) ||
    COUNTRY_NAMES.has(key)
  )
}

/** "STAFF AND WIRE REPORTS" → "Staff and wire reports". */
function unshoutDesk(desk: string): string {
  const lower = desk.toLocaleLowerCase()
  return lower.charAt(0).toLocaleUpperCase() + lower.slice(1)
}

function stripPrefixes(text: string): string {
  let current = text.trim()
  for (let i = 0; i < 3; i += 1) {
    const match = PREFIX_RE.exec(current)
    if (match === null || match[0].length === 0) break
    if (isGivenNameNotPrefix(match[0], current.slice(match[0].length))) break
    current = current.slice(match[0].length).trim()
  }
  return current
}

/**
 * Indonesian "Oleh Budi Santoso" is "by Budi Santoso"; Ukrainian "Oleh Sentsov" is a name. A prefix
 * that is also a given name (`prefixesAlsoGivenNames`) is one only before a colon or two words.
 */
function isGivenNameNotPrefix(prefix: string, rest: string): boolean {
  const word = lowerPhrase(prefix).replace(/[\s:：]+$/u, '')
  if (!bylineWords.prefixesAlsoGivenNames.has(word) || /[:：]/u.test(prefix)) return false
  const name = rest.trim().split(/\s*[,;|/&]\s*/u)[0] ?? ''
  return name.split(/\s+/).filter((w) => w !== '').length < 2
}

/** Cuts the segment where a date, a time or a "Updated" label begins, with the "on"/"am" before it. */
function cutAtDate(text: string): string {
  let cut = text.length
  const label = DATE_LABEL_RE.exec(text)
  if (label !== null) cut = Math.min(cut, label.index)
  const numeric = NUMERIC_DATE_RE.exec(text)
  if (numeric !== null) cut = Math.min(cut, numeric.index)
  if (cut === text.length) return text
  const words = text.slice(0, cut).split(/(\s+)/)
  // A month name is a date only beside a number (April and June are also first names).
  while (words.length > 0) {
    const last = lowerPhrase((words[words.length - 1] ?? '').replace(/[.,]$/, ''))
    const glue = bylineWords.dateGlue.has(last) || bylineWords.months.has(last) || /^[,.:;-]?$/.test(last)
    if (!glue) break
    words.pop()
  }
  // "Posted by Konstantin @ 12:00 am": the at sign of a time is no part of the name.
  return words.join('').replace(/[\s,:;@–—-]+$/u, '')
}

/** "Christian Seiler Illustration von Markus Roost", "Bild © ARD": a picture's credit is not a byline. */
function cutAtPhotoCredit(text: string): string {
  const words = text.split(/\s+/)
  const index = words.findIndex(
    (word) => word === '©' || bylineWords.photoLabels.has(lowerPhrase(word.replace(/[^\p{L}]/gu, ''))),
  )
  return index < 0 ? text : words.slice(0, index).join(' ')
}

function cutAtComments(text: string): string {
  // "Ein Kommentar von Anna Schmidt": a comment word inside the byline's own prefix is no count.
  const prefix = PREFIX_RE.exec(text)?.[0] ?? ''
  const words = text.slice(prefix.length).split(/\s+/)
  const index = words.findIndex((word) =>
    bylineWords.commentWords.has(lowerPhrase(word.replace(/[^\p{L}]/gu, ''))),
  )
  return index < 0 ? text : `${prefix}${words.slice(0, index).join(' ')}`.trim()
}

/** Connectors that are words ("and", "a", "y"), as opposed to commas and ampersands. */
const WORD_CONNECTOR_RE = new RegExp(
  `\\s(?:${bylineWords.connectors
    .filter((c) => /^\p{L}/u.test(c) && !HAN.test(c))
    .map((c) => escape(c).replace(/ /g, '\\s+'))
    .join('|')})\\s`,
  'iu',
)
/** A word connector left at a part's start by the comma before it ("A, B, and C"); not "Y", "E". */
const LEADING_CONNECTOR_RE = new RegExp(
  `^(?:${bylineWords.connectors
    .filter((c) => /^\p{L}/u.test(c) && !HAN.test(c) && c.length >= 2)
    .map((c) => escape(c).replace(/ /g, '\\s+'))
    .join('|')})\\s+(?=\\p{Lu})`,
  'iu',
)
/** Lower-case words past this many make a part a sentence, not a name with a title or a place. */
const SENTENCE_LOWER_WORDS = 2

function isSentence(part: string): boolean {
  const lowerWords = part.split(/\s+/).filter((word) => /^\p{Ll}/u.test(word) && !isParticle(word))
  return lowerWords.length >= SENTENCE_LOWER_WORDS && !bylineWords.titleSet.has(lowerPhrase(part))
}

/** One credited name, or null when what is left is a title, a label, a date or a sentence. */
function cleanName(part: string, options: BylineOptions = {}): string | null {
  let name = stripPrefixes(part.replace(/^[©~*•·>»\s]+/u, '').replace(/\s*[([{].*$/u, ''))
  if (BIO_START_RE.test(name) || PLACE_PART_RE.test(name)) return null
  // "Nombre del autor", "Author name": a template's placeholder, before its title word is cut.
  if (bylineWords.noise.has(lowerPhrase(name))) return null
  // "i>", "style=": markup printed as text (an escaped tag) is nobody's name.
  if (/[<>{}=\\]/u.test(name)) return null
  name = name.replace(BIO_RE, '')
  name = name.replace(PLACE_RE, '')
  name = name.replace(AFFILIATION_RE, '')
  name = stripTitles(name)
  name = name.replace(/^[\s"'“”„«»‹›,.:;*–—-]+/u, '').replace(/[\s"'“”„«»‹›,:;*–—→←-]+$/u, '')
  // A full stop ends an initial or "Jr.", not a name.
  if (/\p{L}{2,}\.$/u.test(name) && !/(?:jr|sr)\.$/i.test(name)) name = name.slice(0, -1)
  name = name.replace(/\s+/g, ' ').trim()
  if (name === '') return null
  const key = lowerPhrase(name)
  if (bylineWords.noise.has(key) || bylineWords.titleSet.has(key) || bylineWords.photoLabels.has(key))
    return null
  if (agencyNamed(name) !== null) return agencyNamed(name)?.name ?? name
  // "Olympia-Verlag GmbH, Nürnberg, Germany": a country in the byline slot is the address's.
  if (COUNTRY_NAMES.has(key)) return null
  // "redaktion" as a CMS account writes it is the desk all the same.
  if (bylineWords.teamWords.has(key) && name === name.toLocaleLowerCase()) return capitalised(name)
  if (isJoinedNoise(name) || isOrganisation(name)) return null
  if (isShouted(name)) name = unshout(name)
  else name = unshoutSurnames(name)
  if (options.typedName === true && isTypedInLowerCase(name))
    name = name.split(' ').map(capitalised).join(' ')
  return isPlausibleName(name, options) ? name : null
}

/** "James Lynch from University of Michigan", "Glen Owen For The Mail On Sunday": a name's employer. */
const AFFILIATION_RE =
  /(?<=\S\s+\S+)\s+(?:for|from|für|pour)\s+(?:the\s+|die\s+|der\s+|le\s+|la\s+)?\p{Lu}.*$/iu

const capitalised = (word: string): string => word.charAt(0).toLocaleUpperCase() + word.slice(1)

/**
 * "mobasir hassan", "Mobasir hassan": a name typed into a CMS in lower case, two or three words of
 * letters, none of them a word bylines use for something else (a title, a label, a desk).
 */
function isTypedInLowerCase(name: string): boolean {
  const words = name.split(' ')
  if (words.length < 2 || words.length > 3) return false
  if (!words.some((word) => /^\p{Ll}/u.test(word))) return false
  return words.every((word) => {
    const key = word.toLocaleLowerCase()
    if (!/^\p{L}{2,}$/u.test(word) || bylineWords.particles.has(key)) return false
    return ![
      bylineWords.titleSet,
      bylineWords.noise,
      bylineWords.teamWords,
      bylineWords.dateGlue,
      bylineWords.months,
      bylineWords.placeWords,
      bylineWords.commentWords,
      bylineWords.photoLabels,
    ].some((set) => set.has(key))
  })
}

/** "Zur PersonAlle Beiträge": labels of an author box whose elements were joined without a space. */
function isJoinedNoise(name: string): boolean {
  const pieces = name.split(/(?<=\p{Ll})(?=\p{Lu})/u)
  return pieces.length > 1 && pieces.some((piece) => bylineWords.noise.has(lowerPhrase(piece)))
}

/** "Deutsches Rotes Kreuz", "Landesfeuerwehrverband Bayern": an organisation publishes; it did not write. */
/** "Deutscher Caritasverband e. V.", "Nordex SE", "Web Commerce GmbH": a name ending in a company's form. */
function isCompany(name: string): boolean {
  const words = name.replace(/\b(e)\.\s+(v)\./giu, '$1.$2.').split(/\s+/)
  const last = words[words.length - 1]?.toLocaleLowerCase()
  return words.length >= 2 && last !== undefined && bylineWords.companySuffixes.has(last)
}

function isOrganisation(name: string): boolean {
  // "Redaktion Süddeutsche Zeitung" is the paper's desk, a team.
  if (kindOf(name) === 'team') return false
  const key = lowerPhrase(name)
  if (bylineWords.cjkOrganisationEnds.some((end) => key.endsWith(end) && key.length > end.length)) return true
  const words = key.split(/[\s-]+/)
  // "Sioux Falls Argus Leader", "The Des Moines Register": a paper's title ends with its kind of paper.
  if (words.length >= 3 && bylineWords.newspaperEnds.has(words[words.length - 1] ?? '')) return true
  if (bylineWords.organisationWords.some((word) => ` ${key} `.includes(` ${word} `))) return true
  return words.some(
    (word) => word.length > 8 && bylineWords.organisationSuffixes.some((suffix) => word.endsWith(suffix)),
  )
}

function stripTitles(name: string): string {
  let current = name
  // "FOCUS-Online-Experte Robin Tschöpe", "SPIEGEL-Korrespondent Max Muster".
  const compound = /^(\S+-)(\p{L}+)\s+(?=\S+\s+\S)/u.exec(current)
  if (compound?.[2] !== undefined && bylineWords.titleSet.has(compound[2].toLocaleLowerCase())) {
    current = current.slice(compound[0].length)
  }
  // Lowered and split again only when a title was cut: one name is weighed against every title.
  let lowerName = lowerPhrase(current)
  let words = current.split(' ')
  for (const title of bylineWords.titles) {
    if (words.length < 2) break
    const kept = words.length - title.split(' ').length
    // "Jane Doe Reporter" loses its title; "Anna Reporter" is a name, unless the word is written
    // as a title is ("Anna reporter"): a capitalised word after a lone given name is a surname.
    const titleWritten = (): boolean => /^\p{Ll}/u.test(words[kept] ?? '')
    if (lowerName.endsWith(` ${title}`) && (kept >= 2 || (kept >= 1 && titleWritten()))) {
      current = words.slice(0, words.length - title.split(' ').length).join(' ')
    } else if (lowerName.startsWith(`${title} `) && words.length - title.split(' ').length >= 2) {
      current = words.slice(title.split(' ').length).join(' ')
    } else continue
    lowerName = lowerPhrase(current)
    words = current.split(' ')
  }
  return current
}

/** A name as a reader would take it: short, no numbers, no run of lower-case words (a sentence). */
export function isPlausibleName(name: string, options: BylineOptions = {}): boolean {
  if (name.length < 2 || name.length > 70) return false
  if (!/\p{L}/u.test(name) || DOMAIN_RE.test(name)) return false
  const words = name.split(' ')
  if (words.length > 6) return false
  if (words.some((word) => /^\d+$/.test(word))) return false
  // A company (GmbH, Ltd, Inc.) publishes; it is not who wrote.
  if (words.some((word, i) => i > 0 && bylineWords.companySuffixes.has(word.toLocaleLowerCase())))
    return false
  if (/admin/i.test(name)) return false
  // "fhaacker", "sv_team" in a CMS field: the account's login, which names nobody. (Printed on a
  // forum, a handle is how the poster is known, and is kept.)
  if (options.typedName === true && isHandle(name)) return false
  if (words.length >= 2) {
    const lowerWords = words.filter((word) => /^\p{Ll}/u.test(word) && !isParticle(word))
    if (lowerWords.length > 0) return false
  }
  return true
}

const isHandle = (name: string): boolean =>
  /[_\d]/u.test(name) || (!name.includes(' ') && /^\p{Ll}/u.test(name) && /\p{Script=Latin}/u.test(name))

/** "von", "de la", and those written against the next part: "al-Masri", "d'Ormesson", "dell'Acqua". */
function isParticle(word: string): boolean {
  const key = word.toLocaleLowerCase()
  if (bylineWords.particles.has(key)) return true
  const joined = /^(\p{Ll}+)[-'’]\p{L}/u.exec(word)
  return joined?.[1] !== undefined && bylineWords.particlePrefixes.has(joined[1])
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = lowerPhrase(name)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Among full names, a lone word is a place, a desk or a section ("Markus Haefliger, London"), unless
 * it is an agency; and lower-case initials after a slash are an editor's mark ("dpa/lno").
 */
function withoutStrayWords(names: string[]): string[] {
  const hasFullName = names.some((name) => name.includes(' ') && agencyNamed(name) === null)
  // "EFE | Madrid", "AFP/Getty": beside an agency, a lone word is its dateline's place or a picture's credit.
  const hasAgency = names.some((name) => agencyNamed(name) !== null)
  return names.filter((name) => {
    if (agencyNamed(name) !== null) return true
    if (/^\p{Ll}{1,4}$/u.test(name) && (names.length > 1 || name.length <= 3)) return false
    if (name.includes(' ') || HAN.test(name)) return true
    return !(hasFullName || (hasAgency && !bylineWords.teamWords.has(lowerPhrase(name))))
  })
}
