import {
  hasText,
  isElement,
  normaliseSpace,
  textLongerThan,
  textOf,
  toArray,
  type DomDocument,
  type DomElement,
} from '../ingest/extract/dom'
import { bylineWords, lowerPhrase } from './byline-words'
import { namesInByline } from './clean-byline'
import { authorBoxCredit, isAuthorBoxHeading } from './author-box'
import { readJsonLdAuthors } from './json-ld-authors'
import {
  datedBylineName,
  deskLabelledName,
  isBareName,
  isPrintedByline,
  isWorkSheetField,
  mayHoldPrintedByline,
  withoutDateTail,
} from './printed-byline'

/*
 * Every place a page names who wrote it, read from the page as served (before Readability rewrites
 * it), strongest first. Nothing is cleaned here: each signal is the raw text a reader would see.
 */

export type SignalSource =
  'json-ld' | 'meta' | 'microdata' | 'rel-author' | 'byline-element' | 'text' | 'readability' | 'author-box'

export interface SignalCredit {
  text: string
  url: string | null
  organisation: boolean
}

export interface BylineSignal {
  source: SignalSource
  credits: SignalCredit[]
}

export interface PageSignals {
  signals: BylineSignal[]
  /** Names of the outlet (og:site_name, JSON-LD publisher, application-name): never a correspondent. */
  outletNames: string[]
  /** The sections the page files the story under (article:section, JSON-LD articleSection). */
  sectionNames: string[]
  /** The page's address, for resolving an author link. */
  baseUrl: string | null
}

const AUTHOR_META_KEYS = [
  'author',
  'article:author',
  'article:author_name',
  'og:article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'cxenseparse:author',
  'cxenseparse:recs:author',
  'citation_author',
  'twitter:data1',
]

/** Parts of class or id names (split at spaces, - and _) of the element a page prints its byline in. */
const BYLINE_PART_RE =
  /^(?:by|byline|bylines|author|authors|writtenby|autor|autoren|autorin|auteur|auteurs|autore|verfasser|firma|reporter|journalist|signature|creator|contributor|contributors)$|byline|author/i
/** ...and parts that say it only looks like one: a bio, an avatar, share buttons, a comment, a
 * search form's "sort by" ("edit-sort-by": Relevance, Title, Date). */
const NOT_BYLINE_PARTS = new Set(
  'comment comments avatar bio biography description about related social share sharing image img photo picture thumb thumbnail follow tooltip popup modal teaser recommended recommend widget box more list archive sort order filter select search'.split(
    ' ',
  ),
)
/** Bylines inside these are someone else's: a commenter's, a related story's, a footer's. */
const ELSEWHERE =
  'footer, nav, aside, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="teaser" i], [class*="sidebar" i], [class*="recommend" i], [class*="widget" i], [class*="footer" i]'
/**
 * Whether an element stands inside one of ELSEWHERE's parts. The page's own <html> and <body> do not
 * count: Drupal's "no-sidebars" and themes' "cb-footer-dark" name the layout, not a part of it. Nor
 * does a class that names a layout around the story ("zen-one-sidebar-second", "content-sidebar-
 * wrap", "site__main--no-sidebar"), nor a teaser that holds the page's headline ("module-imageTeaser
 * topArticle" is the story's own header, not a teaser of another story).
 */
function isElsewhere(element: DomElement): boolean {
  const scan = currentScan()
  // Walked up to the first part that decides; every element passed on the way shares its verdict.
  const walked: DomElement[] = []
  let verdict = false
  for (let at: DomElement | null = element; at !== null; at = at.parentElement) {
    const known = scan.elsewhere.get(at)
    if (known !== undefined) {
      verdict = known
      break
    }
    walked.push(at)
    if (!scan.parts.has(at)) continue
    if (at.localName === 'body' || at.localName === 'html') break
    if (!isLayoutPart(at)) {
      verdict = true
      break
    }
  }
  for (const at of walked) scan.elsewhere.set(at, verdict)
  return verdict
}

