import rules from './caption-debris.json'
import { hasCaptionName, minorityTest, namingWords } from './boilerplate'
import {
  hasText,
  isElement,
  normaliseSpace,
  textOf,
  toArray,
  TEXT_NODE,
  type DomElement,
  type DomNode,
} from './dom'

/*
 * What pictures leave at the top of a story once the page's styling is gone: the labels only a
 * screen reader was meant to hear ("Media caption" glued to "Who is Julian Assange?"), caption
 * labels ("Bildunterschrift"), and picture credits ("Foto: dpa") printed before the first
 * paragraph or glued to its start.
 */

const SCREEN_READER_RE = new RegExp(`(?:^| )(?:${rules.screenReaderClassWords.join('|')})(?: |$)`, 'u')
const LABELS = [...rules.captionLabels].sort((a, b) => b.length - a.length)
const CREDIT_RE = new RegExp(`^(?:${rules.creditLines.join('|')})$`, 'iu')
/** Inline elements a credit is printed in at the start of a paragraph. */
const INLINE_TAGS = new Set(['span', 'small', 'em', 'i', 'strong', 'b', 'cite', 'figure', 'div', 'p'])
/** Credits are looked for only before and in the story's first paragraphs. */
const LEADING_BLOCKS = 3

/** `blocksOf` gives the paragraphs a reader sees under an element (post-clean's leafBlocks). */
export function removeCaptionDebris(root: DomElement, blocksOf: (root: DomElement) => DomElement[]): void {
  removeScreenReaderText(root)
  removeCaptionLabels(root)
  removeLeadingCredits(blocksOf(root))
}

/** Text a sighted reader never sees (class names such as off-screen, sr-only, visually-hidden). */
export function removeScreenReaderText(root: DomElement): void {
  const isMinor = minorityTest(root)
  for (const element of toArray(root.querySelectorAll('[class],[id]'))) {
    if (!root.contains(element)) continue
    if (namingWords(element).some((word) => SCREEN_READER_RE.test(word)) && isMinor(element)) element.remove()
  }
}

/** "Image caption", "Bildunterschrift:" at the start of a caption. */
function removeCaptionLabels(root: DomElement): void {
  for (const caption of toArray(root.querySelectorAll('figcaption,[class],[id]'))) {
    if (caption.localName !== 'figcaption' && !hasCaptionName(caption)) continue
    const node = firstTextNode(caption)
    if (node === null) continue
    const text = normaliseSpace(node.textContent)
    const lower = text.toLowerCase()
    const label = LABELS.find((candidate) => lower === candidate || lower === `${candidate}:`)
    if (label !== undefined) {
      node.remove()
      continue
    }
    const glued = LABELS.find((candidate) => lower.startsWith(`${candidate}:`))
    if (glued !== undefined) node.textContent = text.slice(glued.length + 1).trimStart()
  }
}

/** A picture credit as the page's first lines, or in an element of its own at a paragraph's start. */
function removeLeadingCredits(blocks: DomElement[]): void {
  for (const block of blocks.filter(hasText).slice(0, LEADING_BLOCKS)) {
    if (block.closest('figure') !== null) continue
    if (CREDIT_RE.test(textOf(block))) {
      block.remove()
      continue
    }
    const first = firstElementWithText(block)
    if (
      first !== null &&
      first !== block &&
      CREDIT_RE.test(textOf(first)) &&
      textOf(first) !== textOf(block)
    ) {
      first.remove()
    }
  }
}

function firstTextNode(element: DomElement): DomNode | null {
  for (const child of toArray(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      if (normaliseSpace(child.textContent) !== '') return child
    } else if (isElement(child)) {
      const inner = firstTextNode(child)
      if (inner !== null) return inner
    }
  }
  return null
}

/** The block's first child with text, when it is an element (not loose text) of an inline kind. */
function firstElementWithText(block: DomElement): DomElement | null {
  for (const child of toArray(block.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      if (normaliseSpace(child.textContent) !== '') return null
    } else if (isElement(child) && hasText(child)) {
      return INLINE_TAGS.has(child.localName) ? child : null
    }
  }
  return null
}
