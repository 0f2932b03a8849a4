import { z } from 'zod'
import { Article, ArticleId, ArticleSummary } from './article'
import { FilterSuggestion, FilterSuggestionsInput, MAX_QUERY_CHARS, SearchMatch } from './search'
import { Settings, SettingsPatch } from './settings'
import { collectionsEvents, collectionsProcedures } from './collections'
import { correspondentsEvents, correspondentsProcedures } from './correspondents'
import { countriesEvents, countriesProcedures } from './countries'
import { exportEvents, exportProcedures } from './export'
import { feedsEvents, feedsProcedures } from './feeds'
import { importsEvents, importsProcedures } from './imports'
import { syncEvents, syncProcedures } from './sync'
import { syncthingProcedures } from './syncthing'
import { extensionEvents, extensionProcedures } from './extension'
import { storiesEvents, storiesProcedures } from './stories'
import { highlightsEvents, highlightsProcedures } from './highlights'
import { trashProcedures } from './trash'
import { articleIdsProcedures } from './article-ids'
import { ListDate, readingProcedures } from './reading'
import { Empty, procedure, type ServicesFor } from './procedure'
import { ArticleFilter } from './article-filter'

/**
 * The whole API of Dateline, declared once. Every host (Electron IPC, the browser host, the CLI)
 * dispatches by these names, validates input with these schemas, and calls the one service table
 * in src/main/services.ts. This file is data only.
 */

/** Largest HTML or text a person may paste or upload in one go. */
export const MAX_PASTE_BYTES = 10 * 1024 * 1024

const NonEmptyText = (what: string): z.ZodType<string> =>
  z
    .string()
    .max(MAX_PASTE_BYTES, `The ${what} is larger than 10 MB`)
    .refine((s) => s.trim().length > 0, `The ${what} is empty`)

export const CaptureId = z.string().min(1).max(64)

export const AddArticleInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('url'),
    url: z.string().min(1, 'Give the address of the article').max(8192),
    captureId: CaptureId.optional(),
  }),
  z.object({
    kind: z.literal('html'),
    html: NonEmptyText('page'),
    /** The page's own address, when known, to resolve its links and images. */
    baseUrl: z.string().max(8192).optional(),
    fileName: z.string().max(1024).optional(),
    captureId: CaptureId.optional(),
  }),
  z.object({
    kind: z.literal('text'),
    text: NonEmptyText('text'),
    fileName: z.string().max(1024).optional(),
    captureId: CaptureId.optional(),
  }),
])
export type AddArticleInput = z.input<typeof AddArticleInput>

export const AddArticleResult = z.object({
  article: ArticleSummary,
  /** True when the same article was already in the library and its stored copy was replaced. */
  updated: z.boolean(),
  /** True when the library's copy came from a better source (its link) and was left as it was. */
  kept: z.boolean().optional(),
  warnings: z.array(z.string()),
})
export type AddArticleResult = z.infer<typeof AddArticleResult>

export { ArticleFilter, ArticleStateFilter, IsoDate } from './article-filter'

export const ArticleSort = z.enum(['newest', 'oldest', 'relevance'])
export type ArticleSort = z.infer<typeof ArticleSort>

export const ListArticlesInput = ArticleFilter.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  sort: ArticleSort.default('newest'),
  by: ListDate.default('saved'),
  /** One row per story: the first of its articles in this order (docs/stories.md). */
  foldStories: z.boolean().optional(),
}).strict()
export type ListArticlesInput = z.input<typeof ListArticlesInput>

export const SearchArticlesInput = ArticleFilter.extend({
  query: z.string().max(MAX_QUERY_CHARS, 'A search is at most 10,000 characters'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(30),
  sort: ArticleSort.default('relevance'),
}).strict()
export type SearchArticlesInput = z.input<typeof SearchArticlesInput>

export const SearchHit = z.object({ article: ArticleSummary, match: SearchMatch })
export type SearchHit = z.infer<typeof SearchHit>

export const SearchPage = z.object({
  /** Matches in all; when `totalIsLowerBound`, at least this many (too many to count quickly). */
  total: z.number().int(),
  totalIsLowerBound: z.boolean(),
  offset: z.number().int(),
  items: z.array(SearchHit),
  /** A sentence for the person when part of the query was set aside or nothing could be searched. */
  notice: z.string().nullable(),
})
export type SearchPage = z.infer<typeof SearchPage>

const StateCounts = z.object({
  /** Not archived: the default list. */
  articles: z.number().int(),
  unread: z.number().int(),
  starred: z.number().int(),
  archived: z.number().int(),
})
export type StateCounts = z.infer<typeof StateCounts>

/** The numbers the sidebar shows, returned with every page so the window needs no second call. */
export const SidebarCounts = z.object({
  library: StateCounts,
  countries: z.array(z.object({ code: z.string(), articles: z.number().int(), unread: z.number().int() })),
  collections: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      articles: z.number().int(),
      unread: z.number().int(),
    }),
  ),
  feeds: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      articles: z.number().int(),
      unread: z.number().int(),
    }),
  ),
})
export type SidebarCounts = z.infer<typeof SidebarCounts>

export const ArticlePage = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(ArticleSummary),
  counts: SidebarCounts,
})
export type ArticlePage = z.infer<typeof ArticlePage>

export const ArticleRef = z.object({ id: ArticleId }).strict()
export type ArticleRef = z.input<typeof ArticleRef>

const StateChange = {
  read: z.boolean().optional(),
  starred: z.boolean().optional(),
  archived: z.boolean().optional(),
}