/**
 * What one reading of a page works out once. linkedom compiles a selector on every `closest` or
 * `querySelectorAll`, and each signal weighs the same elements again (the story's first paragraphs
 * are candidates of the <article> and of the <body>), which on a long page was most of the cost of
 * who wrote it: so the ELSEWHERE parts are found in one walk, and each element's verdict and
 * broken text are kept. Kept only while one reading runs, so a page changed later is read afresh.
 */
interface PageScan {
  /** Elements matching ELSEWHERE. */
  parts: Set<DomElement>
  elsewhere: Map<DomElement, boolean>
  lines: Map<DomElement, string>
  /** Whether a class, id and data-testid name a byline, by their text: a page repeats its classes. */
  bylineNames: Map<string, boolean>
}

/** The scan of the page being read; set only while readPageSignals runs (it is synchronous). */
let reading: PageScan | null = null

function currentScan(): PageScan {
  if (reading === null) throw new Error('A page is weighed only while readPageSignals reads it')
  return reading
}

/** Words beside "sidebar" or "footer" in a class that make it the layout's name: "has-left-sidebar". */
const LAYOUT_PARTS = new Set(
  'no one two three has with without content wrap wrapper layout container position main page site inner outer'.split(
    ' ',
  ),
)
const ELSEWHERE_WORD_RE = /comment|related|teaser|sidebar|recommend|widget|footer/i

function isLayoutPart(part: DomElement): boolean {
  if (/^(?:footer|nav|aside)$/.test(part.localName)) return false
  const tokens = [part.getAttribute('class') ?? '', part.getAttribute('id') ?? '']
    .join(' ')
    .split(/\s+/)
    .filter((token) => ELSEWHERE_WORD_RE.test(token))
  if (tokens.length === 0) return false
  if (holdsStory(part)) return true
  return tokens.every((token) => {
    const parts = token
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)
      .filter((p) => p !== '')
    if (parts.some((p) => p.includes('teaser'))) return false
    return parts.some((p) => LAYOUT_PARTS.has(p))
  })
}

const storyMarks = new WeakMap<DomDocument, DomElement[]>()

/**
 * Whether a part holds the story itself: the page's headline, or the body its structured data
 * marks (itemprop=articleBody). Blogger puts every post in a "widget Blog" block, so a part that
 * holds the story is its frame, not a widget beside it.
 */
function holdsStory(part: DomElement): boolean {
  const document = part.ownerDocument
  let marks = storyMarks.get(document)
  if (marks === undefined) {
    // The body's mark counts only when it is the page's one: teasers of other posts carry it too.
    const bodies = document.querySelectorAll('[itemprop~="articleBody" i]')
    marks = [document.querySelector('h1'), bodies.length === 1 ? (bodies[0] ?? null) : null].filter(
      (mark) => mark !== null,
    )
    storyMarks.set(document, marks)
  }
  return marks.some((mark) => part.contains(mark))
}
const MAX_BYLINE_CHARS = 160
const MAX_BYLINE_ELEMENTS = 12

export function readPageSignals(document: DomDocument, url: string | null): PageSignals {
  return scanning(document, () => readSignals(document, url))
}

/** Runs `read` with a fresh scan of the page's parts, which every look at an element shares. */
function scanning<T>(document: DomDocument, read: () => T): T {
  // The page's own document, not its elements' ownerDocument: a cloned page's elements keep the
  // original's, whose query would find other elements.
  reading = {
    parts: new Set(toArray(document.querySelectorAll(ELSEWHERE))),
    elsewhere: new Map(),
    lines: new Map(),
    bylineNames: new Map(),
  }
  try {
    return read()
  } finally {
    reading = null
  }
}

/**
 * The labelled credits ("By" and a name) printed in parts of the page that count as elsewhere: a
 * sidebar of the story's own ("article-sidebar") holds its byline and date on some sites. Never a
 * credit on their own (a sidebar holds other stories' bylines too); read only to complete a first
 * name the page credits alone, so only when asked.
 */
