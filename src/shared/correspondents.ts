import { z } from 'zod'
import { ArticleId, ArticleSummary, CorrespondentKind } from './article'
import { procedure } from './procedure'

/**
 * The correspondents part of the API: its procedures and events, joined into src/shared/contract.ts.
 * A correspondent is one name at one outlet (agencies at every outlet); entries the person merged
 * are shown as the one they were merged into, with every outlet.
 */

export const CorrespondentId = z.number().int().positive()

export const CorrespondentSummary = z.object({
  id: CorrespondentId,
  name: z.string(),
  kind: CorrespondentKind,
  /** The outlets they were read at (several once entries are merged). */
  outlets: z.array(z.string()),
  articles: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
  followed: z.boolean(),
  /** Their page on the outlet, when an article linked it. */
  authorUrl: z.string().nullable(),
  /** Their own feed, found on their page: following it brings every new piece. */
  feedUrl: z.string().nullable(),
  /** Entries merged into this one (their ids), which `correspondents.split` separates again. */
  merged: z.array(CorrespondentId),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
})
export type CorrespondentSummary = z.infer<typeof CorrespondentSummary>

export const CorrespondentSort = z.enum(['name', 'count', 'latest'])
export type CorrespondentSort = z.infer<typeof CorrespondentSort>

export const CorrespondentListQuery = z
  .object({
    /** Part of a name, any case. */
    query: z.string().max(300).optional(),
    sort: CorrespondentSort.default('count'),
    followed: z.boolean().optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()

export const CorrespondentList = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(CorrespondentSummary),
})
export type CorrespondentList = z.infer<typeof CorrespondentList>

export const CorrespondentRef = z.object({ id: CorrespondentId }).strict()

export const CorrespondentPageQuery = z
  .object({
    id: CorrespondentId,
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const CoveredCountry = z.object({ code: z.string(), name: z.string(), articles: z.number().int() })

/** An entry merged into the one shown: its own name and outlet, which a split gives back. */
export const MergedEntry = z.object({
  id: CorrespondentId,
  name: z.string(),
  outlet: z.string().nullable(),
  articles: z.number().int().nonnegative(),
})
export type MergedEntry = z.infer<typeof MergedEntry>

export const CorrespondentPage = CorrespondentSummary.extend({
  countries: z.array(CoveredCountry),
  /** The entries merged into this one, each of which can be split off again. */
  entries: z.array(MergedEntry),
  /** Their articles, newest first. */
  items: z.array(ArticleSummary),
})
export type CorrespondentPage = z.infer<typeof CorrespondentPage>

export const MergeInput = z
  .object({ into: CorrespondentId, from: z.array(CorrespondentId).min(1).max(50) })
  .strict()

export const ArticleCorrespondentsInput = z
  .object({
    id: ArticleId,
    correspondents: z
      .array(z.object({ name: z.string().trim().min(1).max(200), kind: CorrespondentKind.default('person') }))
      .max(20),
  })
  .strict()

export const FollowingQuery = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()

export const FollowingPage = z.object({
  total: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
  items: z.array(ArticleSummary),
})
export type FollowingPage = z.infer<typeof FollowingPage>

/** Two separate correspondents who are probably one person: `a` has more articles, `b` joins it. */
export const SameNamePair = z.object({ a: CorrespondentSummary, b: CorrespondentSummary })
export type SameNamePair = z.infer<typeof SameNamePair>

export const SameNameQuery = z
  .object({
    /** Only the pairs of this correspondent (its page). */
    id: CorrespondentId.optional(),
  })
  .strict()

export const SameNameDismissal = z.object({ a: CorrespondentId, b: CorrespondentId }).strict()

export const correspondentsProcedures = {
  'correspondents.list': procedure(
    CorrespondentListQuery,
    CorrespondentList,
    'Every correspondent, searchable, by name, number of articles or latest article',
  ),
  'correspondents.get': procedure(
    CorrespondentPageQuery,
    CorrespondentPage,
    'One correspondent: kind, outlets, counts, first and last seen, countries covered, articles newest first',
  ),
  'correspondents.follow': procedure(
    CorrespondentRef,
    CorrespondentSummary,
    'Follow a correspondent; their own feed is looked for on their author page',
  ),
  'correspondents.unfollow': procedure(
    CorrespondentRef,
    CorrespondentSummary,
    'Stop following a correspondent',
  ),
  'correspondents.merge': procedure(
    MergeInput,
    CorrespondentSummary,
    'Show several entries (the same reporter at two outlets) as one',
  ),
  'correspondents.split': procedure(
    CorrespondentRef,
    CorrespondentSummary,
    'Separate an entry from the one it was merged into (or every entry merged into this one)',
  ),
  'correspondents.sameName': procedure(
    SameNameQuery,
    z.array(SameNamePair),
    'Separate people whose names are the same but for case, accents and spacing (one reporter at two outlets), to offer a merge',
  ),
  'correspondents.dismissSameName': procedure(
    SameNameDismissal,
    z.object({ dismissed: z.boolean() }),
    'These two are different people: the pair is not offered as the same person again',
  ),
  'correspondents.setForArticle': procedure(
    ArticleCorrespondentsInput,
    ArticleSummary,
    "Set an article's correspondents by hand; the edit outlives re-extraction",
  ),
  'correspondents.following': procedure(
    FollowingQuery,
    FollowingPage,
    'The newest articles by everyone followed, with the number unread',
  ),
} as const

export const correspondentsEvents = {
  /** A followed correspondent's list or feed changed (follow, unfollow, a feed found). */
  'correspondents.changed': z.object({ ids: z.array(CorrespondentId) }),
} as const
