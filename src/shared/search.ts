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