export function readAsideCredits(document: DomDocument, url: string | null): string[] {
  return scanning(document, () => {
    const base = resolveUrl(document.querySelector('base[href]')?.getAttribute('href') ?? null, url) ?? url
    return asideCredits(document, base)
  })
}

/** Where Readability looks for a byline: an author link, an author property, a byline-like class. */
const READABILITY_BYLINE =
  '[rel~="author" i], [itemprop*="author" i], [class*="byline" i], [class*="author" i], [id*="byline" i], [id*="author" i], [class*="dateline" i], [class*="writtenby" i]'

/**
 * Whether a byline Readability settled on is printed only in parts of the page that count as
 * elsewhere: a site-wide footer's `rel=author` link to the owner's profile, a sidebar's "about me".
 * Such a name is on every page of the site, not the story's byline.
 */
export function isBylineOnlyElsewhere(document: DomDocument, byline: string): boolean {
  const wanted = normaliseSpace(byline)
  if (wanted === '') return false
  const printed = toArray(document.querySelectorAll(READABILITY_BYLINE)).filter(
    (element) => !textLongerThan(element, wanted.length + 1) && normaliseSpace(textOf(element)) === wanted,
  )
  if (printed.length === 0) return false
  return scanning(document, () => {
    const articles = document.querySelectorAll('article').length
    // A <footer> is the footer of the part around it: WordPress prints the story's own byline in the
    // <footer class="entry-meta"> of its <article>, others in a <footer> of the <main> (or of the
    // element marked up as the Article) that holds the headline, outside its teasers and sidebars.
    const inStory = (element: DomElement): boolean => {
      const story = element.closest('article')
      if (story !== null && (articles === 1 || story.querySelector('h1') !== null)) return true
      const footer = element.closest('footer')
      const part = footer?.parentElement?.closest(
        'main, [itemtype*="Article" i], [itemtype*="BlogPosting" i]',
      )
      if (footer === null || part == null || part.querySelector('h1') === null) return false
      return !isElsewhere(footer.parentElement!)
    }
    return printed.every((element) => isElsewhere(element) && !inStory(element))
  })
}

function asideCredits(document: DomDocument, base: string | null): string[] {
  const credits: string[] = []
  for (const credit of labelledCredits(document, base, 'elsewhere')) {
    if (credits.length >= MAX_LABELLED) break
    credits.push(credit.text)
  }
  return credits
}

function readSignals(document: DomDocument, url: string | null): PageSignals {
  const baseUrl = resolveUrl(document.querySelector('base[href]')?.getAttribute('href') ?? null, url) ?? url
  const jsonLd = safely(() => readJsonLdAuthors(document), { credits: [], publishers: [], sections: [] })
  const signals: BylineSignal[] = []
  if (jsonLd.credits.length > 0) {
    signals.push({
      source: 'json-ld',
      credits: jsonLd.credits.map((c) => ({
        text: c.name,
        url: resolveUrl(c.url, baseUrl),
        organisation: c.organisation,
      })),
    })
  }
  const metas = safely(() => metaTagsOf(document), [])
  signals.push(...safely(() => metaSignals(metas), []))
  signals.push(...safely(() => microdataSignals(document, baseUrl), []))
  signals.push(...safely(() => relAuthorSignals(document, baseUrl), []))
  signals.push(...safely(() => bylineElementSignals(document, baseUrl), []))
  signals.push(...safely(() => printedBylineSignals(document), []))
  signals.push(...safely(() => labelledCreditSignals(document, baseUrl), []))
  signals.push(...safely(() => closingSignatureSignals(document), []))
  signals.push(...safely(() => authorBoxSignals(document, baseUrl), []))
  const outletNames = [
    ...metaValues(metas, 'og:site_name'),
    ...metaValues(metas, 'application-name'),
    ...metaValues(metas, 'publisher'),
    ...metaValues(metas, 'twitter:site').map((handle) => handle.replace(/^@/, '')),
    ...jsonLd.publishers,
  ]
  const sectionNames = [...metaValues(metas, 'article:section'), ...jsonLd.sections]
  return {
    signals: signals.map((signal) => decodedSignal(document, signal)),
    outletNames,
    sectionNames,
    baseUrl,
  }
}

