import rules from './boilerplate-tail.json'
import { agencyNamed } from '../../correspondents/byline-words'
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
import { everyParagraph } from './text'

/*
 * What a page prints after the story and extraction keeps: the outlet's rights notice, a vote or
 * like counter, a poll's results ("%57 голосов"), and an agency's name alone on a line. The tail is
 * removed from the end backwards, block by block, until a line of the story is met.
 */

const COPYRIGHT_RE = new RegExp(`^(?:${rules.copyrightLines.join('|')})$`, 'iu')
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const COUNTER_WORDS = [...rules.counterWords]
  .sort((a, b) => b.length - a.length)
  .map((word) => escape(word).replace(/ /g, '\\s+'))
  .join('|')
/** One piece of a counter: a label, a number (12, 1.2k, 57%) or the punctuation between them. */
const COUNTER_PIECE_RE = new RegExp(
  `^(?:(?:${COUNTER_WORDS})(?!\\p{L})|\\d[\\d.,]*\\s*[%kк]?(?!\\p{L})|[%:()·|/•+-])`,
  'iu',
)
/** Elements that are more than text: a tail that holds one is looked into, not removed whole. */
const MEDIA_SELECTOR = 'img,picture,video,audio,iframe,table,pre'
const BLOCK_SELECTOR = 'p,div,li,ul,ol,table,figure,blockquote,section,h1,h2,h3,h4,h5,h6'

/** A line that closes a page, not its story. */
export function isTailLine(line: string): boolean {
  const text = normaliseSpace(line)
  return COPYRIGHT_RE.test(text) || isCounterLine(text) || isAgencyLine(text)
}

/** "Нравится 12 Не нравится 3", "%57 голосов", "1.2k likes": labels and numbers only. */
export function isCounterLine(line: string): boolean {
  let rest = normaliseSpace(line)
  let counted = false
  // A number alone is not enough: "02-751-1500" is a telephone number, "2:1" a score.
  let labelled = false
  while (rest !== '') {
    const piece = COUNTER_PIECE_RE.exec(rest)
    if (piece === null) return false
    if (/\d/.test(piece[0])) counted = true
    if (/[\p{L}%]/u.test(piece[0])) labelled = true
    rest = rest.slice(piece[0].length).trimStart()
  }
  return counted && labelled
}

/** "(AFP)", "dpa", "— Reuters": an agency named alone. */
export function isAgencyLine(line: string): boolean {
  const name = normaliseSpace(line.replace(/^[\s([{—–-]+|[\s)\]}.—–-]+$/gu, ''))
  return name !== '' && agencyNamed(name) !== null
}

/** Removes the tail of `root` (see above), and any paragraph that is only an agency's name. */
export function removeTrailingBoilerplate(root: DomElement): void {
  for (const element of toArray(root.querySelectorAll('p,div,li'))) {
    if (!root.contains(element) || element.querySelector(BLOCK_SELECTOR) !== null) continue
    if (isAgencyLine(textOf(element))) element.remove()
  }
  let container: DomElement = root
  for (let steps = 0; steps < 1000; steps += 1) {
    const last = lastNodeWithText(container)
    if (last === null || !isElement(last)) return
    if (everyParagraph(last, isTailLine) && last.querySelector(MEDIA_SELECTOR) === null) {
      last.remove()
      continue
    }
    // Some of it is the story, or a picture: the blocks it holds may still end in tail.
    if (last.querySelector(BLOCK_SELECTOR) !== null) {
      container = last
      continue
    }
    // A paragraph of <br>-separated lines whose last lines are tail.
    while (removeLastLineIfTail(last)) {
      // one line at a time
    }
    return
  }
}

/** In a block of <br>-separated lines, removes the last line when it is tail; true if it did. */
function removeLastLineIfTail(block: DomElement): boolean {
  const breaks = toArray(block.querySelectorAll('br'))
  const lastBreak = breaks.at(-1)
  if (lastBreak === undefined || lastBreak.parentNode !== block) return false
  const after: DomNode[] = []
  for (let node = lastBreak.nextSibling; node !== null; node = node.nextSibling) after.push(node)
  const line = after.map((node) => node.textContent ?? '').join('')
  if (normaliseSpace(line) === '' || !isTailLine(line)) return false
  for (const node of after) node.remove()
  lastBreak.remove()
  return true
}

function lastNodeWithText(element: DomElement): DomNode | null {
  const children = toArray(element.childNodes)
  for (let i = children.length - 1; i >= 0; i -= 1) {
    const child = children[i]
    if (child === undefined) continue
    if ((child.nodeType === TEXT_NODE || isElement(child)) && hasText(child)) {
      return child
    }
  }
  return null
}
