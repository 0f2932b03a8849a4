import { z } from 'zod'

/** A stretch of a text to mark as matching the search, in UTF-16 code units, end exclusive. */
export const TextRange = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextRange = z.infer<typeof TextRange>

/** Plain text and the ranges to mark in it: never HTML, so it is shown as text wherever it goes. */
export const HighlightedText = z.object({ text: z.string(), highlights: z.array(TextRange) })
export type HighlightedText = z.infer<typeof HighlightedText>

/** Why an article is in the results: its headline and a stretch of its text with the words marked. */
export const SearchMatch = z.object({ title: HighlightedText, snippet: HighlightedText })
export type SearchMatch = z.infer<typeof SearchMatch>

/** Longest query accepted; longer input is cut (and the person told) rather than refused. */
export const MAX_QUERY_CHARS = 10_000

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

/** The filters a palette chip can hold, besides the state (which the window matches itself). */
export const SuggestedFilterKind = z.enum(['country', 'correspondent', 'collection', 'feed', 'site'])
export type SuggestedFilterKind = z.infer<typeof SuggestedFilterKind>

export const FilterSuggestionsInput = z
  .object({ query: z.string().max(300), limit: z.number().int().min(1).max(20).default(6) })
  .strict()

/**
 * A filter whose name matches words typed in the palette: `value` is what the list's filter takes
 * (a country's code, a feed's id, a name), `label` what its chip says, `words` the typed words it
 * stands for (the palette takes them out of the search when the chip is added).
 */
export const FilterSuggestion = z.object({
  kind: SuggestedFilterKind,
  value: z.union([z.string(), z.number().int()]),
  label: z.string(),
  words: z.string(),
  articles: z.number().int().nonnegative(),
})
export type FilterSuggestion = z.infer<typeof FilterSuggestion>
