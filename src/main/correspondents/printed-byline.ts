import { agencyNamed, bylineWords, lowerPhrase } from './byline-words'
import { CJK_RE } from './cjk-names'
import { isManyWordTown } from './clean-byline'
import workSheet from './data/work-sheet-labels.json'

/*
 * A byline printed as a line of the story itself ("Von Daniela Obers", "Text: Klausmartin
 * Friedrich"), as plain text and pages without byline markup have it.
 */

/** How far into the story, and how close to its end, such a line stands. */
const FIRST_LINES = 4
const LAST_LINES = 2

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A byline printed as a line of the story ("Von Daniela Obers", "Eine Kolumne von X", "Text: X"). */
const PRINTED_BYLINE_RE = new RegExp(
  `^(?:${bylineWords.printedStarts.map((start) => escape(start).replace(/ /g, '\\s+')).join('|')})\\s*[:：]?\\s+`,
  'iu',
)
/**
 * Separate from the above: with the `i` flag, \p{Lu} would match lower case too. Scripts without
 * capitals (Arabic, Hebrew, Han, Hangul) start a name with any of their letters: "بقلم: محمد علي".
 */
const NAME_START_RE = /^[\p{Lu}\p{Lo}]/u
const PRINTED_BYLINE_WORDS = 12

/**
 * Whether an element's text (its textContent) could hold a printed byline as the first of its lines,
 * or a dated one (see datedBylineName): only text that starts as a byline does, or holds a digit.
 * Splitting a text into its lines costs its markup; most of the story's blocks are told apart here.
 */
export function mayHoldPrintedByline(text: string): boolean {
  // The first line is the start of the text, its spaces collapsed, so its byline starts this text.
  const start = text.replace(/\s+/g, ' ').trim()
  return (
    /\d/.test(text) ||
    PRINTED_BYLINE_RE.test(start) ||
    CJK_RE.test(start.slice(0, 2)) ||
    deskLabelledName(start) !== null
  )
}

/**
 * "Redaktion: Sabine Kellner (Pressesprecherin)", "14.03.2024 - Redazione: Marco Rossi": the person a
 * desk's label names, in a line of its own or a field of the story's information line. Beside an
 * author it is the editor (see otherRoleLabels), so it is read only when nothing else signs.
 */
