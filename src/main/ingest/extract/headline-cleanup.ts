import { namesTheOutlet, outletKey } from '@shared/outlet-name'
import words from '@shared/outlet-words.json'
import { withoutBylineLabels } from './byline-cleanup'
import { normaliseSpace } from './dom'
import { agreesWithHost } from './site-name'

/*
 * Titles carry the outlet's name for search engines and tabs ("… - Entermedia", "… | Reuters",
 * "BBC News – …"); the reader shows the outlet apart, so the headline is shown without it. Only a
 * segment at either end that names the outlet (or, at the end, the page's section) is cut: a dash
 * or a bar inside a headline is part of it.
 */

export interface HeadlineContext {
  /** Every name the page gives its outlet (og:site_name, publisher, application-name, the chosen one). */
  outletNames: string[]
  /** The page's host without "www.", or null. */
  host: string | null
  /** article:section, JSON-LD articleSection and breadcrumb names. */
  sections: string[]
}

/** Separators titles put between the headline and the outlet: spaced dashes, bars, bullets, guillemets. */
const SEPARATOR_RE = /(\s+[-–—|·•»«~:/]\s+|\s*[|｜]\s*)/u
/** "Express.co.uk", "www.wday.ru", "Phys.org": an outlet written as its address. */
const ADDRESS_RE = /^(?:www\d?\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u
/** Scripts written without spaces between words. */
const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u

/** A title as the page wrote it, without the outlet's name at its start or end. */
export function cleanHeadline(title: string, context: HeadlineContext): string {
  const text = normaliseSpace(title)
  const parts = text.split(SEPARATOR_RE)
  // parts alternates text and separator: [text, sep, text, sep, text].
  let first = 0
  let last = parts.length - 1
  let taggedOnce = false
  while (last - first >= 2) {
    if (namesOutlet(parts[last] ?? '', context) || isSection(parts[last] ?? '', context)) last -= 2
    else if (namesOutlet(parts[first] ?? '', context)) first += 2
    else if (!taggedOnce && isBarTag(parts[last - 1] ?? '', parts[last] ?? '')) {
      taggedOnce = true
      last -= 2
    } else break
  }
  if (first === 0 && last === parts.length - 1) return text
  const kept = normaliseSpace(parts.slice(first, last + 1).join(''))
  return isHeadlineLength(kept) ? kept : text
}

/**
 * The outlet's name a <title> ends with, when the rest of the title is the headline the page gives
 * elsewhere (og:title, JSON-LD) or the address spells that name: "Michael Webb: … - CBS News".
 */
export function titleSuffixOf(
  documentTitle: string,
  headlines: (string | null)[],
  host: string | null,
): string | null {
  const text = normaliseSpace(documentTitle)
  const parts = text.split(SEPARATOR_RE)
  if (parts.length < 3) return null
  const suffix = normaliseSpace(parts.at(-1))
  // "… - Seite 34" numbers a page; "… | By linksc" is a byline.
  if (isPageLabel(suffix) || withoutBylineLabels(suffix) !== suffix) return null
  if (host !== null && agreesWithHost(suffix, host)) return suffix
  const lead = headlineKey(parts.slice(0, -2).join(''))
  const known = headlines.map((headline) => headlineKey(headline ?? '')).filter((key) => key !== '')
  const isKnown = known.some((key) => lead === key || lead.startsWith(`${key} `))
  return isKnown && suffix.split(' ').length <= 6 ? suffix : null
}

const PAGE_LABELS = new Set(words.pageLabels)

function isPageLabel(text: string): boolean {
  const [label, number, ...rest] = text.toLowerCase().split(/[\s.]+/u)
  return rest.length === 0 && PAGE_LABELS.has(label ?? '') && /^\d+$/.test(number ?? '')
}

function headlineKey(text: string): string {
  return normaliseSpace(text).toLowerCase()
}

function namesOutlet(part: string, context: HeadlineContext): boolean {
  const segment = normaliseSpace(part)
  if (segment === '') return false
  if (ADDRESS_RE.test(segment)) return true
  if (context.host !== null && agreesWithHost(segment, context.host)) return true
  return context.outletNames.some((name) => namesTheOutlet(segment, name))
}

/**
 * "… | Editorial", "… | Rezept": a few words after a bar at the end tag the page (a column, a
 * section, a site the page does not name elsewhere). One such tag is cut; a dash is too often
 * part of a headline for the same rule.
 */
const MAX_TAG_WORDS = 4

function isBarTag(separator: string, part: string): boolean {
  return /[|｜]/u.test(separator) && normaliseSpace(part).split(' ').length <= MAX_TAG_WORDS
}

function isSection(part: string, context: HeadlineContext): boolean {
  const key = outletKey(part)
  return key !== '' && context.sections.some((section) => outletKey(section) === key)
}

/** Two words at least, or four letters of a script written without spaces. */
function isHeadlineLength(text: string): boolean {
  if (text.split(' ').length >= 2) return true
  return UNSPACED_RE.test(text) && [...text].length >= 4
}
