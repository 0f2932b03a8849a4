import { z } from 'zod'
import { ArticleId, ArticleSummary } from './article'
import { ArticleFilter } from './article-filter'
import { Empty, procedure } from './procedure'

/**
 * The collections part of the API: its procedures and events, joined into src/shared/contract.ts.
 *
 * A collection is a person's own gathering of articles, kept in the order they give it. A smart
 * collection is a saved search: its articles are whatever the saved filters find now, so it has
 * no order of its own (newest first) and nothing is added to it by hand.
 */

export const CollectionId = z.number().int().positive()

export const CollectionName = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(
    z.string().min(1, 'A collection needs a name').max(300, 'A collection name is at most 300 characters'),
  )

const Description = z.string().max(20_000, 'A description is at most 20,000 characters')

/** What a smart collection saves: the list's filters (src/shared/article-filter.ts). */
export const SavedFilter = ArticleFilter
export type SavedFilter = z.output<typeof SavedFilter>

export const CollectionInfo = z.object({
  id: CollectionId,
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  /** The saved search of a smart collection; null for a collection kept by hand. */
  filter: SavedFilter.nullable(),
  /**
   * Articles in it that are not archived, as the sidebar shows (the library's rule). A smart
   * collection with words counts as the list shows it: a search also finds archived articles.
   */
  articles: z.number().int(),
  unread: z.number().int(),
  /** Archived articles still in it. */
  archived: z.number().int(),
})
export type CollectionInfo = z.infer<typeof CollectionInfo>

export const CollectionList = z.object({ collections: z.array(CollectionInfo) })
export type CollectionList = z.infer<typeof CollectionList>

const CollectionRef = z.object({ id: CollectionId }).strict()

export const CreateCollectionInput = z
  .object({
    name: CollectionName,
    description: Description.default(''),
    /** Makes it a smart collection. */
    filter: SavedFilter.optional(),
  })
  .strict()
export type CreateCollectionInput = z.input<typeof CreateCollectionInput>

/** Many articles at once: a selection of the list, an import's tag. */
const ArticleIds = z.array(ArticleId).min(1).max(10_000)

export const MembershipInput = z.object({ id: CollectionId, articles: ArticleIds }).strict()
export type MembershipInput = z.input<typeof MembershipInput>

export const MembershipResult = z.object({
  /** How many articles this changed (an article already in, or not in, does not count). */
  changed: z.number().int(),
  collection: CollectionInfo,
})
export type MembershipResult = z.infer<typeof MembershipResult>

export const MoveInput = z
  .object({
    id: CollectionId,
    /** Moved together, in this order. */
    articles: ArticleIds,
    /** The article they go before; null puts them at the end. */
    before: ArticleId.nullable(),
  })
  .strict()
export type MoveInput = z.input<typeof MoveInput>

export const CollectionArticlesInput = z
  .object({
    id: CollectionId,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
export type CollectionArticlesInput = z.input<typeof CollectionArticlesInput>

export const CollectionArticles = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  /** In the collection's order (a smart collection: newest first). Archived articles included. */
  items: z.array(ArticleSummary),
})
export type CollectionArticles = z.infer<typeof CollectionArticles>

export const CollectionCoverage = z.object({
  collection: CollectionInfo,
  countries: z.array(z.object({ code: z.string(), name: z.string(), articles: z.number().int() })),
  correspondents: z.array(z.object({ id: z.number().int(), name: z.string(), articles: z.number().int() })),
  /**
   * How many articles the countries and correspondents were counted over: all of a collection's,
   * or a smart collection's newest SMART_COVERAGE_LIMIT.
   */
  countedOver: z.number().int(),
})
export type CollectionCoverage = z.infer<typeof CollectionCoverage>

export const ArticleMemberships = z.object({ collections: z.array(CollectionId) })

export const collectionsProcedures = {
  'collections.list': procedure(
    Empty,
    CollectionList,
    'Every collection and smart collection, by name, with its counts',
  ),
  'collections.create': procedure(
    CreateCollectionInput,
    CollectionInfo,
    'Make a collection, or a smart collection when a filter is given',
  ),
  'collections.rename': procedure(
    z.object({ id: CollectionId, name: CollectionName }).strict(),
    CollectionInfo,
    'Give a collection another name',
  ),
  'collections.describe': procedure(
    z.object({ id: CollectionId, description: Description }).strict(),
    CollectionInfo,
    "Change a collection's description",
  ),
  'collections.setFilter': procedure(
    z.object({ id: CollectionId, filter: SavedFilter }).strict(),
    CollectionInfo,
    "Change a smart collection's saved search",
  ),
  'collections.delete': procedure(
    CollectionRef,
    CollectionInfo,
    'Delete a collection; its articles stay in the library',
  ),
  'collections.add': procedure(
    MembershipInput,
    MembershipResult,
    'Add articles to the end of a collection (those already in it stay where they are)',
  ),
  'collections.remove': procedure(MembershipInput, MembershipResult, 'Take articles out of a collection'),
  'collections.move': procedure(
    MoveInput,
    CollectionInfo,
    "Move articles to another place in a collection's order",
  ),
  'collections.articles': procedure(
    CollectionArticlesInput,
    CollectionArticles,
    "A page of a collection's articles, in its order",
  ),
  'collections.get': procedure(
    CollectionRef,
    CollectionCoverage,
    'A collection with the countries and correspondents its articles are about',
  ),
  'collections.ofArticle': procedure(
    z.object({ article: ArticleId }).strict(),
    ArticleMemberships,
    'The collections an article is in',
  ),
} as const

export const CollectionsChanged = z.object({
  /** The collections created, renamed, changed or deleted; empty when it could be any. */
  ids: z.array(z.number().int()),
})

export const collectionsEvents = {
  'collections.changed': CollectionsChanged,
} as const