export function deskLabelledName(line: string): string | null {
  for (const field of line.split(FIELD_SEPARATOR_RE)) {
    const text = field.trim()
    const label = LABEL_PREFIX_RE.exec(text)
    if (label?.[1] === undefined || !bylineWords.deskLabels.has(lowerPhrase(label[1]))) continue
    const rest = text.slice(label[0].length).trim()
    // One word there is a department ("Redaktion: Lokales"), not the person who prepared it.
    const name =
      rest
        .split(/[(,;|]/u)[0]
        ?.trim()
        .split(/\s+/) ?? []
    if (NAME_START_RE.test(rest) && name.length >= 2 && rest.split(/\s+/).length <= PRINTED_BYLINE_WORDS)
      return rest
  }
  return null
}

/**
 * Han, katakana and Hangul (no hiragana: a name is not written in it, a sentence is), maybe after
 * an outlet in Latin letters and an equals sign ("OSEN=김철수 기자").
 */
const CJK_BYLINE_RE =
  /^(?:[A-Za-z0-9]{2,12}\s*[=＝]\s*)?[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー\s・･·＝=／/:：]+$/u
const CJK_BYLINE_CHARS = 30
const TRAILING_EMAIL_RE = /\s+[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}$/u
/** "文/王小明", "文｜王小明": the one-character label of Chinese bylines, with its mark. */
const TEXT_LABEL_RE = /^文\s*[/／|｜:：]/u

/**
 * A Chinese, Japanese or Korean byline line: a reporter's title before or after the name ("记者 王小明",
 * "山田太郎記者", "김철수 기자 kim@yna.co.kr", "칼럼니스트 박생강 pillgoo9@gmail.com"), "文/王小明".
 * Short, of the scripts a name is written in. A title first is spaced from the name, and in Korean
 * (which writes it after the name) only in a signature with its address: "기자 수첩" (a reporter's
 * notebook), "특파원 리포트", "本报记者手记", "記者会見" are headings.
 */
function isCjkByline(line: string): boolean {
  const signed = TRAILING_EMAIL_RE.test(line)
  const text = line.replace(TRAILING_EMAIL_RE, '').trim()
  if (text.length > CJK_BYLINE_CHARS || !CJK_BYLINE_RE.test(text) || !CJK_RE.test(text)) return false
  if (TEXT_LABEL_RE.test(text)) return true
  const titles = bylineWords.cjkTitles
  const spaced = text.split(/[\s・･:：／/]+/u).filter((run) => run !== '')
  if (spaced.length < 2 && !signed) {
    // Written against the name, after it: "山田太郎記者", "ソウル＝山田太郎特派員".
    return titles.some((title) => text.endsWith(title) && text.length >= title.length + 2)
  }
  const first = spaced[0] ?? ''
  const last = spaced[spaced.length - 1] ?? ''
  if (
    titles.includes(last) ||
    titles.some((title) => last.endsWith(title) && last.length >= title.length + 2)
  )
    return true
  return titles.includes(first) && (signed || !HANGUL_RE.test(first))
}

const HANGUL_RE = /\p{Script=Hangul}/u

export function isPrintedByline(line: string): boolean {
  if (isCjkByline(line) || bylineAmongFields(line) !== null) return true
  const prefix = PRINTED_BYLINE_RE.exec(line)
  if (prefix === null) return false
  const rest = withoutPostedPlace(line.slice(prefix[0].length))
  const start = lowerPhrase(prefix[0]).replace(/[\s:：]+$/u, '')
  if (bylineWords.printedStartsBeforeTwoWords.has(start) && rest.trim().split(/\s+/).length < 2) return false
  if (!NAME_START_RE.test(rest) && !isHandleAndDate(rest) && !startsWithAgency(rest)) return false
  if (line.split(/\s+/).length > PRINTED_BYLINE_WORDS) return false
  // A sentence ends with a full stop; a labelled credit may too ("Autorin: X, Projektleiterin.").
  return !/[.!?]$/.test(line) || (/^\S+\s*[:：]/u.test(line) && !/[!?]$/.test(line))
}

let postedPlace: RegExp | null = null

/**
 * "Door onze correspondent in Brussel, Jan de Vries", "De notre correspondant à Moscou, Jean
 * Dupont": a correspondent's post is written with the town it is in, before the name; the name
 * after the comma is what starts the byline.
 */
function withoutPostedPlace(rest: string): string {
  const placeWords = [...bylineWords.placeWords].map(escape).join('|')
  postedPlace ??= new RegExp(
    `^(?:${placeWords})\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[\\s-]+\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,2}\\s*,\\s+`,
    'u',
  )
  return rest.replace(postedPlace, '')
}

let handleAndDate: RegExp | null = null

/**
 * "Gespeichert von rasos am 24. Juli 2017 - 18:55", "Submitted by jdoe on 03/12/2024": the account
 * that posted, as Drupal and forums print it. A word in lower case after the label is a sentence
 * ("von meinem Vater…") unless a date follows it at once: then it is the poster's handle.
 */
function isHandleAndDate(rest: string): boolean {
  const glue = [...bylineWords.dateGlue].map(escape).join('|')
  handleAndDate ??= new RegExp(
    `^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*\\s*(?:(?:${glue}|@)\\s+)?(?:[\\p{L}]{2,10}\\.?,?\\s+)?(?:${datePattern()})`,
    'iu',
  )
  return handleAndDate.test(rest.trim())
}

/** "Mit Material von dpa", "Con información de EFE": an agency written in lower case is a name too. */
function startsWithAgency(rest: string): boolean {
  const words = rest.trim().split(/[\s,;/]+/)
  return [words.slice(0, 3).join(' '), words.slice(0, 2).join(' '), words[0] ?? ''].some(
    (start) => start !== '' && agencyNamed(start) !== null,
  )
}

/** A credit whose first line starts with a byline's label ("By …", "Text & Fotos: …", "Autor: …"). */
export function isSignature(credit: string): boolean {
  const line = credit.split('\n')[0] ?? ''
  const first = bylineAmongFields(line) ?? line
  const label = LABEL_PREFIX_RE.exec(first)
  if (
    label !== null &&
    bylineWords.creditLabels.has(label[1]?.toLocaleLowerCase().replace(/\s+/g, ' ') ?? '')
  ) {
    return true
  }
  const prefix = PRINTED_BYLINE_RE.exec(first)
  return prefix !== null && NAME_START_RE.test(first.slice(prefix[0].length))
}
const LABEL_PREFIX_RE = /^([^:：]{1,30}?)\s*[:：]/u

/**
 * A credit with a label and a colon ("Text: Klausmartin Friedrich", "Autor: Peter Maahn") may stand
 * further from the end, above the photo credits and "(to be continued)": the label says what it is.
 */
const LAST_LABELLED_LINES = 6
const LABELLED_RE = /^\p{L}+(?:\s\p{L}+)?\s*[:：]/u

/** A line that is all one bracket: "(Reporting by Jane Doe; Editing by John Roe)". */
const WRAPPED_LINE_RE = /^[(（]([^()（）]+)[)）]$/u

/**
 * "… bleibt spannend. (Christian P. Stadtfeld) +++", "… al voto. (Testo: Anna Rossi)": a signature
 * in brackets run on after the story's last sentence, maybe followed by the page's decoration
 * (crosses, stars, squares, dashes). Only the bracket after a sentence's end is one: "… said the
 * minister (Olaf Scholz)." names someone inside the sentence, and a bracket after a closing
 * quotation mark ("… so I let it go!" (Lisa Masé)) names the speaker of the quote.
 */
const CLOSING_BRACKET_RE = /[.!?…]\s*[(（]([^()（）]{3,60})[)）]\s*[^\p{L}\p{N}()（）]{0,8}$/u

/** The signature a closing bracket holds, when it reads as a bare name or a labelled byline. */
function closingBracketedSignature(line: string): string | null {
  const inside = CLOSING_BRACKET_RE.exec(line)?.[1]?.trim()
  if (inside === undefined) return null
  return isBareName(inside) || isPrintedByline(inside) ? inside : null
}

/** "WASHINGTON —", "BERLIN (dpa) –", "MADRID.-", "NEW YORK, 3 Dec —": a dateline's town in capitals. */
const SHOUTED_DATELINE_RE =
  /^\p{Lu}{2,}(?:[\s-]+\p{Lu}{2,}){0,2}(?:,[^—–:()]{1,30})?(?:\s*\([^()]{1,20}\))?\s*(?:[—–:]|\.?-)\s/u
/** How many words a town of a dateline run on after a byline has ("Rio de Janeiro"). */
const TOWN_WORDS = 4

/**
 * "By Jane Doe WASHINGTON — The Senate…", "von Andreas Kürten New York ist das Epizentrum…": the
 * byline run into the lead's first sentence, the dateline's town right after the name. The byline
 * is what comes before the town: a town in capitals with its dash, or a big town of two words or
 * more (data/byline-places) followed by the sentence. The shortest name that leaves a town after it
 * is taken, so "By Jane Mary Doe WASHINGTON —" keeps its three words.
 */
function bylineRunIntoLead(line: string): string | null {
  const prefix = PRINTED_BYLINE_RE.exec(line)
  if (prefix === null || line.split(/\s+/).length <= PRINTED_BYLINE_WORDS / 2) return null
  const words = line.slice(prefix[0].length).split(/\s+/)
  for (let count = 2; count <= 4; count += 1) {
    const name = words.slice(0, count).join(' ')
    if (!isBareName(name)) continue
    const after = words.slice(count)
    const town = SHOUTED_DATELINE_RE.test(after.join(' ')) || startsWithManyWordTown(after)
    if (town) return `${prefix[0]}${name}`
  }
  return null
}

/** "New York ist…", "Buenos Aires, 3 de diciembre": a big town, then the sentence or the date. */
function startsWithManyWordTown(words: string[]): boolean {
  for (let count = 2; count <= TOWN_WORDS; count += 1) {
    const town = words
      .slice(0, count)
      .join(' ')
      .replace(/[.,:]$/u, '')
    if (isManyWordTown(town) && words.length > count) return true
  }
  return false
}

/** The story's first lines and last lines that read as a byline. */
export function bylineLines(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const labelled = lines.slice(-LAST_LABELLED_LINES).filter((line) => LABELLED_RE.test(line))
  const first = lines.slice(0, FIRST_LINES).map((line) => bylineRunIntoLead(line) ?? line)
  const signatures = lines
    .slice(-LAST_LINES)
    .map(closingBracketedSignature)
    .filter((name) => name !== null)
  const looked = [...first, ...lines.slice(-LAST_LINES), ...labelled]
  const printed = [...new Set(looked)]
    .map((line) => WRAPPED_LINE_RE.exec(line)?.[1]?.trim() ?? line)
    .map((line) => bylineAmongFields(line) ?? reporterInDateline(line) ?? line)
    .filter((line) => (isPrintedByline(line) || isNameAndAgency(line)) && !inWorkSheet(line, lines))
  printed.push(...signatures.filter((name) => !printed.includes(name)))
  // "Jane Doe | 4 March 2024" under the headline: a name and a date with no label between them.
  if (printed.length === 0) {
    const dated = first.find((line) => datedBylineName(line) !== null)
    if (dated !== undefined) return [dated]
    const desk = first.map(deskLabelledName).find((name) => name !== null)
    if (desk != null) return [desk]
  }
  return printed
}

/** "(서울=연합뉴스) 김철수 기자 = 정부는…": the place and outlet in brackets, the reporter, "=". */
const KOREAN_DATELINE_RE = /^[(（][^()（）]{1,30}[)）]\s*([^=＝()（）]{2,30}?)\s*[=＝]/u
/** "北京12月3日电（记者 王小明）", "新华社东京12月3日电（记者王小明）": the reporter after the dispatch. */
const CHINESE_DATELINE_RE =
  /^[^（()）]{0,24}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電]\s*[（(]([^（）()]{2,30})[）)]/u

