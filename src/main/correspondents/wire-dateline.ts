import { agencySpellings, agencyNamed, bylineWords } from './byline-words'

/*
 * A wire story names its agency in the dateline ("PARIS (AFP) -", "NEW YORK (Reuters) —",
 * "Berlin (dpa) -") or, in German and other papers, in a closing credit ("(dpa)" at the end).
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
/** How far into the text a dateline may end: a place, a date, the agency and its dash. */
const DATELINE_CHARS = 160
const CLOSING_CHARS = 80

interface Patterns {
  /** "With inputs from PTI", "Źródło: PAP", "— AFP": the story's last line, the agencies its group. */
  closingLine: RegExp
  opening: RegExp
  /** The other scripts' and agencies' forms, each with the agency as its first group. */
  otherOpenings: RegExp[]
  closing: RegExp
  /** "… to sneak into the US. PTI": the agency after the story's last sentence, no bracket. */
  closingWord: RegExp
}

let patterns: Patterns | null = null

function buildPatterns(): Patterns {
  const agencies = agencySpellings().map(escape).join('|')
  const credit = `(?:${agencies})(?:\\s*[/,]\\s*(?:${agencies}|\\p{Ll}{2,4}))*`
  // A script without capitals (Arabic, Hebrew) starts its place with any of its letters.
  const place = `[\\p{Lu}\\p{Lo}][\\p{L}\\p{M}.'’/ -]{0,60}`
  const capitalisedPlace = `\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:[ /-]\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,3}`
  // "3 mar", "Dec. 3", "Tuesday, December 3, 2024": a weekday's comma too.
  const date = `(?:,[\\p{L}\\p{N}\\p{M}., ]{0,40})?`
  const labels = bylineWords.agencyCreditLabels.map((label) => escape(label).replace(/ /g, '\\s+')).join('|')
  return {
    closingLine: new RegExp(
      `^[(（]?\\s*(?:(?:${labels})\\s*[:：]?|[-–—])\\s*([^()（）:：]+?)\\s*[)）]?\\.?$`,
      'iu',
    ),
    // Place (capitalised words, "Brüssel/Berlin", maybe a date after a comma), the agency in
    // brackets, then a dash or colon, maybe after a full stop ("(EFE).-", "(dpa) ·").
    opening: new RegExp(`^(?:${place}${date}\\s*)?[(（]\\s*(${credit})\\s*[)）]\\.?\\s*[-–—:‒―·•]`, 'u'),
    otherOpenings: [
      // "Mumbai, Dec 3 (PTI) The government…", "Berlin (dpa) Die Regierung…": no dash, the story's
      // first sentence at once. The place is then a few capitalised words, so that a sentence
      // naming an agency in brackets ("…said the Associated Press (AP) on Monday") is not one.
      new RegExp(`^${capitalisedPlace}${date}\\s*[(（]\\s*(${credit})\\s*[)）]\\s+(?=[\\p{Lu}"“„«‘'])`, 'u'),
      // "МОСКВА, 3 декабря. /ТАСС/.", "КИЇВ, 3 грудня /Укрінформ/": the agency between slashes,
      // maybe with its correspondent ("/Корр. ТАСС Иван Петров/").
      new RegExp(
        `^(?:${place}${date}\\.?\\s*)?/\\s*(?:[Кк]орр\\.\\s*|[Кк]орреспондент\\s+)?(${credit})(?:\\s[^/]{2,40})?\\s*/`,
        'u',
      ),
      // "МОСКВА, 3 дек — РИА Новости.": the agency after the dash, ending its sentence.
      new RegExp(`^${place}${date}\\s*[-–—]\\s*(${credit})\\s*[.:]`, 'u'),
      // "(서울=연합뉴스)": the place filed from and the agency, an equals sign between.
      new RegExp(`^[(（]\\s*[^\\s()（）=＝]{1,12}\\s*[=＝]\\s*(${credit})\\s*[)）]`, 'u'),
      // "新华社北京12月3日电": the agency, the place and the day, then 电 (dispatched).
      new RegExp(`^(${credit})\\s*\\p{Script=Han}{0,10}\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*[电電]`, 'u'),
      // "【ワシントン共同】", "【北京＝時事】": the place and the agency in lenticular brackets.
      new RegExp(`^【[^】]{0,20}?[=＝]?(${credit})】`, 'u'),
    ],
    closing: new RegExp(`[(（]\\s*(${credit})\\s*[)）]\\.?\\s*$`, 'u'),
    closingWord: new RegExp(`[.!?。”"’]\\s+(${credit})\\s*$`, 'u'),
  }
}

/** The paragraphs a dateline may open: the headline or a standfirst may come before it. */
const DATELINE_PARAGRAPHS = 3
/**
 * Shorter lines do not count among them: a byline, a date, a picture's count printed above the
 * story ("JANIE HAR", "Nov. 20, 2019 Updated: 1:35 a.m.", "4", then "SAN FRANCISCO (AP) —").
 */
const SHORT_LINE_CHARS = 60
const MAX_LINES = 10

/** The agencies a story's dateline or closing credit names, by their short names. */
export function agenciesInDateline(text: string): string[] {
  patterns ??= buildPatterns()
  const trimmed = text.trim()
  const found: string[] = []
  const paragraphs: string[] = []
  let counted = 0
  for (const line of trimmed.split(/\n+/).slice(0, MAX_LINES)) {
    if (counted === DATELINE_PARAGRAPHS) break
    paragraphs.push(line)
    if (line.trim().length >= SHORT_LINE_CHARS) counted += 1
  }
  for (const paragraph of paragraphs) {
    const start = paragraph.trim().slice(0, DATELINE_CHARS)
    const opening = [patterns.opening, ...patterns.otherOpenings]
      .map((pattern) => pattern.exec(start))
      .find((match) => match?.[1] !== undefined)
    if (opening?.[1] !== undefined) {
      found.push(...agenciesIn(opening[1]))
      break
    }
  }
  const end = trimmed.slice(-CLOSING_CHARS)
  const closing = patterns.closing.exec(end) ?? patterns.closingWord.exec(end)
  if (closing?.[1] !== undefined) found.push(...agenciesIn(closing[1]))
  else found.push(...agenciesOfClosingLine(trimmed.split(/\n+/).pop() ?? ''))
  return [...new Set(found)]
}

/** A line of credits closing the story is short; a paragraph that ends with a dash is not one. */
const CLOSING_LINE_CHARS = 60
/** "PTI and agencies", "dpa/AFP", "Reuters, AP", "Reuters & AFP". */
const AGENCY_LIST_SEPARATOR_RE = /\s*[/,&+]\s*|\s+(?:and|und|et|i|e|y|и|та)\s+/iu

/**
 * "With inputs from PTI", "(With inputs from agencies)", "Źródło: PAP", "— AFP": the story's last
 * line says whose material it is. Every name on it must be an agency: "Source: Ministry of
 * Health" credits nobody.
 */
function agenciesOfClosingLine(line: string): string[] {
  const text = line.trim()
  if (text.length > CLOSING_LINE_CHARS || patterns === null) return []
  const listed = patterns.closingLine.exec(text)?.[1]
  if (listed === undefined) return []
  const agencies = listed
    .split(AGENCY_LIST_SEPARATOR_RE)
    .map((part) => agencyNamed(part.trim())?.name ?? null)
  return agencies.every((name) => name !== null) ? agencies : []
}

function agenciesIn(credit: string): string[] {
  return credit
    .split(/[/,]/)
    .map((part) => agencyNamed(part.trim())?.name ?? null)
    .filter((name): name is string => name !== null)
}
