import { z } from 'zod'
import { ArticleId } from './article'
import { ArticleFilter } from './article-filter'
import { procedure } from './procedure'

/**
 * The reading part of the API: where the person is in each article, what they have left to
 * finish, and reading the whole list at once. Joined into src/shared/contract.ts.
 */

/**
 * Which date orders the list: the date the page gives as its publication, with the day it was
 * saved for pages that give none; or the day saved alone (the order things were added in).
 */
export const ListDate = z.enum(['published', 'saved'])
export type ListDate = z.infer<typeof ListDate>

/** How far through an article the person has scrolled: 0 at the top, 1 at its end. */
export const ReadingProgress = z.number().min(0).max(1)

export const ReadingPosition = z.object({
  id: ArticleId,
  progress: ReadingProgress,
  /** ISO 8601: when the person was last at this place. */
  at: z.string(),
})
export type ReadingPosition = z.infer<typeof ReadingPosition>

/** An article begun and not finished, for "Continue reading". */
export const UnfinishedArticle = ReadingPosition.extend({
  title: z.string(),
  siteName: z.string().nullable(),
  readingMinutes: z.number().int().nonnegative(),
})
export type UnfinishedArticle = z.infer<typeof UnfinishedArticle>

/** Begun means past the first screen's worth; finished means at the last lines. */
export const BEGUN_PROGRESS = 0.03
export const FINISHED_PROGRESS = 0.97

/** Minutes left at a place in an article; a begun article has at least a minute left. */
export function minutesLeft(readingMinutes: number, progress: number): number {
  if (progress >= FINISHED_PROGRESS || readingMinutes === 0) return 0
  return Math.max(1, Math.round(readingMinutes * (1 - progress)))
}

/** A "mark all read" is undone by id; more than this many at once is the whole library anyway. */
const MAX_UNDO_IDS = 200_000

export const readingProcedures = {
  'reading.positions': procedure(
    z.object({ ids: z.array(ArticleId).max(1000) }).strict(),
    z.object({ positions: z.array(ReadingPosition) }),
    'Where the person is in each of these articles (articles never opened are left out)',
  ),
  'reading.savePosition': procedure(
    z.object({ id: ArticleId, progress: ReadingProgress }).strict(),
    ReadingPosition,
    'Remember how far through an article the person has read',
  ),
  'reading.unfinished': procedure(
    z.object({ limit: z.number().int().min(1).max(50).default(5) }).strict(),
    z.object({ articles: z.array(UnfinishedArticle) }),
    'Articles begun and not finished, the most recently read first ("Continue reading")',
  ),
  'reading.markAllRead': procedure(
    ArticleFilter.omit({ query: true }),
    z.object({ ids: z.array(ArticleId) }),
    'Mark every unread article of the list read; returns the ones changed, to undo',
  ),
  'reading.markUnread': procedure(
    z.object({ ids: z.array(ArticleId).max(MAX_UNDO_IDS) }).strict(),
    z.object({ ids: z.array(ArticleId) }),
    'Mark these articles unread again (undo of mark all read); articles gone since are skipped',
  ),
}