/**
 * The reporter a Korean or Chinese dateline names at the story's start, as a byline line of its
 * own (its agency, if any, is the dateline's: see wire-dateline.ts).
 */
function reporterInDateline(line: string): string | null {
  const reporter = (KOREAN_DATELINE_RE.exec(line) ?? CHINESE_DATELINE_RE.exec(line))?.[1]?.trim()
  return reporter !== undefined && isCjkByline(reporter) ? reporter : null
}

/** "Piotr Nowak (PAP)": a name and its agency in brackets, a line of its own. */
const NAME_AND_AGENCY_RE = /^(.+?)\s*[(（]([^()（）]{2,40})[)）]\.?$/u

/** A bare name and the agency it writes for, signing the story at its top or its end. */
function isNameAndAgency(line: string): boolean {
  const match = NAME_AND_AGENCY_RE.exec(line)
  if (match?.[1] === undefined || match[2] === undefined) return false
  return isBareName(match[1]) && match[2].split(/[/,]/).every((part) => agencyNamed(part.trim()) !== null)
}

/** What a CMS prints between the fields of a story's information line: " - ", " | ", " · ". */
const FIELD_SEPARATOR_RE = /\s+[-–—|·•]\s+/u
/** "Categoria: Saúde", "Tags: …", "Rubrik: Politik": a field a label names. */
const LABELLED_FIELD_RE = /^[\p{L}][\p{L} ]{0,24}[:：]\s*\S/u