/** Some pages encode their meta and JSON-LD text twice ("Redacci&amp;oacute;n"); a reader sees it once. */
function decodedSignal(document: DomDocument, signal: BylineSignal): BylineSignal {
  return {
    ...signal,
    credits: signal.credits.map((credit) => {
      if (!/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(credit.text)) return credit
      const probe = document.createElement('textarea')
      probe.innerHTML = credit.text.replace(/</g, '&lt;')
      return { ...credit, text: probe.textContent ?? credit.text }
    }),
  }
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

/** A <meta content> of the page: the names it goes by (property, name, itemprop) and its content. */
interface MetaTag {
  names: string[]
  content: string
}

/** The page's <meta content> tags, listed once: each of the ~18 keys asked for would walk the page again. */
function metaTagsOf(document: DomDocument): MetaTag[] {
  return toArray(document.querySelectorAll('meta[content]')).map((meta) => ({
    names: [meta.getAttribute('property'), meta.getAttribute('name'), meta.getAttribute('itemprop')]
      .filter((name) => name !== null)
      .map((name) => name.trim().toLowerCase()),
    content: normaliseSpace(meta.getAttribute('content')),
  }))
}

function metaValues(metas: MetaTag[], key: string): string[] {
  const wanted = key.toLowerCase()
  return metas
    .filter((meta) => meta.names.includes(wanted))
    .map((meta) => meta.content)
    .filter((content) => content !== '')
}

function metaSignals(metas: MetaTag[]): BylineSignal[] {
  const signals: BylineSignal[] = []
  for (const key of AUTHOR_META_KEYS) {
    // twitter:data1 is a byline only where twitter:label1 says so ("Written by").
    if (key === 'twitter:data1' && !isAuthorLabel(metaValues(metas, 'twitter:label1')[0] ?? '')) continue
    const values = [...new Set(metaValues(metas, key))].filter(
      (value) => !/^(?:https?:|www\.|\/)/i.test(value),
    )
    if (values.length > 0) {
      signals.push({
        source: 'meta',
        credits: values.map((text) => ({ text, url: null, organisation: false })),
      })
    }
  }
  return signals
}

/** "Written by", "Verfasst von", "Autor:" (the label of a twitter:data1 that holds the author). */
function isAuthorLabel(label: string): boolean {
  return bylineWords.authorLabels.has(lowerPhrase(label.replace(/[:：]\s*$/u, '')))
}

function microdataSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const credits: SignalCredit[] = []
  for (const element of toArray(
    document.querySelectorAll('[itemprop~="author" i], [itemprop~="creator" i]'),
  )) {
    if (isElsewhere(element)) continue
    if (element.localName === 'meta') {
      const content = normaliseSpace(element.getAttribute('content'))
      if (content !== '' && !/^https?:/i.test(content))
        credits.push({ text: content, url: null, organisation: false })
      continue
    }
    const nameElement = element.querySelector('[itemprop~="name" i]')
    const text =
      nameElement === null
        ? textWithBreaks(element)
        : nameElement.localName === 'meta'
          ? normaliseSpace(nameElement.getAttribute('content'))
          : textOf(nameElement)
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue
    const organisation = /Organization/i.test(element.getAttribute('itemtype') ?? '')
    credits.push({ text, url: linkOf(element, base), organisation })
  }
  return credits.length > 0 ? [{ source: 'microdata', credits }] : []
}

function relAuthorSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const credits: SignalCredit[] = []
  for (const link of toArray(document.querySelectorAll('a[rel~="author" i]'))) {
    if (isElsewhere(link)) continue
    const text = textWithBreaks(link)
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue
    credits.push({ text, url: resolveUrl(link.getAttribute('href'), base), organisation: false })
  }
  return credits.length > 0 ? [{ source: 'rel-author', credits }] : []
}

