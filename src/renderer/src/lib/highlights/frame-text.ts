import { describePassage, type TextSelector } from '@shared/highlight-anchor'
import { documentText, MARK_ATTRIBUTE, paintPassages, type DocumentText } from '@shared/highlight-marks'
import type { HighlightColour } from '@shared/highlights'

/*
 * Highlights in the article frame. The frame runs no scripts; the window reaches into its
 * same-origin document, so nodes here belong to another realm (no `instanceof`, duck typing on
 * nodeType). The text counted is every text node of the article's body in order, which is what
 * the main process counts in the stored HTML (src/main/highlights/article-plain-text.ts); the
 * printed headline the frame adds for paper is left out.
 */

const TEXT_NODE = 3
const PRINT_HEADER = 'dateline-print-header'

function articleRoot(doc: Document): Element | null {
  return doc.querySelector('.dateline-article') ?? doc.body
}

const isPrintHeader = (element: Element): boolean => element.classList.contains(PRINT_HEADER)

export function frameText(doc: Document): DocumentText {
  const root = articleRoot(doc)
  return root ? documentText(root, isPrintHeader) : { pieces: [], text: '' }
}

/** The offset in the article's text of a boundary point of a selection. */
function offsetOf(doc: Document, { pieces, text }: DocumentText, container: Node, offset: number): number {
  if (container.nodeType === TEXT_NODE) {
    const piece = pieces.find((p) => p.node === container)
    if (piece) return piece.start + Math.min(offset, piece.node.data.length)
  }
  const point = doc.createRange()
  point.setStart(container, offset)
  // The first text node at or after the point (comparePoint: -1 before it, 1 after it).
  const next = pieces.find((p) => point.comparePoint(p.node, 0) >= 0)
  return next ? next.start : text.length
}

/** The selector of what is selected in the frame, trimmed of space at its ends; null when nothing is. */
export function selectedPassage(doc: Document): TextSelector | null {
  const selection = doc.getSelection()
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null
  const range = selection.getRangeAt(0)
  const text = frameText(doc)
  let start = offsetOf(doc, text, range.startContainer, range.startOffset)
  let end = offsetOf(doc, text, range.endContainer, range.endOffset)
  while (start < end && /\s/.test(text.text[start]!)) start++
  while (end > start && /\s/.test(text.text[end - 1]!)) end--
  return end > start ? describePassage(text.text, start, end) : null
}

/** Where the selection is drawn, in the frame's own coordinates (it does not scroll inside). */
export function selectionRect(doc: Document): DOMRect | null {
  const selection = doc.getSelection()
  if (!selection || selection.rangeCount === 0) return null
  const rects = selection.getRangeAt(0).getClientRects()
  return rects.length > 0 ? rects[0]! : selection.getRangeAt(0).getBoundingClientRect()
}

export interface PaintedHighlight extends TextSelector {
  id: string
  colour: HighlightColour
}

/**
 * Paints each highlight as <mark> elements around its text, at render time only: the stored body
 * never holds them. Returns the ids that found their passage.
 */
export function paintHighlights(doc: Document, highlights: readonly PaintedHighlight[]): Set<string> {
  const root = articleRoot(doc)
  return root ? paintPassages(doc, root, highlights, isPrintHeader) : new Set()
}

/** The first mark of a highlight in the frame, to scroll to. */
export function markOf(doc: Document, id: string): HTMLElement | null {
  return doc.querySelector<HTMLElement>(`mark[${MARK_ATTRIBUTE}="${CSS.escape(id)}"]`)
}

/** Scrolls the reader to a highlight in the open article and outlines it for a moment. */
export function showHighlightInFrame(id: string, smooth: boolean): boolean {
  const doc = document.querySelector<HTMLIFrameElement>('[data-testid="article-frame"]')?.contentDocument
  const mark = doc ? markOf(doc, id) : null
  if (!doc || !mark) return false
  mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' })
  const marks = Array.from(doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}="${CSS.escape(id)}"]`))
  marks.forEach((m) => m.classList.add('dateline-highlight-current'))
  setTimeout(() => marks.forEach((m) => m.classList.remove('dateline-highlight-current')), 1600)
  return true
}
