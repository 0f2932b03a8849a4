import {
  boilerplateKinds,
  hasCaptionName,
  hasDekName,
  hasLeadName,
  isHeadlineBox,
  isTailStart,
} from './boilerplate'
import { isElement, normaliseSpace, TEXT_NODE, toArray, type DomElement } from './dom'
import { CARD_MARK } from './teaser-cards'
import { countWords } from './text'

/*
 * Readability keeps the best-scoring container and the siblings that score near it. Two parts of a
 * story often fall outside that: the lead (standfirst, "chapo", teaser) that sits between the
 * headline and the body in its own element, and paragraphs inside the story's own container that
 * Readability's conditional cleaning removed with the box around them. Before Readability runs,
 * every leaf block of the page is numbered and remembered with its place in the tree; afterwards the
 * numbers that reached Readability's copy show where the story was, and prose blocks it left out in
 * those two places are put back. Only text-dense, unlinked blocks outside furniture are recovered.
 */

/** Attribute carrying a leaf block's number through Readability (removed with the other data-*). */
export const BLOCK_MARK = 'data-dateline-block'

const LEAF_TAGS = new Set(
  'p,h1,h2,h3,h4,h5,h6,li,blockquote,pre,dd,dt,div,section,article,td,figcaption,header,main,address'.split(
    ',',
  ),
)
/** Never story text, whatever they hold. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'figure', 'figcaption', 'button', 'select'])
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'textarea'])
const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * A paragraph of prose: a full sentence or more, mostly not link text. Twelve words is a short
 * sentence in any language that spaces its words (countWords counts Chinese and Japanese by
 * characters); a byline, a date line, a tag list or a "read more" teaser falls short of it or is linked.
 */
const PROSE_MIN_WORDS = 12
const PROSE_MAX_LINK_SHARE = 0.3

interface LeafBlock {
  index: number
  element: DomElement
  tag: string
  text: string
  words: number
  linkShare: number
  /** Inside nav, aside, footer, form, figure, a teaser card, or an element named as furniture or a caption. */
  furniture: boolean
  /** The element's ancestors, outermost first, as the page had them before Readability. */
  ancestors: DomElement[]
  /**
   * The block's markup before Readability, kept for the blocks that could be recovered. Readability
   * works on the same tree and rewrites it (a <div> of text becomes a new <p>, and a retry restores
   * the page from a copy), so the element itself may be empty or detached by the time it is read.
   */
  html: string | null
}

export interface BlockMap {
  blocks: LeafBlock[]
  /** How many blocks of the page have each text: a text said twice is a caption, a teaser, a label. */
  repeats: Map<string, number>
}

/** Numbers every leaf block under `body` and remembers it; call before Readability changes the tree. */
export function mapBlocks(body: DomElement): BlockMap {
  const blocks: LeafBlock[] = []
  const ancestors: DomElement[] = []
  // Returns [characters of text, characters in links, holds a block].
  const walk = (element: DomElement, furniture: boolean): [number, number, boolean] => {
    const tag = element.localName
    const here =
      furniture ||
      FURNITURE_TAGS.has(tag) ||
      element.hasAttribute(CARD_MARK) ||
      boilerplateKinds(element).length > 0 ||
      hasCaptionName(element)
    let text = 0
    let linked = 0
    let hasBlock = false
    ancestors.push(element)
    for (const child of toArray(element.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        text += normaliseSpace(child.textContent).length
        continue
      }
      if (!isElement(child) || SKIPPED_TAGS.has(child.localName)) continue
      const [childText, childLinked, childBlock] = walk(child, here)
      text += childText
      linked += childLinked
      if (childBlock || LEAF_TAGS.has(child.localName)) hasBlock = true
    }
    ancestors.pop()
    if (tag === 'a') linked = text
    if (LEAF_TAGS.has(tag) && !hasBlock && text > 0) {
      const content = normaliseSpace(element.textContent)
      const words = countWords(content)
      const linkShare = text === 0 ? 0 : linked / text
      const candidate = !here && words >= PROSE_MIN_WORDS && linkShare <= PROSE_MAX_LINK_SHARE
      element.setAttribute(BLOCK_MARK, String(blocks.length))
      blocks.push({
        index: blocks.length,
        element,
        tag,
        text: content,
        words,
        linkShare,
        furniture: here,
        ancestors: [...ancestors],
        html: candidate ? element.innerHTML : null,
      })
    }
    return [text, linked, hasBlock]
  }
  for (const child of toArray(body.children)) walk(child, false)
  const repeats = new Map<string, number>()
  for (const block of blocks) repeats.set(block.text, (repeats.get(block.text) ?? 0) + 1)
  return { blocks, repeats }
}

