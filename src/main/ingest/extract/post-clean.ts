import {
  hasCaptionName,
  isBoilerplateLine,
  isBoilerplateLineOfBlock,
  isCaptionLine,
  isTailStart,
  isTrailingLine,
  minorityTest,
  removeBoilerplate,
} from './boilerplate'
import { removeTrailingBoilerplate } from './boilerplate-tail'
import { removeCaptionDebris } from './caption-debris'
import { removeLinkBlocks } from './link-blocks'
import { removeTeaserCards } from './teaser-cards'
import { hasText, isElement, normaliseSpace, textOf, toArray, type DomElement, type DomNode } from './dom'
import { countWords, paragraphsOf } from './text'
import { PHRASING_TAGS } from './phrasing-tags'
import { removeRepeatedParagraphs } from './repeated-paragraphs'

const BLOCK_TAGS = new Set(
  'p,li,h1,h2,h3,h4,h5,h6,blockquote,figcaption,div,section,dt,dd,pre,td,aside,header,footer'.split(','),
)
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'aside',
  'header',
  'footer',
  'figure',
  'span',
  'p',
])
const MEDIA_SELECTOR = 'img,video,audio,iframe,picture,table,pre'

/**
 * Blocks that hold text and no other block: the "paragraphs" a reader sees. One walk of the tree:
 * a querySelector per element would compile the selector again each time, which dominated the
 * time on long pages.
 */
export function leafBlocks(root: DomElement): DomElement[] {
  const leaves: DomElement[] = []
  const walk = (element: DomElement): boolean => {
    let hasBlock = false
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (walk(child)) hasBlock = true
    }
    const isBlock = BLOCK_TAGS.has(element.localName)
    if (isBlock && !hasBlock) leaves.push(element)
    return isBlock || hasBlock
  }
  for (let child = root.firstElementChild; child !== null; child = child.nextElementSibling) walk(child)
  return leaves
}

/** Above this share of the text, blocks named as captions are the story itself. */
const STORY_IN_CAPTIONS_SHARE = 0.5

/** Marks a block that stays in the article HTML but is not story text (captions, photo credits). */
export const CAPTION_MARK = 'data-dateline-caption'

/**
 * Tidies what Readability kept: named furniture it let through, lone boilerplate lines
 * ("Advertisement", "Read more: ..."), the trailing matter after a "Related stories" or
 * "About the author" heading, and the author's name and bio closing the story. Captions and photo
 * credits stay in the HTML, marked so they do not count as story text.
 */
export function postClean(root: DomElement): void {
  removeBoilerplate(root)
  removeCaptionDebris(root, leafBlocks)
  for (const block of leafBlocks(root)) {
    // A block of <br>-separated lines (an author line, then a date) is judged line by line.
    const lines = paragraphsOf(block)
    if (lines.length > 0 && lines.every(isBoilerplateLine)) block.remove()
    else if (lines.length > 0 && lines.every((line) => isCaptionLine(line) || isBoilerplateLine(line))) {
      block.setAttribute(CAPTION_MARK, '')
    }
  }
  removeLooseBoilerplateLines(root)
  removeDateStamps(root)
  removeTeaserCards(root)
  removeRepeatedParagraphs(leafBlocks(root))
  removeLinkBlocks(root, leafBlocks(root))
  separateDates(root)
  markCaptions(root)
  cutTail(root)
  trimTrailingLines(root)
  removeTrailingBoilerplate(root)
  removeEmptyContainers(root)
}

/**
 * Lines that are no block of their own, judged by the same whole-line rules as a block: text
 * beside a container's blocks (a bare text node or a <span> between two paragraphs, the text of an
 * element the block walk does not count, like <center>), and each <br>-separated line of a block
 * whose other lines are the story ("Publiziert: 03.04.2020<br>Der Stadtrat hat …"). Only the line
 * goes, with its inline markup; an address, a date or markup-like text alone on such a line stays
 * (`blockOnlyLines`): inside a story it is the story's own.
 */
function removeLooseBoilerplateLines(root: DomElement): void {
  for (const element of [root, ...toArray(root.querySelectorAll('*'))]) {
    if (PHRASING_TAGS.has(element.localName)) continue
    const children = toArray(element.childNodes)
    // A block of one line is judged whole by the leaf rule; an element the walk does not count as a
    // block (<center>, <article>) is not, so its one line is judged here.
    if (!children.some(isLineBreak) && BLOCK_TAGS.has(element.localName)) continue
    let line: DomNode[] = []
    const judge = (): void => {
      const text = line.map((node) => node.textContent ?? '').join('')
      if (text.trim() !== '' && isBoilerplateLineOfBlock(text)) for (const node of line) node.remove()
      line = []
    }
    for (const child of children) {
      if (isLineBreak(child)) judge()
      else line.push(child)
    }
    judge()
  }
}

/** A child that ends a line of inline text: a <br>, or any element that is not inline. */
function isLineBreak(node: DomNode): boolean {
  return isElement(node) && !PHRASING_TAGS.has(node.localName)
}

