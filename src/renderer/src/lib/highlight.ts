import type { HighlightedText } from '@shared/search'

export interface TextPiece {
  text: string
  marked: boolean
}

/**
 * A highlighted text as pieces to render, marked or not. Ranges come from the main process, but
 * are not trusted to be sorted, inside the text or apart: out-of-range or overlapping ones are
 * clipped, so the text shown is always exactly the text received.
 */
export function highlightPieces(value: HighlightedText): TextPiece[] {
  const { text } = value
  const ranges = value.highlights
    .map((r) => ({
      start: Math.max(0, Math.min(text.length, r.start)),
      end: Math.max(0, Math.min(text.length, r.end)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start)
  const pieces: TextPiece[] = []
  let at = 0
  for (const range of ranges) {
    const start = Math.max(at, range.start)
    if (range.end <= start) continue
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false })
    pieces.push({ text: text.slice(start, range.end), marked: true })
    at = range.end
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false })
  return pieces
}