function isProse(map: BlockMap, block: LeafBlock): boolean {
  return isUnlinkedText(map, block) && !HEADING_TAGS.has(block.tag) && block.tag !== 'h1'
}

function isUnlinkedText(map: BlockMap, block: LeafBlock): boolean {
  return (
    !block.furniture &&
    (map.repeats.get(block.text) ?? 0) === 1 &&
    block.words >= PROSE_MIN_WORDS &&
    block.linkShare <= PROSE_MAX_LINK_SHARE
  )
}

/**
 * A lead: prose of LEAD_MIN_WORDS or more, or a prose paragraph of any length that the page names
 * as its lead (class "article-intro", "entry-excerpt", "chapo": the CMS says it is the story's
 * first paragraph, not a dek) on itself or on a box of its own that does not hold the story. Some
 * CMSs mark the lead up as a subheading (an <h2> "bajada" under the headline); a heading that long
 * is a paragraph, whatever its tag.
 */
function isLead(map: BlockMap, block: LeafBlock, story: LeafBlock): boolean {
  if (
    block.words < LEAD_MIN_WORDS &&
    !(block.tag === 'p' && namedAsLead(block, story)) &&
    !isShortLead(block, story)
  ) {
    return false
  }
  return HEADING_TAGS.has(block.tag) ? isUnlinkedText(map, block) : isProse(map, block)
}

/**
 * A lead of SHORT_LEAD_MIN_WORDS or more that the page sets apart from the headline: outside the
 * headline's box (a <header>, an "article-header" or "entry-hero") and not named as a dek, it
 * opens the story's text (many German and Austrian CMSs print a two-line lead in the body's own
 * column). Inside the headline's box, or named "dek", "summary", "blurb", it is the headline's
 * complement, which publishers do not count as the story.
 */
function isShortLead(block: LeafBlock, story: LeafBlock): boolean {
  if (block.words < SHORT_LEAD_MIN_WORDS || hasDekName(block.element)) return false
  return !block.ancestors.some(
    (box) => !story.ancestors.includes(box) && (isHeadlineBox(box) || hasDekName(box)),
  )
}

function namedAsLead(block: LeafBlock, story: LeafBlock): boolean {
  if (hasLeadName(block.element)) return true
  return block.ancestors.some((box) => !story.ancestors.includes(box) && hasLeadName(box))
}

/** The deepest element that holds every one of `blocks` in the page as it was. */
function commonAncestor(blocks: LeafBlock[]): DomElement | null {
  const first = blocks[0]
  if (first === undefined) return null
  let depth = first.ancestors.length
  for (const block of blocks) {
    let shared = 0
    while (shared < depth && block.ancestors[shared] === first.ancestors[shared]) shared += 1
    depth = shared
  }
  return depth === 0 ? null : (first.ancestors[depth - 1] ?? null)
}

function inside(block: LeafBlock, container: DomElement): boolean {
  return block.ancestors.includes(container)
}

/**
 * Puts back into Readability's copy (`content`) the lead and the story paragraphs it left out.
 * `title` is the headline as the page's metadata gives it, to find where the lead starts.
 */
export function recoverBlocks(map: BlockMap, content: DomElement, title: string | null): void {
  const keptElements = new Map<number, DomElement>()
  for (const element of toArray(content.querySelectorAll(`[${BLOCK_MARK}]`))) {
    const index = Number(element.getAttribute(BLOCK_MARK))
    if (Number.isInteger(index) && !keptElements.has(index)) keptElements.set(index, element)
  }
  const kept = map.blocks.filter((block) => keptElements.has(block.index))
  if (kept.length === 0) return
  const story = commonAncestor(kept)
  const keptText = normaliseSpace(content.textContent)
  const recovered = new Set<number>()
  const take = (block: LeafBlock): void => {
    if (keptText.includes(block.text)) return
    recovered.add(block.index)
  }

  const first = kept[0]
  const last = kept[kept.length - 1]
  if (first === undefined || last === undefined) return
  // Inside the story's own container, between its first and last kept block.
  if (story !== null) {
    for (let i = first.index + 1; i < last.index; i += 1) {
      const block = map.blocks[i]
      if (block === undefined || keptElements.has(i) || !inside(block, story)) continue
      if (isProse(map, block)) take(block)
    }
  }
  if (story !== null) recoverEnding(map, story, last.index, keptElements, take)
  // Between the headline and the story: the lead.
  const headline = findHeadline(map.blocks, first.index, title)
  if (headline !== null) {
    for (let i = headline + 1; i < first.index; i += 1) {
      const block = map.blocks[i]
      // A list there is a summary of the story ("key points"), not its lead.
      if (block === undefined || keptElements.has(i) || block.tag === 'li') continue
      if (isLead(map, block, first)) take(block)
    }
  }
  insertRecovered(map, content, keptElements, recovered)
}