/**
 * "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: …": a story's line of
 * fields, one of them its byline. The byline field is given back when every other field is a date,
 * a time or a labelled field; a sentence with dashes is none of these.
 */
function bylineAmongFields(line: string): string | null {
  const fields = line.split(FIELD_SEPARATOR_RE).map((field) => field.trim())
  if (fields.length < 2) return null
  const bylines = fields.filter((field) => PRINTED_BYLINE_RE.test(field) && isPrintedByline(field))
  if (bylines.length !== 1) return null
  const others = fields.filter((field) => field !== bylines[0])
  const isField = (field: string): boolean =>
    LABELLED_FIELD_RE.test(field) ||
    new RegExp(`^(?:${datePattern()})$`, 'iu').test(field) ||
    /^\d{1,2}[:.h]\d{2}/.test(field)
  return others.every(isField) ? (bylines[0] ?? null) : null
}

/** "Seiten: 400", "Verlag: Piper": a field of a data sheet, its label a few words and a colon. */
const FIELD_RE = /^([\p{L}][\p{L} .-]{0,24}?)\s*[:：]\s*\S/u
const WORK_SHEET_LABELS = new Set(workSheet.labels.map(lowerPhrase))

/**
 * A field of a data sheet about a work, as reviews print it beside its credits ("Titel:",
 * "Seiten:", "Verlag:", data/work-sheet-labels.json): an "Autorin:" next to one is the book's
 * author, not the story's. Bylines stand among fields too ("Autor: X" above "Kategorie: Y" and
 * "Datum: Z"), so only a work's labels say so.
 */