/** An inline element named as a date or a time ("date", "post-time", "timestamp", "datum"). */
const DATE_NAME_RE = /(?:^|[-_ ])(?:date|time|timestamp|datetime|datum|fecha|heure|uhrzeit)(?:$|[-_ ])/i
const WORD_END_RE = /[\p{L}\p{N}]$/u
const WORD_START_RE = /^[\p{L}\p{N}]/u

/**
 * A date or a time printed right against the next word ("<time>21:22</time><mark>Frances
 * Watkins</mark>", "<span class="date">06.03.2016</span>Werden Sie …"): the page's stylesheet sets
 * them apart (a block, a margin), which the copy does not have, so the words would run together
 * ("21:22Frances"). A space is put between them where letters or digits meet.
 */
function separateDates(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll('time,span[class],small[class],em[class]'))) {
    if (element.localName !== 'time' && !isNamedAsDate(element)) continue
    const text = element.textContent ?? ''
    const before = element.previousSibling
    if (before !== null && WORD_END_RE.test(before.textContent ?? '') && WORD_START_RE.test(text)) {
      element.before(' ')
    }
    const after = element.nextSibling
    if (after === null || !WORD_END_RE.test(text) || !WORD_START_RE.test(after.textContent ?? '')) continue
    if (isElement(after)) after.before(' ')
    else after.textContent = ` ${after.textContent ?? ''}`
  }
}

/** Markup that stamps a date on the page: `<time>`, schema.org's date properties, date-named classes. */
const DATE_PROPERTY_RE = /^date(?:Published|Modified|Created)$/
/** A stamp's line may hold a label besides its dates ("Updated", "Last modified on", "Publié le"). */
const STAMP_LABEL_MAX_WORDS = 3
const STAMP_MAX_WORDS = 20
const STAMP_KEPT_IN = 'td,th,li,dd,dt'

function isDateMark(element: DomElement): boolean {
  const property = element.getAttribute('itemprop') ?? ''
  if (DATE_PROPERTY_RE.test(property)) return true
  // A `<time>` may hold a duration instead (a recipe's "15 Min", `itemprop="cookTime"`,
  // `datetime="PT15M"`), which is the story's.
  if (element.localName === 'time')
    return property === '' && !/^\s*P/i.test(element.getAttribute('datetime') ?? '')
  return element.hasAttribute('class') && isNamedAsDate(element)
}

/**
 * The line that stamps when the page was published or changed ("Updated 1:39 am EST, Wednesday,
 * November 20, 2019", "Mon 18 Nov 2019 18.54 GMT Last modified on …", "sexta-feira, 22 de outubro
 * de 2010 às 20:13"): a line whose text is dates in date markup, with a label of a few words at
 * most and no link. It is the page's furniture in every language, known by its markup, not its
 * words; the date is in the article's details. A date inside a sentence, a byline with its date
 * ("By <a>HNN Staff</a> | November 18, 2019"), and dates in a table or a list (a schedule, a
 * timeline) stay.
 */
function removeDateStamps(root: DomElement): void {
  const marks = toArray(root.querySelectorAll('time,[itemprop],[class]')).filter(isDateMark)
  const outermost = marks.filter((mark) => !marks.some((other) => other !== mark && other.contains(mark)))
  for (const mark of outermost) {
    if (!root.contains(mark) || mark.closest(STAMP_KEPT_IN) !== null) continue
    const markWords = countWords(textOf(mark))
    if (markWords === 0 || markWords > STAMP_MAX_WORDS) continue
    const labelWords = (element: DomElement): number =>
      countWords(textOf(element)) -
      outermost
        .filter((other) => element.contains(other))
        .reduce((sum, other) => sum + countWords(textOf(other)), 0)
    let line = mark
    for (let parent = line.parentElement; parent !== null && parent !== root; parent = parent.parentElement) {
      if (labelWords(parent) > STAMP_LABEL_MAX_WORDS) break
      line = parent
    }
    if (!/\p{N}/u.test(textOf(line)) || line.querySelector('a[href]') !== null) continue
    if (namesSomeone(line, outermost) || !isOwnLine(line)) continue
    line.remove()
  }
}

const TEXT_NODE = 3

/** True when `element` is a line of its own: a block, or inline text between blocks or `<br>`s. */
function isOwnLine(element: DomElement): boolean {
  if (!PHRASING_TAGS.has(element.localName)) return true
  const isEdge = (node: DomNode | null, step: (node: DomNode) => DomNode | null): boolean => {
    let sibling = node
    // Comments and blank text between the line and its neighbours are no text.
    while (sibling !== null && !isElement(sibling) && !(sibling.nodeType === TEXT_NODE && hasText(sibling))) {
      sibling = step(sibling)
    }
    return (
      sibling === null ||
      (isElement(sibling) && (sibling.localName === 'br' || !PHRASING_TAGS.has(sibling.localName)))
    )
  }
  return (
    isEdge(element.previousSibling, (node) => node.previousSibling) &&
    isEdge(element.nextSibling, (node) => node.nextSibling)
  )
}

