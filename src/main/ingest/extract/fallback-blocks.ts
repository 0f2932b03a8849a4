import { PHRASING_TAGS } from './phrasing-tags'
import {
  isElement,
  normaliseSpace,
  TEXT_NODE,
  textOf,
  toArray,
  type DomDocument,
  type DomElement,
} from './dom'

/*
 * Where the article is when Readability found none: the element the page itself marks as the
 * story, or else the block holding the most prose. Used only as fallbacks, on a fresh tree.
 */

/** The page's own mark for its story: schema.org's articleBody, or the <article> with the most text. */
export function markedArticleElement(document: DomDocument): DomElement | null {
  const marked = toArray(document.querySelectorAll('[itemprop~="articleBody" i],article'))
  let best: DomElement | null = null
  let bestLength = 0
  for (const element of marked) {
    const length = textOf(element).length
    if (length > bestLength) {
      best = element
      bestLength = length
    }
  }
  return best
}

/** Never the story, and their text is not counted as prose. */
const NOT_PROSE_TAGS = new Set([
  'script',
  'style',
  'svg',
  'math',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'object',
  'head',
  'title',
  'noscript',
  'template',
])
/** Inline text, and the void elements that sit inside a line of it. */
const INLINE_TAGS = new Set([...PHRASING_TAGS, 'br', 'wbr', 'img'])

interface BlockTally {
  /** Characters of visible text under the element. */
  text: number
  /** Of those, characters inside links: navigation and lists of headlines are mostly links. */
  linked: number
  /** Whether a block element sits inside (then the element is a container, not a paragraph). */
  hasBlock: boolean
}

/**
 * The element whose own paragraphs (its text, its inline children and its childless blocks, less
 * their links) hold the most text: the story's container, however its paragraphs are marked up
 * (<p>, a <div> per line, <br>-separated text). Null when the page has no unlinked text at all.
 */
export function largestTextBlock(body: DomElement): DomElement | null {
  let best: DomElement | null = null
  let bestScore = 0
  const visit = (element: DomElement): BlockTally => {
    let text = 0
    let linked = 0
    let hasBlock = false
    let own = 0
    for (const child of toArray(element.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const length = normaliseSpace(child.textContent).length
        text += length
        own += length
        continue
      }
      if (!isElement(child) || NOT_PROSE_TAGS.has(child.localName)) continue
      const tally = visit(child)
      text += tally.text
      linked += tally.linked
      const inline = INLINE_TAGS.has(child.localName)
      if (!inline || tally.hasBlock) hasBlock = true
      if (!tally.hasBlock) own += tally.text - tally.linked
    }
    if (element.localName === 'a') linked = text
    if (own > bestScore) {
      best = element
      bestScore = own
    }
    return { text, linked, hasBlock }
  }
  visit(body)
  return best
}

/**
 * Text the page hides until a script runs: <template> content (stamped by hydration code, or a
 * declarative shadow root a browser shows) and <noscript> fallbacks. Dateline runs no scripts, so
 * for the last fallbacks this text is made ordinary content.
 */
export function revealScriptedContent(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll('template,noscript')).reverse()) {
    if (element.parentNode !== null) element.replaceWith(...toArray(element.childNodes))
  }
}