/** The byline a reader sees: the first few elements named for it, outside comments and footers. */
function bylineElementSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const body = document.body
  if (body === null) return []
  const found: DomElement[] = []
  for (const element of toArray(body.querySelectorAll('[class], [id], [data-testid]'))) {
    if (found.length >= MAX_BYLINE_ELEMENTS) break
    if (!namesByline(element)) continue
    if (/^(?:script|style|img|svg|button|input|form|select|textarea|time)$/i.test(element.localName)) continue
    if (found.some((outer) => outer.contains(element))) continue
    if (isElsewhere(element)) continue
    const text = textOf(element)
    if (text.length < 2 || text.length > MAX_BYLINE_CHARS) continue
    if (linksToPicture(element)) continue
    found.push(element)
  }
  return found.map((element) => ({
    source: 'byline-element',
    credits: [
      { text: withoutBoxHeadings(textWithBreaks(element)), url: linkOf(element, base), organisation: false },
    ],
  }))
}

/** A picture file's address: an image's extension, or a media library's file page ("File:…"). */
const PICTURE_LINK_RE =
  /\.(?:jpe?g|png|gif|webp|avif|tiff?)(?:[?#]|$)|\/wiki\/(?:File|Datei|Fichier|Archivo|Файл):/i

/**
 * A credit whose one link goes to a picture ("Nenad Stojkovic" linked to its Wikimedia file) is the
 * photographer's, printed where the theme prints bylines; the story's byline links to a person.
 */
function linksToPicture(element: DomElement): boolean {
  const links = element.localName === 'a' ? [element] : toArray(element.querySelectorAll('a[href]'))
  return links.length === 1 && PICTURE_LINK_RE.test(links[0]?.getAttribute('href') ?? '')
}

/** An author card's label ("Sobre el autor") on a line of its own names nobody. */
function withoutBoxHeadings(lines: string): string {
  return lines
    .split('\n')
    .filter((line) => !isAuthorBoxHeading(line))
    .join('\n')
}

function namesByline(element: DomElement): boolean {
  const names = ['class', 'id', 'data-testid']
    .map((attribute) => element.getAttribute(attribute) ?? '')
    .join(' ')
  const known = currentScan().bylineNames
  let verdict = known.get(names)
  if (verdict === undefined) {
    verdict = names.split(/\s+/).some((name) => {
      const parts = name.split(/[-_]+/).filter((part) => part !== '')
      return (
        parts.some((part) => BYLINE_PART_RE.test(part)) &&
        !parts.some((part) => NOT_BYLINE_PARTS.has(part.toLowerCase()))
      )
    })
    known.set(names, verdict)
  }
  return verdict
}

/** How many of the story's first paragraphs, and of its last, may hold a printed byline. */
const PRINTED_PARAGRAPHS = 6
const PRINTED_LAST_PARAGRAPHS = 2
/** Elements a byline is printed in without a class that says so. */
const PRINTED_ELEMENTS = 'p, div, span, small, address, h4, h5, h6'

/**
 * A line near the top of the story that is a byline ("von Daniela Obers", "Ein Artikel von
 * <strong>Pamela Sladky</strong> | 27.01.2022"), in a paragraph or a short block of its own; or a
 * paragraph that signs the story at its end ("<p><em>Von Cosima Künzel</em></p>").
 */
function printedBylineSignals(document: DomDocument): BylineSignal[] {
  const root = storyRoot(document)
  if (root === null) return []
  const found = printedBylineIn(root)
  // The byline may stand above the <article> or <main> that holds the story's text.
  const credit =
    found ?? (document.body !== null && root !== document.body ? printedBylineIn(document.body) : null)
  return credit === null
    ? []
    : [{ source: 'text', credits: [{ text: credit, url: null, organisation: false }] }]
}

function printedBylineIn(root: DomElement): string | null {
  let desk: string | null = null
  for (const element of printedCandidates(root)) {
    if (textLongerThan(element, MAX_BYLINE_CHARS)) continue
    if (!mayHoldPrintedByline(element.textContent ?? '')) continue
    const lines = textWithBreaks(element)
    const labelled = withoutDateTail(lines)
    if (isPrintedByline(labelled.split('\n')[0] ?? '') && namesInByline(labelled).length > 0) {
      if (!isDataSheetField(element)) return labelled
      continue
    }
    // "11.12.2019 - Amelie Loevenich": a date and a name in a short line of their own.
    const dated = lines.includes('\n') ? null : datedBylineName(lines)
    if (dated !== null && namesInByline(dated).length === 1) return dated
    desk ??= deskLabelledName(lines.split('\n')[0] ?? '')
  }
  // "Redaktion: X" signs only a story no other printed line signs.
  return desk !== null && namesInByline(desk).length > 0 ? desk : null
}

/**
 * Whether a labelled line is one field of a data sheet about a work (a review's "Titel:",
 * "Seiten:", "Autorin:", "Verlag:"), whose author is the book's, not the story's.
 */
function isDataSheetField(element: DomElement): boolean {
  return [element.previousElementSibling, element.nextElementSibling].some(
    (neighbour) =>
      neighbour !== null &&
      !textLongerThan(neighbour, MAX_BYLINE_CHARS) &&
      isWorkSheetField(textOf(neighbour)),
  )
}

/**
 * The elements with text, outside ELSEWHERE, before the story's seventh paragraph, then its last two
 * paragraphs. Whether an element counts costs its whole text and its ancestors, so only the
 * elements up to the seventh paragraph, and paragraphs from the end, are weighed: on a long page
 * weighing every element was a tenth of the whole extraction job.
 */
function printedCandidates(root: DomElement): DomElement[] {
  const elements = toArray(root.querySelectorAll(PRINTED_ELEMENTS))
  const counts = (element: DomElement): boolean => hasText(element) && !isElsewhere(element)
  const first: DomElement[] = []
  let paragraphs = 0
  for (const element of elements) {
    if (!counts(element)) continue
    if (element.localName === 'p' && paragraphs++ === PRINTED_PARAGRAPHS) break
    first.push(element)
  }
  const last: DomElement[] = []
  for (let i = elements.length - 1; i >= 0 && last.length < PRINTED_LAST_PARAGRAPHS; i -= 1) {
    const element = elements[i]
    if (element !== undefined && element.localName === 'p' && counts(element)) last.unshift(element)
  }
  return [...first, ...last]
}

/** Emphasis a story's closing signature is printed in: "<p><b><i>Stefan Wasmer</i></b></p>". */
const SIGNATURE_EMPHASIS = 'strong, b, em, i'
/** The paragraph a signature closes: prose, ending a sentence, not a heading or a caption. */
const PROSE_CHARS = 80
const SENTENCE_END_RE = /[.!?…"»“”)]$/u
/** Longer than this, a paragraph is not a name alone (its text is not even read). */
const BARE_NAME_LIMIT = 60

/**
 * A bare name that signs the story at its end, as many papers and blogs print it: a paragraph of
 * its own holding only the name, emphasised (bold, italic) or set to the right, after the story's
 * last paragraph of prose. An emphasised line before a list or a box ("<b>Weitere Informationen
 * </b>" then links) is a heading, so the name must close its block; a signature set to the right
 * may have footnotes after it. Several such names on one page are a list, and credit nobody.
 */
function closingSignatureSignals(document: DomDocument): BylineSignal[] {
  const body = document.body
  if (body === null) return []
  const names = new Set<string>()
  let found: string | null = null
  for (const paragraph of toArray(body.querySelectorAll('p'))) {
    if (textLongerThan(paragraph, MAX_BYLINE_CHARS)) continue
    const text = textOf(paragraph)
    // "<p><strong>Autorin: Uta Staschewski, Projektleiterin der HSS.</strong></p>": a labelled one.
    const bare = text.length <= BARE_NAME_LIMIT && isBareName(text)
    if (!bare && !(isPrintedByline(text) && namesInByline(text).length > 0)) continue
    const rightAligned = isRightAligned(paragraph)
    if (!rightAligned && !isEmphasised(paragraph, text)) continue
    if (!rightAligned && nextWithText(paragraph) !== null) continue
    if (!closesProse(paragraph) || isElsewhere(paragraph)) continue
    names.add(text)
    found = text
  }
  if (found === null || names.size > 1) return []
  return [{ source: 'text', credits: [{ text: found, url: null, organisation: false }] }]
}

/** The name an author box presents (author-box.ts): the weakest signal, read when no other names one. */
function authorBoxSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const credit = authorBoxCredit(document)
  if (credit === null) return []
  return [
    {
      source: 'author-box',
      credits: [{ text: credit.text, url: resolveUrl(credit.url, base), organisation: false }],
    },
  ]
}

function isEmphasised(paragraph: DomElement, text: string): boolean {
  return toArray(paragraph.querySelectorAll(SIGNATURE_EMPHASIS)).some((inner) => textOf(inner) === text)
}

function isRightAligned(element: DomElement): boolean {
  const align = (element.getAttribute('align') ?? '').trim().toLowerCase()
  return align === 'right' || /text-align\s*:\s*right/i.test(element.getAttribute('style') ?? '')
}

function nextWithText(element: DomElement): DomElement | null {
  for (let next = element.nextElementSibling; next !== null; next = next.nextElementSibling)
    if (hasText(next)) return next
  return null
}

function closesProse(paragraph: DomElement): boolean {
  for (
    let before = paragraph.previousElementSibling;
    before !== null;
    before = before.previousElementSibling
  ) {
    if (!hasText(before)) continue
    const text = textOf(before)
    return text.length >= PROSE_CHARS && SENTENCE_END_RE.test(text)
  }
  return false
}

function storyRoot(document: DomDocument): DomElement | null {
  return document.querySelector('article') ?? document.querySelector('main') ?? document.body
}

/** How many labelled credits a page may give before they are a list of something else. */
const MAX_LABELLED = 3
/** Elements a label stands in ("<strong>Autor:</strong>", "<h5>Autor: </h5>", "<p class=label>By</p>"). */
const LABEL_ELEMENTS = 'strong, b, em, i, span, small, label, dt, th, p, h4, h5, h6'

/**
 * A credit whose label is printed in an element of its own and the name after it: "<strong>Autor:
 * </strong> <a>Klausmartin Friedrich</a>", "<b>Von:</b><br><br>Götz Warnke", "<p>By</p>
 * <p>Todd Bates</p>". The label says it is a byline where no class does.
 */
function labelledCreditSignals(document: DomDocument, base: string | null): BylineSignal[] {
  const signals: BylineSignal[] = []
  for (const credit of labelledCredits(document, base, 'story')) {
    if (signals.length >= MAX_LABELLED) break
    if (namesInByline(credit.text).length === 0) continue
    signals.push({
      source: 'byline-element',
      credits: [{ text: credit.text, url: credit.href, organisation: false }],
    })
  }
  return signals
}

/** Each "Label: name" printed in the story's parts, or in the parts elsewhere (sidebars, footers). */
function* labelledCredits(
  document: DomDocument,
  base: string | null,
  where: 'story' | 'elsewhere',
): Generator<{ text: string; href: string | null }> {
  const body = document.body
  if (body === null) return
  for (const label of toArray(body.querySelectorAll(LABEL_ELEMENTS))) {
    // A label is a word or two in at most one inner element; anything larger is not read at all.
    // (Two children are found without listing them all: a wrapper's list is long.)
    const first = label.firstElementChild
    if (first !== null && first.nextElementSibling !== null) continue
    // A paragraph of the story is not normalised to learn it is longer than a label.
    if (textLongerThan(label, 30)) continue
    const text = textOf(label)
    if (!isCreditLabel(text) || isElsewhere(label) !== (where === 'elsewhere')) continue
    // A search form's "Von:" is a date filter's label.
    if (label.closest('form, [role="search"], [class*="search" i], [class*="filter" i]') !== null) continue
    const value = textAfter(label, base)
    if (value !== null) yield { text: `${text.replace(/[:：]\s*$/u, '')}: ${value.text}`, href: value.href }
  }
}

function isCreditLabel(text: string): boolean {
  return bylineWords.creditLabels.has(lowerPhrase(text.replace(/[:：]\s*$/u, '')))
}

const COMMENT_NODE = 8

/** How far from its label a name may stand: the label's own block, then its parent's. */
const LABEL_CLIMB = 2

/**
 * The text that follows a label up to the end of its line (a <br> or a block after some text),
 * looking past the label's parents when the label ends its block ("<p>By</p><p>Todd Bates</p>").
 */
function textAfter(label: DomElement, base: string | null): { text: string; href: string | null } | null {
  let node: DomElement = label
  for (let climb = 0; climb <= LABEL_CLIMB; climb += 1) {
    const parts: string[] = []
    let href: string | null = null
    for (let sibling = node.nextSibling; sibling !== null; sibling = sibling.nextSibling) {
      // A comment ("<!-- f--field f--text -->" between a theme's fields) is nothing a reader sees.
      if (sibling.nodeType === COMMENT_NODE) continue
      const name = isElement(sibling) ? sibling.localName : '#text'
      const part = normaliseSpace(sibling.textContent)
      if (name === 'br' || (part !== '' && parts.length > 0 && BLOCK_RE.test(name))) {
        if (parts.length > 0) break
        continue
      }
      if (part === '') continue
      if (isElement(sibling)) {
        if (isCreditLabel(part)) break
        href ??= linkOf(sibling, base)
      }
      parts.push(part)
      if (BLOCK_RE.test(name)) break
    }
    const text = normaliseSpace(parts.join(' '))
    if (text !== '') return text.length <= MAX_BYLINE_CHARS ? { text, href } : null
    const parent = node.parentElement
    if (parent === null || parent.localName === 'body') return null
    node = parent
  }
  return null
}

const BLOCK_RE =
  /^(?:p|div|li|ul|ol|dl|dd|dt|h[1-6]|section|article|header|footer|table|tr|td|figure|blockquote)$/

/** An element's text with its block and <br> boundaries kept as line breaks, which separate parts. */
function textWithBreaks(element: DomElement): string {
  const lines = currentScan().lines
  let text = lines.get(element)
  if (text === undefined) {
    text = readTextWithBreaks(element)
    lines.set(element, text)
  }
  return text
}

function readTextWithBreaks(element: DomElement): string {
  // Elements that touch ("Alle Posts vom Autor<a>Tine</a>") are separate parts to a reader.
  const html = element.innerHTML
    .replace(/(<\/[a-z0-9]+>)(?=<[a-z])/gi, '$1\n')
    .replace(/(?<=[^\s>])(<[a-z][^>]*>)/gi, '\n$1')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|time|dd|dt)>/gi, (tag) =>
      tag.startsWith('<br') ? '\n' : `${tag}\n`,
    )
  const probe = element.ownerDocument.createElement('div')
  probe.innerHTML = html
  // A reader never sees a script's code, a style sheet or a template ("(adsbygoogle = window…").
  for (const unseen of toArray(probe.querySelectorAll('script, style, noscript, template'))) unseen.remove()
  return (probe.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

function linkOf(element: DomElement, base: string | null): string | null {
  const link = element.localName === 'a' ? element : element.querySelector('a[href]')
  const href =
    link?.getAttribute('href') ?? element.querySelector('[itemprop~="url" i]')?.getAttribute('href') ?? null
  return resolveUrl(href, base)
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (href === null || href === undefined || href.trim() === '') return null
  try {
    const resolved = new URL(href.trim(), base ?? undefined)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}
