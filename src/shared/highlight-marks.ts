import { anchorPassage, type TextSelector } from './highlight-anchor'

/*
 * Painting highlights as <mark> elements in a document: the reader frame's (in the window) and an
 * exported copy's (linkedom, in the main process). Both count the same text, every text node under
 * the root in document order, so a highlight's position means the same in both. Only the DOM
 * methods both have are used (no TreeWalker, no instanceof across realms).
 */

export const MARK_ATTRIBUTE = 'data-highlight-id'
const TEXT_NODE = 3
const ELEMENT_NODE = 1

export interface TextPiece {
  node: Text
  start: number
}

export interface DocumentText {
  pieces: TextPiece[]
  text: string
}

export interface PaintedPassage extends TextSelector {
  id: string
  colour: string
}

/** The text under `root`, leaving out elements `skip` names (the frame's printed headline). */
export function documentText(root: Node, skip: (element: Element) => boolean = () => false): DocumentText {
  const pieces: TextPiece[] = []
  const parts: string[] = []
  let length = 0
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const text = child as Text
        pieces.push({ node: text, start: length })
        parts.push(text.data)
        length += text.data.length
      } else if (child.nodeType === ELEMENT_NODE && !skip(child as Element)) {
        visit(child)
      }
    }
  }
  visit(root)
  return { pieces, text: parts.join('') }
}

/** Takes out the marks of an earlier painting, leaving the text as it was. */
export function clearPassages(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode
    if (!parent) continue
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark)
    parent.removeChild(mark)
    parent.normalize()
  }
}

/**
 * Wraps each passage found in <mark> elements (one per text node it spans, space between blocks
 * left alone); returns the ids of those found.
 */
export function paintPassages(
  doc: Document,
  root: Element,
  passages: readonly PaintedPassage[],
  skip?: (element: Element) => boolean,
): Set<string> {
  clearPassages(root)
  joinAdjacentText(root)
  const painted = new Set<string>()
  for (const passage of passages) {
    const { pieces, text } = documentText(root, skip)
    const at = anchorPassage(text, passage)
    if (!at) continue
    painted.add(passage.id)
    let first = true
    for (const piece of pieces) {
      const pieceEnd = piece.start + piece.node.data.length
      if (pieceEnd <= at.start || piece.start >= at.end || piece.node.data.trim() === '') continue
      let node = piece.node
      const to = Math.min(at.end, pieceEnd) - piece.start
      const from = Math.max(at.start, piece.start) - piece.start
      if (to < node.data.length) splitText(doc, node, to)
      if (from > 0) node = splitText(doc, node, from)
      const mark = doc.createElement('mark')
      mark.setAttribute(MARK_ATTRIBUTE, passage.id)
      mark.setAttribute('class', `dateline-highlight dateline-highlight-${passage.colour}`)
      if (first) mark.setAttribute('data-highlight-start', '')
      first = false
      node.parentNode?.insertBefore(mark, node)
      mark.appendChild(node)
    }
  }
  return painted
}

/**
 * One text node where a parser left several in a row (htmlparser2 splits at entities), so a
 * passage within one run of text is one mark. What the text says is unchanged.
 */
function joinAdjacentText(node: Node): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      joinAdjacentText(child)
      continue
    }
    if (child.nodeType !== TEXT_NODE) continue
    while (child.nextSibling?.nodeType === TEXT_NODE) {
      const next = child.nextSibling as Text
      ;(child as Text).data += next.data
      node.removeChild(next)
    }
  }
}

/** Text.splitText, which linkedom (the exports' DOM) lacks: `node` keeps the text before `offset`. */
function splitText(doc: Document, node: Text, offset: number): Text {
  const after = doc.createTextNode(node.data.slice(offset))
  node.data = node.data.slice(0, offset)
  node.parentNode?.insertBefore(after, node.nextSibling)
  return after
}