/**
 * How many blocks that are not prose (a subheading, a date line, an image credit) may sit between
 * the story's last kept paragraph and one Readability cut off; more mean the story has ended.
 */
const ENDING_GAP = 2

/**
 * After the story's last kept block, inside the story's own container: paragraphs Readability cut
 * off at its end (a last paragraph or a closing note in a box of its own, the rest of a story split
 * by a picture). Read on while the blocks are prose, with short gaps; stop at furniture, at a line
 * that starts trailing matter ("Related articles", "About the author", "3 comments"), at the next
 * headline and where the container ends. Outside it, prose after the story is the site's: legal
 * lines, an "About the company" box, a letters-to-the-editor call.
 */
function recoverEnding(
  map: BlockMap,
  story: DomElement,
  lastKept: number,
  keptElements: Map<number, DomElement>,
  take: (block: LeafBlock) => void,
): void {
  let gap = 0
  for (let i = lastKept + 1; i < map.blocks.length && gap <= ENDING_GAP; i += 1) {
    const block = map.blocks[i]
    if (block === undefined || keptElements.has(i)) continue
    if (!inside(block, story) || block.furniture || block.tag === 'h1' || isTailStart(block.text)) return
    if (isProse(map, block)) {
      take(block)
      gap = 0
    } else gap += 1
  }
}

/**
 * A lead shorter than this is a standfirst (dek): a one-line complement of the headline that many
 * publishers show above the story but do not count as its text. A lead paragraph is longer.
 */
const LEAD_MIN_WORDS = 30
/** A lead set apart from the headline's box may be as short as two lines. */
const SHORT_LEAD_MIN_WORDS = 20

/** How far before the story the headline is looked for, in blocks (bylines, dates, share lines). */
const HEADLINE_REACH = 25

/** The block holding the headline before the story: the nearest <h1>, or a block that is the title. */
function findHeadline(blocks: LeafBlock[], before: number, title: string | null): number | null {
  const wanted = title === null ? null : normaliseSpace(title).toLowerCase()
  for (let i = before - 1; i >= Math.max(0, before - HEADLINE_REACH); i -= 1) {
    const block = blocks[i]
    if (block === undefined) continue
    if (block.tag === 'h1') return i
    const text = block.text.toLowerCase()
    if (wanted !== null && text.length >= 10 && (wanted === text || wanted.startsWith(text))) return i
  }
  return null
}

function insertRecovered(
  map: BlockMap,
  content: DomElement,
  keptElements: Map<number, DomElement>,
  recovered: Set<number>,
): void {
  if (recovered.size === 0) return
  const keptIndexes = [...keptElements.keys()].sort((a, b) => a - b)
  for (const index of [...recovered].sort((a, b) => b - a)) {
    const block = map.blocks[index]
    if (block === undefined) continue
    const copy = copyInto(content, block)
    const next = keptIndexes.find((kept) => kept > index)
    const anchor = next === undefined ? undefined : keptElements.get(next)
    if (anchor !== undefined && anchor.parentNode !== null) anchor.before(copy)
    else content.append(copy)
    keptElements.set(index, copy)
    keptIndexes.push(index)
    keptIndexes.sort((a, b) => a - b)
  }
}

/** The block as the page had it, rebuilt in Readability's document (a <div> of text becomes a <p>). */
function copyInto(content: DomElement, block: LeafBlock): DomElement {
  const tag = block.tag === 'div' || block.tag === 'section' || HEADING_TAGS.has(block.tag) ? 'p' : block.tag
  const copy = content.ownerDocument.createElement(tag === 'li' || tag === 'td' || tag === 'dd' ? 'p' : tag)
  copy.innerHTML = block.html ?? block.element.innerHTML
  return copy
}
