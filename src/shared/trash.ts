import { z } from 'zod'
import { ArticleId } from './article'
import { procedure } from './procedure'

/**
 * The trash: deleted articles stay restorable (with their states and collection places) until the
 * person empties the trash or TRASH_KEEP_DAYS pass; then their files go at the library's next open.
 * Restoring is `articles.restore`. Joined into contract.ts.
 */

export const TRASH_KEEP_DAYS = 30

export const TrashedArticle = z.object({
  id: ArticleId,
  title: z.string(),
  siteName: z.string().nullable(),
  /** ISO 8601. */
  deletedAt: z.string(),
  /** When it goes for good unless restored (deletedAt + TRASH_KEEP_DAYS). */
  purgeAt: z.string(),
})
export type TrashedArticle = z.infer<typeof TrashedArticle>

export const TrashListInput = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(100),
  })
  .strict()
  .default({ offset: 0, limit: 100 })
export type TrashListInput = z.input<typeof TrashListInput>

export const TrashPage = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Most recently deleted first. */
  items: z.array(TrashedArticle),
})
export type TrashPage = z.infer<typeof TrashPage>

export const EmptyTrashInput = z
  .object({
    /** Only these; left out, the whole trash. */
    ids: z.array(ArticleId).min(1).max(10_000).optional(),
  })
  .strict()
  .default({})
export type EmptyTrashInput = z.input<typeof EmptyTrashInput>

export const EmptyTrashResult = z.object({ removed: z.number().int().nonnegative() })
export type EmptyTrashResult = z.infer<typeof EmptyTrashResult>

export const trashProcedures = {
  'trash.list': procedure(TrashListInput, TrashPage, `Deleted articles, kept ${TRASH_KEEP_DAYS} days`),
  'trash.empty': procedure(EmptyTrashInput, EmptyTrashResult, 'Delete articles in the trash for good'),
} as const
