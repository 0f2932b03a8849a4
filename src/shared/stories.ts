import { z } from 'zod'
import { ArticleId, ArticleSummary } from './article'
import { Empty, procedure } from './procedure'

/**
 * The stories part of the API: the articles of one event grouped across outlets and languages
 * (docs/stories.md). Joined into src/shared/contract.ts.
 */

export const StoryId = z.number().int().positive()

const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'A country is its two-letter code')
  .transform((code) => code.toUpperCase())

export const StoryListInput = z
  .object({
    /** As the list's filter: only stories with an article about this country / in this collection. */
    country: CountryCode.optional(),
    collection: z.string().min(1).max(300).optional(),
    /** A story of one article is just an article; the view lists stories of this many or more. */
    minArticles: z.number().int().min(1).max(1000).default(2),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
export type StoryListInput = z.input<typeof StoryListInput>

export const StorySummary = z.object({
  id: StoryId,
  /** The headline of the article that reported it first. */
  title: z.string(),
  leadArticle: ArticleId,
  articles: z.number().int(),
  outlets: z.number().int(),
  /** Language codes, most articles first. */
  languages: z.array(z.string()),
  /** Primary countries of its articles, most articles first. */
  countries: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
})
export type StorySummary = z.infer<typeof StorySummary>

/** Where grouping the library stands (the first open of a library from before stories groups it all). */
export const GroupingStatus = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
})
export type GroupingStatus = z.infer<typeof GroupingStatus>

export const StoryList = z.object({
  items: z.array(StorySummary),
  /** More stories after this page. */
  more: z.boolean(),
  grouping: GroupingStatus,
})
export type StoryList = z.infer<typeof StoryList>

export const EvidenceKind = z.enum(['name', 'number', 'country'])
export type EvidenceKind = z.infer<typeof EvidenceKind>

/** One thing the articles of a story share: a name or place, a number, a country. */
export const StoryEvidence = z.object({
  kind: EvidenceKind,
  /** As the articles write it, in their scripts ("Lukashenko · Лукашенко · Loukachenko"). */
  label: z.string(),
  /** How many of the story's articles carry it. */
  articles: z.number().int(),
})
export type StoryEvidence = z.infer<typeof StoryEvidence>

export const StoryArticle = z.object({
  article: ArticleSummary,
  /** The time the grouping used (published, else saved). */
  at: z.string(),
  /** `person`: the person put it here; grouping leaves it. */
  origin: z.enum(['auto', 'person']),
  /** The story's shared evidence this article carries (labels of `evidence`). */
  evidence: z.array(z.string()),
})
export type StoryArticle = z.infer<typeof StoryArticle>

export const StoryDetail = StorySummary.extend({
  /** Oldest first: who reported first. */
  items: z.array(StoryArticle),
  /** Strongest first: what ties the articles together. */
  evidence: z.array(StoryEvidence),
  correspondents: z.array(z.string()),
})
export type StoryDetail = z.infer<typeof StoryDetail>

export const MoveToStoryInput = z
  .object({
    article: ArticleId,
    /** The story to move it to; absent: a story of its own. */
    story: StoryId.optional(),
  })
  .strict()

export const SplitStoryInput = z
  .object({ story: StoryId, articles: z.array(ArticleId).min(1).max(1000) })
  .strict()

export const MergeStoriesInput = z.object({ story: StoryId, into: StoryId }).strict()

export const StoryChange = z.object({
  /** The stories as they are after the change (a story left empty is gone and not listed). */
  stories: z.array(StoryId),
})

/** A row of the list folded by story: how much more the story holds than this article. */
export const RowStory = z.object({
  article: ArticleId,
  story: StoryId,
  articles: z.number().int(),
  /** Outlets of the story's other articles, the row's own left out ("+ 7 outlets"). */
  otherOutlets: z.number().int(),
  /** Language codes of all its articles, most articles first. */
  languages: z.array(z.string()),
})
export type RowStory = z.infer<typeof RowStory>

export const storiesProcedures = {
  'stories.list': procedure(
    StoryListInput,
    StoryList,
    'The latest stories with their outlets, languages and countries',
  ),
  'stories.get': procedure(
    z.object({ id: StoryId }).strict(),
    StoryDetail,
    "A story: every outlet's headline by time, and why they are grouped",
  ),
  'stories.ofArticle': procedure(
    z.object({ id: ArticleId }).strict(),
    z.object({ story: StoryId.nullable(), articles: z.number().int() }),
    'The story an article belongs to, and how many articles it has',
  ),
  'stories.ofRows': procedure(
    z.object({ ids: z.array(ArticleId).max(500) }).strict(),
    z.object({ items: z.array(RowStory) }),
    "A page of the list's stories (articles alone in theirs are left out), in one read",
  ),
  'stories.move': procedure(
    MoveToStoryInput,
    StoryChange,
    "Move an article to another story (or its own); the person's choice is kept",
  ),
  'stories.split': procedure(
    SplitStoryInput,
    StoryChange,
    'Take some articles out of a story into a new one',
  ),
  'stories.merge': procedure(MergeStoriesInput, StoryChange, 'Join one story into another'),
  'stories.status': procedure(Empty, GroupingStatus, 'How far grouping the library has come'),
  'stories.groupWaiting': procedure(
    Empty,
    GroupingStatus,
    'Group every article not yet in a story, and answer once done (the CLI, before it lists)',
  ),
} as const

export const storiesEvents = {
  'stories.progress': GroupingStatus,
  /** Stories that gained, lost or changed articles. */
  'stories.changed': z.object({ stories: z.array(StoryId) }),
} as const