export function isWorkSheetField(line: string): boolean {
  const label = FIELD_RE.exec(line.trim())?.[1]
  return label !== undefined && WORK_SHEET_LABELS.has(lowerPhrase(label))
}

/** Whether a line of the text stands next to a field of a work's data sheet. */
function inWorkSheet(line: string, lines: string[]): boolean {
  const at = lines.indexOf(line)
  return [lines[at - 1], lines[at + 1]].some((next) => next !== undefined && isWorkSheetField(next))
}

/** "11.12.2019", "2024-03-12", "12/03/2024", "12. März 2024", "March 12, 2024", "12 mars 2024". */
function datePattern(): string {
  const months = [...bylineWords.months].map(escape).join('|')
  const numeric = '\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}'
  const named = `\\d{1,2}\\.?\\s+(?:${months})\\.?\\s+\\d{4}|(?:${months})\\.?\\s+\\d{1,2},?\\s+\\d{4}`
  return `(?:${numeric}|${named})(?:,?\\s*(?:um\\s+|at\\s+|à\\s+)?\\d{1,2}[:.h]\\d{2}(?:\\s*(?:Uhr|h|am|pm|a\\.m\\.|p\\.m\\.))?)?`
}
let dateTail: RegExp | null = null

/**
 * The byline's first line without the date run on after the name: "By Louis Jacobson on Monday,
 * November 18th, 2019 at 11:04 a.m." is "By Louis Jacobson", which is short enough to be a byline.
 */
export function withoutDateTail(lines: string): string {
  if (dateTail === null) {
    const months = [...bylineWords.months].map(escape).join('|')
    const glue = [...bylineWords.dateGlue].map(escape).join('|')
    const date = `(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?(?:${months})\\.?,?\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}`
    dateTail = new RegExp(
      `^(.+?)(?:\\s*[,|·•–—-])?\\s+(?:(?:${glue})\\s+)?(?:\\p{L}+,\\s+)?(?:${date})\\b.*$`,
      'iu',
    )
  }
  const [first = '', ...rest] = lines.split('\n')
  const head = dateTail.exec(first)?.[1]?.trim()
  return head === undefined || head === '' ? lines : [head, ...rest].join('\n')
}

/** What a page prints between a date, its time and the name: "-", "|", "·", "/". */
const DATE_SEPARATOR = '\\s*[-–—|·•/]\\s*'
let datedPatterns: { before: RegExp; after: RegExp } | null = null

/**
 * A date, maybe its time, and a name with no label between them: "11.12.2019 - Amelie Loevenich",
 * "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "Anna Schmidt | 12.03.2024". The name part is given
 * back for the cleaning to read; it must look like a name (see isBareName).
 */
export function datedBylineName(line: string): string | null {
  if (datedPatterns === null) {
    const date = `${datePattern()}(?:${DATE_SEPARATOR}\\d{1,2}[:.]\\d{2}(?:\\s*(?:Uhr|h))?)?`
    datedPatterns = {
      before: new RegExp(`^(?:${date})${DATE_SEPARATOR}(.+)$`, 'iu'),
      after: new RegExp(`^(.+?)${DATE_SEPARATOR}(?:${date})$`, 'iu'),
    }
  }
  const text = line.replace(/\s+/g, ' ').trim()
  const name = (datedPatterns.before.exec(text) ?? datedPatterns.after.exec(text))?.[1]?.trim()
  // Beside a date, words in capitals are the section or a label ("04. November 2021 | PAID CONTENT").
  if (name === undefined || name === name.toLocaleUpperCase()) return null
  return isBareName(name) ? name : null
}

/** A name as printed on its own: two to four words, each capitalised (or a particle), no digits. */
const BARE_NAME_WORD_RE = /^(?:\p{Lu}[\p{L}\p{M}'’-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*)$/u
const BARE_NAME_CHARS = 48

export function isBareName(text: string): boolean {
  if (text.length > BARE_NAME_CHARS || /\d/.test(text)) return false
  const words = text.split(/\s+/)
  if (words.length < 2 || words.length > 4) return false
  const capitalised = words.filter((word) => BARE_NAME_WORD_RE.test(word))
  const particles = words.filter((word) => bylineWords.particles.has(word.toLocaleLowerCase()))
  return capitalised.length >= 2 && capitalised.length + particles.length === words.length
}