/**
 * True when the words of `line` outside its dates hold a name: a capitalised word after the
 * first ("By Jane Doe", "Von Anna Berg"). A byline with its date is read by the correspondents step.
 */
function namesSomeone(line: DomElement, marks: DomElement[]): boolean {
  const outside = (node: DomNode): string =>
    isElement(node)
      ? marks.includes(node)
        ? ' '
        : toArray(node.childNodes).map(outside).join('')
      : (node.textContent ?? '')
  const words = normaliseSpace(outside(line)).split(' ').slice(1)
  return words.some((word) => /^\p{Lu}\p{Ll}/u.test(word))
}

function isNamedAsDate(element: DomElement): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).some((token) => DATE_NAME_RE.test(token))
}

/**
 * Captions are marked so they stay in the HTML but not in the text. When the captions hold most of
 * the text, they are the story (a gallery told in its captions, a slideshow), and none is marked.
 */
function markCaptions(root: DomElement): void {
  const isMinor = minorityTest(root)
  const captions = toArray(root.querySelectorAll('figcaption,*[class],*[id]')).filter(
    (element) => element.localName === 'figcaption' || (hasCaptionName(element) && isMinor(element)),
  )
  const outermost = captions.filter(
    (element) => !captions.some((other) => other !== element && other.contains(element)),
  )
  const captionLength = outermost.reduce((sum, element) => sum + textOf(element).length, 0)
  if (captionLength > textOf(root).length * STORY_IN_CAPTIONS_SHARE) return
  for (const element of captions) element.setAttribute(CAPTION_MARK, '')
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** A sentence's end in any script: a heading ending so is a pull quote, which is the story's. */
const SENTENCE_END_RE = /[.!?…。！？」』"”»]$/u

function isEmptyHeading(block: DomElement, text: string): boolean {
  return HEADING_TAGS.has(block.localName) && !SENTENCE_END_RE.test(text)
}

/**
 * From the end backwards, the blocks that close no story: trailing boilerplate lines, and headings,
 * which head nothing once they are the last text ("More on this topic", a related story's headline
 * whose list or card was left out, a section title over a widget the copy does not hold), in any
 * language. The first block always stays.
 */
function trimTrailingLines(root: DomElement): void {
  const blocks = leafBlocks(root).filter((block) => hasText(block) && !block.hasAttribute(CAPTION_MARK))
  for (let i = blocks.length - 1; i > 0; i -= 1) {
    const block = blocks[i]
    if (block === undefined) break
    const text = textOf(block)
    if (!(isEmptyHeading(block, text) || isTrailingLine(text))) break
    block.remove()
  }
}

function cutTail(root: DomElement): void {
  const blocks = leafBlocks(root).filter(hasText)
  // Each block's text and words are read once, for the total and for the walk below.
  const texts = blocks.map((block) => textOf(block))
  const counts = texts.map((text) => countWords(text))
  const totalWords = counts.reduce((sum, words) => sum + words, 0)
  let wordsBefore = 0
  for (const [at, block] of blocks.entries()) {
    const text = texts[at] ?? ''
    const words = counts[at] ?? 0
    // Only the last part of the story can start trailing matter; a "Related" line in the first half
    // is more likely an inline link the text refers to.
    if (wordsBefore >= totalWords * 0.5 && words <= 12 && isTailStart(text)) {
      removeFrom(block, root)
      return
    }
    wordsBefore += words
  }
}

/** Removes `start` and everything after it in document order, up to the end of `root`. */
function removeFrom(start: DomElement, root: DomElement): void {
  let node: DomNode | null = start
  while (node !== null && node !== root) {
    let sibling: DomNode | null = node.nextSibling
    while (sibling !== null) {
      const next: DomNode | null = sibling.nextSibling
      sibling.remove()
      sibling = next
    }
    node = node.parentNode
  }
  start.remove()
}

function removeEmptyContainers(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll('*')).reverse()) {
    if (!CONTAINER_TAGS.has(element.localName)) continue
    if (!hasText(element) && element.querySelector(MEDIA_SELECTOR) === null) element.remove()
  }
}

/** Presentation attributes mean nothing outside the page's own stylesheet and scripts. */
export function stripPresentation(root: DomElement): void {
  const walk = (node: DomNode): void => {
    if (!isElement(node)) return
    for (const attribute of toArray(node.attributes).map((a) => a.name)) {
      if (
        attribute === 'class' ||
        attribute === 'id' ||
        attribute === 'style' ||
        attribute.startsWith('data-')
      ) {
        node.removeAttribute(attribute)
      }
      if (attribute.startsWith('on')) node.removeAttribute(attribute)
    }
    for (const child of toArray(node.childNodes)) walk(child)
  }
  walk(root)
}