export const SetStateInput = z.object({ id: ArticleId, ...StateChange }).strict()
export type SetStateInput = z.input<typeof SetStateInput>

/** One change for a selection of articles, in one transaction. */
export const SetStatesInput = z
  .object({ ids: z.array(ArticleId).min(1).max(10_000), ...StateChange })
  .strict()
export type SetStatesInput = z.input<typeof SetStatesInput>

export const SetStatesResult = z.object({
  articles: z.array(ArticleSummary),
  counts: SidebarCounts,
})
export type SetStatesResult = z.infer<typeof SetStatesResult>

export const LibraryInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  articleCount: z.number().int(),
  unreadCount: z.number().int(),
  starredCount: z.number().int(),
  archivedCount: z.number().int(),
})
export type LibraryInfo = z.infer<typeof LibraryInfo>

export const contract = {
  'articles.add': procedure(
    AddArticleInput,
    AddArticleResult,
    'Capture an article from a link, an HTML page or plain text, with its pictures, into the library',
  ),
  'articles.list': procedure(
    ListArticlesInput,
    ArticlePage,
    'One page of articles, filtered and sorted, with the sidebar counts',
  ),
  'articles.search': procedure(
    SearchArticlesInput,
    SearchPage,
    'Articles found by their words (best first), with the headline and a snippet marked',
  ),
  'articles.suggestFilters': procedure(
    FilterSuggestionsInput,
    z.array(FilterSuggestion),
    'Countries, correspondents, collections, feeds and sites whose names match the typed words',
  ),
  'articles.get': procedure(ArticleRef, Article, 'One whole article, with its sanitised HTML and text'),
  'articles.delete': procedure(
    ArticleRef,
    ArticleSummary,
    'Move an article to the trash (undo with restore)',
  ),
  'articles.restore': procedure(ArticleRef, ArticleSummary, 'Bring back an article from the trash'),
  'articles.setState': procedure(
    SetStateInput,
    ArticleSummary,
    'Mark read or unread, starred or not, archived or not',
  ),
  'articles.setStates': procedure(
    SetStatesInput,
    SetStatesResult,
    'Change the states of a selection of articles at once; returns them and the new counts',
  ),
  'settings.get': procedure(Empty, Settings, 'The reader settings'),
  'settings.set': procedure(SettingsPatch, Settings, 'Change some reader settings; returns all of them'),
  'library.info': procedure(Empty, LibraryInfo, 'Where the library is and how much it holds'),
  ...countriesProcedures,
  ...correspondentsProcedures,
  ...feedsProcedures,
  ...syncProcedures,
  ...syncthingProcedures,
  ...readingProcedures,
  ...collectionsProcedures,
  ...exportProcedures,
  ...importsProcedures,
  ...extensionProcedures,
  ...storiesProcedures,
  ...trashProcedures,
  ...articleIdsProcedures,
  ...highlightsProcedures,
} as const

export type Contract = typeof contract
export type ProcedureName = keyof Contract
export const procedureNames = Object.keys(contract) as ProcedureName[]

export type InputOf<K extends ProcedureName> = z.input<Contract[K]['input']>
export type ParsedInputOf<K extends ProcedureName> = z.output<Contract[K]['input']>
export type OutputOf<K extends ProcedureName> = z.infer<Contract[K]['output']>

export function isProcedureName(name: string): name is ProcedureName {
  return Object.hasOwn(contract, name)
}

/** Events pushed from the services to every window. */
export const CaptureStage = z.enum(['fetching', 'extracting', 'images', 'saving', 'done', 'failed'])
export type CaptureStage = z.infer<typeof CaptureStage>

export const CaptureProgress = z.object({
  captureId: z.string(),
  stage: CaptureStage,
  /** Images stored so far and in all, during the `images` stage. */
  done: z.number().int().optional(),
  total: z.number().int().optional(),
  message: z.string().optional(),
})
export type CaptureProgress = z.infer<typeof CaptureProgress>

export const LibraryChanged = z.object({
  /** Articles added, updated, deleted or restored. */
  ids: z.array(z.string()),
  /** Those of `ids` that went to the trash: a window showing one empties its reader, asking nothing. */
  deleted: z.array(z.string()).optional(),
})
export type LibraryChanged = z.infer<typeof LibraryChanged>

/** A menu item of the desktop app that the window carries out (the browser has no such menu). */
export const AppCommand = z.object({ command: z.enum(['add-article', 'show-shortcuts']) })
export type AppCommand = z.infer<typeof AppCommand>

export const events = {
  'capture.progress': CaptureProgress,
  'library.changed': LibraryChanged,
  'app.command': AppCommand,
  ...countriesEvents,
  ...correspondentsEvents,
  ...feedsEvents,
  ...syncEvents,
  ...collectionsEvents,
  ...exportEvents,
  ...importsEvents,
  ...extensionEvents,
  ...storiesEvents,
  ...highlightsEvents,
} as const
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>
export const eventNames = Object.keys(events) as EventName[]

/** The renderer's view of the API, whichever host it runs in. */
export interface Api {
  invoke<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void
  /** Prefix that turns a stored `media/...` path into a URL this host serves. */
  readonly mediaBaseUrl: string
  /** Which host the renderer runs in, for the few things that differ (e.g. file paths). */
  readonly host: 'electron' | 'browser'
}

/** What src/main/services.ts implements: input already validated by the schema. */
export type Services = ServicesFor<Contract>
