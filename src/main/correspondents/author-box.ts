import { textLongerThan, textOf, toArray, type DomDocument, type DomElement } from '../ingest/extract/dom'
import { lowerPhrase } from './byline-words'
import { namesInByline } from './clean-byline'
import boxData from './data/author-box.json'
import { isBareName, isPrintedByline } from './printed-byline'

/*
 * The author box many sites print at a story's end or beside it: a block that presents who wrote
 * it, headed "Über den Autor", "About the author", "L'auteur", or marked by its class ("author-bio",
 * "autorenbox"), with a name as its heading, a photo and a short bio. Its bio is not a byline, so
 * the byline search leaves such blocks out; the name at its head still says who wrote the story.
 */

const CLASS_WORDS = new Set(boxData.classWords)
const BOX_WORDS = new Set(boxData.boxWords)
const JOINED = new Set(boxData.joined)
const HEADINGS = new Set(boxData.headings.map(lowerPhrase))

/** A box is a short block; a larger one is a region of the page (an author's archive). */
const MAX_BOX_CHARS = 1500
/** Where a heading label stands, and how far up its box may be. */
const HEADING_ELEMENTS = 'h2, h3, h4, h5, h6, strong, b, p, span, div, dt, legend'
const HEADING_CLIMB = 3
/** The elements a box's name is printed in, looked at in order, and how many of them. */
const NAME_ELEMENTS = 'h2, h3, h4, h5, h6, strong, b, a, span, p, div, [itemprop~="name" i], img[alt]'
const NAME_LOOK = 40
/** A listing of authors (a team page, the authors of other stories) is not one story's box. */
const NOT_A_BOX =
  'nav, form, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="teaser" i], [class*="recommend" i]'

/** "Über den Autor", "About the author": the label that heads a box, never a name. */
export function isAuthorBoxHeading(text: string): boolean {
  return HEADINGS.has(lowerPhrase(text.replace(/[:：]\s*$/u, '')))
}

export interface AuthorBoxCredit {
  text: string
  url: string | null
}

/**
 * The one person the page's author boxes present, or nothing: boxes naming different people are a
 * list (a team, the authors of other stories), and credit nobody.
 */
export function authorBoxCredit(document: DomDocument): AuthorBoxCredit | null {
  const body = document.body
  if (body === null) return null
  const found = new Map<string, AuthorBoxCredit>()
  for (const box of authorBoxes(body)) {
    const credit = nameInBox(box)
    if (credit !== null) found.set(lowerPhrase(credit.text), credit)
    if (found.size > 1) return null
  }
  return [...found.values()][0] ?? null
}

function authorBoxes(body: DomElement): DomElement[] {
  const boxes: DomElement[] = []
  // A page repeats its classes ("col-md-6" on hundreds of elements): each is weighed once.
  const byClass = new Map<string, boolean>()
  const add = (box: DomElement): void => {
    if (boxes.some((outer) => outer === box || outer.contains(box))) return
    if (box.closest(NOT_A_BOX) !== null || box.querySelector('h1') !== null) return
    if (textLongerThan(box, MAX_BOX_CHARS)) return
    boxes.push(box)
  }
  for (const element of toArray(body.querySelectorAll('[class], [id]')))
    if (isBoxByClass(element, byClass)) add(element)
  for (const label of toArray(body.querySelectorAll(HEADING_ELEMENTS))) {
    const first = label.firstElementChild
    if ((first !== null && first.nextElementSibling !== null) || textLongerThan(label, 40)) continue
    if (!isAuthorBoxHeading(textOf(label))) continue
    const box = boxAround(label)
    if (box !== null) add(box)
  }
  return boxes
}

function isBoxByClass(element: DomElement, known: Map<string, boolean>): boolean {
  if (/^(?:html|body|main|article|a|img|span)$/.test(element.localName)) return false
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
  let verdict = known.get(names)
  if (verdict === undefined) {
    verdict = namesBox(names)
    known.set(names, verdict)
  }
  return verdict
}

/** Whether a class and id ("author-bio", "autorenbox") name an author box. */
function namesBox(names: string): boolean {
  return names.split(/\s+/).some((token) => {
    const parts = token
      .replace(/([a-z])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)
      .filter((part) => part !== '')
    if (JOINED.has(parts.join(''))) return true
    return parts.some((part) => CLASS_WORDS.has(part)) && parts.some((part) => BOX_WORDS.has(part))
  })
}

/** The block a heading label heads: the nearest parent with more in it than the label. */
function boxAround(label: DomElement): DomElement | null {
  const own = textOf(label).length
  let box = label.parentElement
  for (let climb = 0; box !== null && climb < HEADING_CLIMB; climb += 1) {
    if (/^(?:body|html|main|article)$/.test(box.localName)) return null
    if (textOf(box).length > own + 1) return box
    box = box.parentElement
  }
  return null
}

/**
 * The name at the head of a box: its first element with text of its own (after the box's label),
 * when that is a name alone, a byline ("Von X"), or "About X" / "Über X". Anything else at the head
 * (a handle, "Labels", a bio's first words) means the block is not one person's box.
 */
function nameInBox(box: DomElement): AuthorBoxCredit | null {
  const elements = toArray(box.querySelectorAll(NAME_ELEMENTS)).slice(0, NAME_LOOK)
  for (const element of elements) {
    const text = ownText(element)
    if (text === null || isAuthorBoxHeading(text)) continue
    const about = ABOUT_RE.exec(text)
    const name = about === null ? text : text.slice(about[0].length)
    if (about === null && !isBareName(name) && !isPrintedByline(name)) return null
    const names = namesInByline(name)
    if (names.length !== 1) return null
    const link = element.localName === 'a' ? element : element.querySelector('a[href]')
    return { text: name, url: link?.getAttribute('href') ?? null }
  }
  return null
}

/** "Über Steffi", "About Jane Doe", "À propos de Jean Dupont": a box headed with its person. */
const ABOUT_RE = new RegExp(
  `^(?:${boxData.aboutPrefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+(?=\\p{Lu})`,
  'u',
)

/** An element's text when it holds no other name element with text (the head's innermost part). */
function ownText(element: DomElement): string | null {
  if (element.localName === 'img') return (element.getAttribute('alt') ?? '').trim() || null
  if (textLongerThan(element, 80)) return null
  const text = textOf(element)
  if (text === '') return null
  if (toArray(element.querySelectorAll(NAME_ELEMENTS)).some((inner) => textOf(inner) !== '')) return null
  return text
}
