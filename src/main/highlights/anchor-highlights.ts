import { anchorPassage } from '@shared/highlight-anchor'
import type { AnchoredHighlight, Highlight } from '@shared/highlights'

/**
 * Each highlight with where its passage is in the article's text now (null: orphaned), in the order
 * of the text, orphaned ones last. Anchored at every reading rather than rewritten at re-capture,
 * so a highlight keeps the selectors it was made with and a re-capture needs no hook here.
 */
export function anchorHighlights(text: string, highlights: readonly Highlight[]): AnchoredHighlight[] {
  return highlights
    .map((h) => ({ ...h, at: anchorPassage(text, h) }))
    .sort((a, b) => orderOf(a) - orderOf(b) || a.start - b.start || (a.id < b.id ? -1 : 1))
}

function orderOf(h: AnchoredHighlight): number {
  return h.at === null ? Number.MAX_SAFE_INTEGER : h.at.start
}
