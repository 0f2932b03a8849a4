import { z } from 'zod'
import { Empty, procedure } from './procedure'

/**
 * The feeds part of the API: subscriptions that fill the library. Joined into src/shared/contract.ts.
 */

/** `full`: each new item's page is captured with its pictures; `summary`: the feed's own content only. */
export const CaptureMode = z.enum(['full', 'summary'])
export type CaptureMode = z.infer<typeof CaptureMode>

/** Why a feed's last refresh failed, as a kind (for the window's icon) and a sentence (for the person). */
export const FeedErrorKind = z.enum([
  'not-found',
  'http',
  'rate-limited',
  'timeout',
  'too-large',
  'redirects',
  'unreachable',
  'not-a-feed',
  'invalid-xml',
  'bad-url',
])
export type FeedErrorKind = z.infer<typeof FeedErrorKind>

const FeedId = z.number().int().positive()
const Minutes = z
  .number()
  .int()
  .min(5, 'Refresh at most every 5 minutes')
  .max(7 * 24 * 60)
/** 0 keeps everything; N removes read articles older than N days. */
const RetentionDays = z.number().int().min(0).max(36_500)
const Folder = z.string().trim().max(200)

export const FeedInfo = z.object({
  id: z.number().int(),
  url: z.string(),
  title: z.string(),
  siteUrl: z.string().nullable(),
  folder: z.string().nullable(),
  addedAt: z.string(),
  /** The last time the feed answered (new items or not). */
  lastRefreshedAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  error: z.string().nullable(),
  errorKind: FeedErrorKind.nullable(),
  /** Failed refreshes in a row; each one doubles the wait before the next. */
  failures: z.number().int(),
  /** Null: the library's default interval. */
  intervalMinutes: z.number().int().nullable(),
  captureMode: CaptureMode,
  /** Null: the library's default retention. */
  retentionDays: z.number().int().nullable(),
  articles: z.number().int(),
  unread: z.number().int(),
})
export type FeedInfo = z.infer<typeof FeedInfo>

export const FeedCandidate = z.object({
  url: z.string(),
  title: z.string(),
  format: z.enum(['rss', 'atom', 'rdf', 'json', 'unknown']),
})
export type FeedCandidate = z.infer<typeof FeedCandidate>

export const FeedRefreshResult = z.object({
  feed: z.number().int(),
  title: z.string(),
  new: z.number().int(),
  updated: z.number().int(),
  /** Items that could not be captured this time (they are tried again at the next refresh). */
  errors: z.number().int(),
  /** The feed's own error, when it could not be read at all. */
  error: z.string().nullable(),
  notModified: z.boolean(),
  ms: z.number().int(),
})
export type FeedRefreshResult = z.infer<typeof FeedRefreshResult>

export const RefreshOutcome = z.object({
  results: z.array(FeedRefreshResult),
  /** No host could be reached: nothing was counted as a failure, and refreshing resumes later. */
  offline: z.boolean(),
  /** Read articles removed by the retention rules after the refresh. */
  removed: z.number().int(),
})
export type RefreshOutcome = z.infer<typeof RefreshOutcome>

export const FeedDefaults = z.object({
  intervalMinutes: Minutes,
  retentionDays: RetentionDays,
})
export type FeedDefaults = z.infer<typeof FeedDefaults>

export const DiskUsage = z.object({
  database: z.number().int(),
  articles: z.number().int(),
  media: z.number().int(),
  total: z.number().int(),
})
export type DiskUsage = z.infer<typeof DiskUsage>

export const feedsProcedures = {
  'feeds.list': procedure(
    Empty,
    z.object({ feeds: z.array(FeedInfo), refreshing: z.boolean(), offline: z.boolean() }),
    'The subscriptions, with their folders, counts, last refresh and error state',
  ),
  'feeds.discover': procedure(
    z.object({ url: z.string().min(1).max(8192) }).strict(),
    z.object({ candidates: z.array(FeedCandidate) }),
    'The feeds a feed address or a page of a site offers',
  ),
  'feeds.add': procedure(
    z
      .object({
        url: z.string().min(1, 'Give the address of a feed or of the site').max(8192),
        folder: Folder.optional(),
        captureMode: CaptureMode.optional(),
      })
      .strict(),
    z.object({ feed: FeedInfo, alsoOffered: z.array(FeedCandidate) }),
    'Subscribe to a feed (or to the first feed a page offers)',
  ),
  'feeds.update': procedure(
    z
      .object({
        id: FeedId,
        title: z.string().trim().min(1).max(300).optional(),
        folder: Folder.nullable().optional(),
        intervalMinutes: Minutes.nullable().optional(),
        captureMode: CaptureMode.optional(),
        retentionDays: RetentionDays.nullable().optional(),
      })
      .strict(),
    FeedInfo,
    "Change a feed's title, folder, refresh interval, capture mode or retention",
  ),
  'feeds.remove': procedure(
    z.object({ id: FeedId, deleteArticles: z.boolean().default(false) }).strict(),
    z.object({ removed: z.boolean(), articlesDeleted: z.number().int() }),
    'Unsubscribe; the articles already saved stay unless asked otherwise',
  ),
  'feeds.refresh': procedure(
    z
      .object({ ids: z.array(FeedId).max(10_000).optional() })
      .strict()
      .default({}),
    RefreshOutcome,
    'Refresh some feeds, or all of them, now; progress comes as feeds.progress events',
  ),
  'feeds.importOpml': procedure(
    z
      .object({
        opml: z
          .string()
          .min(1)
          .max(20 * 1024 * 1024),
      })
      .strict(),
    z.object({ added: z.number().int(), existing: z.number().int(), folders: z.array(z.string()) }),
    'Subscribe to every feed of an OPML file from another reader, keeping its folders',
  ),
  'feeds.exportOpml': procedure(Empty, z.object({ opml: z.string() }), 'The subscriptions as OPML'),
  'feeds.getDefaults': procedure(Empty, FeedDefaults, 'The default refresh interval and retention'),
  'feeds.setDefaults': procedure(FeedDefaults.partial().strict(), FeedDefaults, 'Change the defaults'),
  'feeds.ofArticles': procedure(
    z.object({ ids: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(500) }).strict(),
    z.object({ feeds: z.record(z.string(), z.object({ id: z.number().int(), title: z.string() })) }),
    'The feed each of these articles came through (the first one, for an article in several)',
  ),
  'feeds.diskUsage': procedure(Empty, DiskUsage, 'How much disk the library uses, in bytes'),
} as const

export const FeedProgress = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** The feed just refreshed, as it now is. */
  feed: FeedInfo.optional(),
  finished: z.boolean(),
  offline: z.boolean(),
})
export type FeedProgress = z.infer<typeof FeedProgress>

/** A new article by a followed correspondent, told once (a desktop notification, an in-app notice). */
export const FeedNotice = z.object({
  articleId: z.string(),
  title: z.string(),
  correspondent: z.string(),
  feedTitle: z.string(),
})
export type FeedNotice = z.infer<typeof FeedNotice>

export const feedsEvents = {
  'feeds.progress': FeedProgress,
  'feeds.notice': FeedNotice,
} as const
