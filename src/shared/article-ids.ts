import { z } from 'zod'
import { ArticleId } from './article'
import { procedure } from './procedure'

/**
 * Shortened article ids, as git shortens commits: any prefix of at least MIN_ID_PREFIX hex digits
 * that names one article. Joined into contract.ts.
 */

/** git's own floor: shorter prefixes are too easy to mistype into another article. */
export const MIN_ID_PREFIX = 4

export const IdPrefix = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    new RegExp(`^[0-9a-f]{${MIN_ID_PREFIX},16}$`),
    `An article id is ${MIN_ID_PREFIX} to 16 hexadecimal characters (the start of the id is enough)`,
  )

export const ResolveIdsInput = z
  .object({
    prefixes: z.array(IdPrefix).min(1).max(10_000),
    /** Where to look: the library's articles, or the trash. */
    in: z.enum(['library', 'trash']).default('library'),
  })
  .strict()
export type ResolveIdsInput = z.input<typeof ResolveIdsInput>

/** The whole id of each prefix, in the order given. */
export const ResolvedIds = z.object({ ids: z.array(ArticleId) })
export type ResolvedIds = z.infer<typeof ResolvedIds>

export const articleIdsProcedures = {
  'articles.resolveIds': procedure(
    ResolveIdsInput,
    ResolvedIds,
    'The whole ids of shortened ones (unique prefixes); an unknown or ambiguous prefix is an error',
  ),
} as const
