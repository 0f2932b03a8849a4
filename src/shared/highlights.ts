import { z } from 'zod'
import { ArticleId } from './article'
import { CONTEXT_CHARS } from './highlight-anchor'
import { procedure } from './procedure'

/**
 * Highlights and notes: passages of an article the person marked, each with an optional note,
 * anchored by quote and position (src/shared/highlight-anchor.ts) so they survive a re-capture.
 * Joined into src/shared/contract.ts.
 */

/** Random, 16 hex digits: the same highlight on every device that syncs. */
export const HighlightId = z.string().regex(/^[0-9a-f]{16}$/, 'A highlight id is 16 hexadecimal characters')
export type HighlightId = z.infer<typeof HighlightId>

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const
export const HighlightColour = z.enum(HIGHLIGHT_COLOURS)
export type HighlightColour = z.infer<typeof HighlightColour>

export const MAX_QUOTE_CHARS = 20_000
export const MAX_NOTE_CHARS = 20_000

const Note = z.string().max(MAX_NOTE_CHARS, `A note holds at most ${MAX_NOTE_CHARS} characters`)

export const Highlight = z.object({
  id: HighlightId,
  articleId: ArticleId,
  /** TextQuoteSelector: the passage and up to CONTEXT_CHARS characters on each side. */
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** TextPositionSelector, in the article's plain text (the text content of its body) when made. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  note: z.string(),
  colour: HighlightColour,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Highlight = z.infer<typeof Highlight>

/** A highlight and where it is in the article's text now; `at` null means orphaned (the quote is gone). */
export const AnchoredHighlight = Highlight.extend({
  at: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
})
export type AnchoredHighlight = z.infer<typeof AnchoredHighlight>

export const AddHighlightInput = z
  .object({
    articleId: ArticleId,
    exact: z.string().min(1, 'Select some text to highlight').max(MAX_QUOTE_CHARS),
    /** Context and position, as the window saw them; without them the quote's first match is taken. */
    prefix: z
      .string()
      .max(CONTEXT_CHARS * 4)
      .default(''),
    suffix: z
      .string()
      .max(CONTEXT_CHARS * 4)
      .default(''),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().positive().optional(),
    note: Note.default(''),
    colour: HighlightColour.default('yellow'),
  })
  .strict()
export type AddHighlightInput = z.input<typeof AddHighlightInput>

export const UpdateHighlightInput = z
  .object({ id: HighlightId, note: Note.optional(), colour: HighlightColour.optional() })
  .strict()

export const highlightsProcedures = {
  'highlights.list': procedure(
    z.object({ articleId: ArticleId.optional() }).strict(),
    z.object({ highlights: z.array(AnchoredHighlight) }),
    "An article's highlights (or every article's) in the order of the text, orphaned ones last, with where each is now",
  ),
  'highlights.add': procedure(
    AddHighlightInput,
    AnchoredHighlight,
    'Highlight a passage of an article, with an optional note',
  ),
  'highlights.update': procedure(
    UpdateHighlightInput,
    AnchoredHighlight,
    "Change a highlight's note or colour",
  ),
  'highlights.remove': procedure(
    z.object({ id: HighlightId }).strict(),
    z.object({ id: HighlightId, articleId: ArticleId }),
    'Remove a highlight and its note',
  ),
}

export const HighlightsChanged = z.object({
  /** The articles whose highlights changed; empty when it could be any (after a sync). */
  articleIds: z.array(z.string()),
})

export const highlightsEvents = {
  'highlights.changed': HighlightsChanged,
} as const
