import { namingWords } from './boilerplate'
import { isElement, normaliseSpace, TEXT_NODE, textOf, toArray, type DomElement } from './dom'
import { countWords, paragraphsOf } from './text'

/*
 * Inside the story's container many sites print cards pointing to other stories ("more from this
 * section", "next story", a teaser between two paragraphs): a headline that links to another page,
 * a line or two of its excerpt, often a date. The excerpt is not linked, or the whole card sits
 * inside one link, so the card is not a block of links (link-blocks.ts), and its class names vary by site ("teaser", "c-teaser", "snippet",
 * "nextstory", "card"). Its mark is its shape: a short box whose headline is a link elsewhere and
 * that says a little more besides. One such box may be a part of the story (a linked subheading over
 * a short paragraph), so a card counts only when the page prints several alike or names it a
 * teaser, and the cards never go when they hold much of the story's text (a listicle is made of
 * such boxes).
 *
 * Readability rewrites the boxes it keeps (a card's wrapper is unwrapped, its <div>s become <p>s),
 * so the cards are found on the page before it runs and their elements marked; the marks travel
 * through Readability with the elements, and what it kept of a card is removed after.
 */

/** Marks an element that is a part of a card pointing to another story. */
export const CARD_MARK = 'data-dateline-card'

const CARD_TAGS = new Set(['li', 'article', 'div', 'section', 'aside'])
/** A teaser is a headline and a line or two; a box of more words is a part of the story. */
const CARD_MAX_WORDS = 60
/** Longer than this, a box cannot be a card of CARD_MAX_WORDS: not looked at further. */
const CARD_MAX_CHARS = 800
/** A headline is three words or more; a shorter link opening a box is a name or a label. */
const HEADLINE_MIN_WORDS = 3
/** Never more than this share of the story's text goes as cards. */
const MAX_REMOVED_SHARE = 0.3
/** Named as a card pointing elsewhere; "teaser" alone also names a lead, so the shape is required too. */
const TEASER_NAME_RE =
  /(?:^| )(?:teaser|card|snippet|next ?(?:story|post|article)|view ?more|more ?from)(?: |$)/u
const HEADING_SELECTOR = 'h1,h2,h3,h4,h5,h6'

/** A link to another page: not an anchor on this one, not a script. */
function pointsElsewhere(link: DomElement): boolean {
  const href = (link.getAttribute('href') ?? '').trim()
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href)
}

/**
 * The card's headline is a link elsewhere: a link holding a heading, a heading made of a link, or
 * a link of a few words whose text opens the card.
 */
function hasLinkedHeadline(card: DomElement, text: string): boolean {
  for (const link of toArray(card.querySelectorAll('a[href]'))) {
    if (!pointsElsewhere(link)) continue
    if (link.querySelector(HEADING_SELECTOR) !== null) return true
    const linkText = textOf(link)
    if (countWords(linkText) < HEADLINE_MIN_WORDS) continue
    const heading = headingInCard(link, card)
    if (heading !== null && textOf(heading) === linkText) return true
    if (text.startsWith(linkText)) return true
  }
  return false
}

const HEADING_TAGS = new Set(HEADING_SELECTOR.split(','))

/**
 * The heading a link stands in (its closest), when that heading is in the card: climbed only up to
 * the card, as a heading outside it is never the card's; a deep page's root is far.
 */
function headingInCard(link: DomElement, card: DomElement): DomElement | null {
  for (let at: DomElement | null = link; at !== null; at = at.parentElement) {
    if (HEADING_TAGS.has(at.localName.toLowerCase())) return at
    if (at === card) return null
  }
  return null
}

function isCard(element: DomElement): boolean {
  const text = textOf(element)
  if (text === '' || countWords(text) > CARD_MAX_WORDS) return false
  return hasLinkedHeadline(element, text)
}

function namedAsTeaser(element: DomElement): boolean {
  return namingWords(element).some((word) => TEASER_NAME_RE.test(word))
}

/** The card or one of its parts carries a teaser's name ("teaser", "teaser__headline", "c-teaser__h"). */
function teaserNamed(card: DomElement): boolean {
  return namedAsTeaser(card) || toArray(card.querySelectorAll('[class]')).some(namedAsTeaser)
}

/**
 * The boxes short enough to be cards, outermost first, in one walk that sums the text of each box
 * from its text nodes (a box's whole text is never built to learn that it is long).
 */
function shortBoxes(root: DomElement): DomElement[] {
  const boxes: DomElement[] = []
  const walk = (element: DomElement): number => {
    let length = 0
    const before = boxes.length
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) length += normaliseSpace(child.textContent).length
      else if (isElement(child)) length += walk(child)
    }
    if (CARD_TAGS.has(element.localName) && length > 0 && length <= CARD_MAX_CHARS) {
      // This box replaces the boxes found inside it: only the outermost short box is a candidate.
      boxes.splice(before)
      boxes.push(element)
    }
    return length
  }
  for (const child of toArray(root.children)) walk(child)
  return boxes
}

/**
 * Marks the cards of the page (see above); run on the page before Readability. A short box that is
 * not a card itself may hold cards (a row of two teasers): its children are looked at in turn.
 */
export function markTeaserCards(body: DomElement): void {
  const cards: DomElement[] = []
  const consider = (box: DomElement, depth: number): void => {
    if (isCard(box)) cards.push(box)
    else if (depth < 3) for (const child of toArray(box.children)) consider(child, depth + 1)
  }
  for (const box of shortBoxes(body)) consider(box, 0)
  const alike = new Map<string, number>()
  const signature = (card: DomElement): string => `${card.localName}.${card.getAttribute('class') ?? ''}`
  for (const card of cards) alike.set(signature(card), (alike.get(signature(card)) ?? 0) + 1)
  for (const card of cards) {
    // Cards found by their likeness print their headline on a line of its own: a list whose items
    // open with a linked name ("<a>The statistics office</a> said …") is the story's.
    const repeated = (alike.get(signature(card)) ?? 0) >= 2 && paragraphsOf(card).length >= 2
    if (!repeated && !teaserNamed(card)) continue
    card.setAttribute(CARD_MARK, '')
    for (const element of toArray(card.querySelectorAll('*'))) element.setAttribute(CARD_MARK, '')
  }
}

/** Removes from Readability's copy what it kept of the marked cards, unless that is much of the story. */
export function removeTeaserCards(root: DomElement): void {
  const marked = toArray(root.querySelectorAll(`[${CARD_MARK}]`))
  const outermost = marked.filter((element) => !element.parentElement?.hasAttribute(CARD_MARK))
  if (outermost.length === 0) return
  const removed = outermost.reduce((sum, element) => sum + textOf(element).length, 0)
  if (removed > Math.max(1, textOf(root).length) * MAX_REMOVED_SHARE) return
  for (const element of outermost) element.remove()
}
