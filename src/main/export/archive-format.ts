import { z } from 'zod'
import { ArticleId } from '@shared/article'

/**
 * The Dateline archive: a zip that holds a library, or part of one, without loss.
 *
 *   dateline-archive.json          what this is (format, version), first, so it is found at once
 *   media/ab/<sha256>.<ext>        each picture once, before the first article that shows it
 *   articles/<id>.json             one article: its row, body and text, countries, correspondents,
 *                                  collection memberships and highlights (with their notes)
 *   collections.json               the collections (plain and smart) the articles belong to, or all
 *   correspondents.json            the correspondents of the articles, or all
 *   feeds.json                     the subscriptions with the items seen in each (whole library only)
 *
 * Rows are carried column by column as the database has them, so a column a later schema adds
 * travels too; database ids are not carried (they mean nothing in another library): a
 * correspondent is named by its (name_key, outlet_key), a collection by its name, an article by
 * its id. Everything here is read back as untrusted: every entry is parsed by these schemas.
 */

export const ARCHIVE_FORMAT = 'dateline-archive'
export const ARCHIVE_VERSION = 1
export const MANIFEST_ENTRY = 'dateline-archive.json'
export const COLLECTIONS_ENTRY = 'collections.json'
export const CORRESPONDENTS_ENTRY = 'correspondents.json'
export const FEEDS_ENTRY = 'feeds.json'
export const ARTICLE_ENTRY = /^articles\/([0-9a-f]{16})\.json$/

/** Largest manifest, collections or correspondents entry read. */
export const MAX_LIST_ENTRY_BYTES = 64 * 1024 * 1024
/** An article entry carries its body and text (each capped at 64 MB in a library). */
export const MAX_ARTICLE_ENTRY_BYTES = 140 * 1024 * 1024

const COLUMN = /^[a-z_][a-z0-9_]{0,63}$/
const Value = z.union([z.string().max(MAX_ARTICLE_ENTRY_BYTES), z.number(), z.null()])

/** A database row as column → value; only columns the target table has are ever written. */
export const Row = z
  .record(z.string().regex(COLUMN), Value)
  .refine((row) => Object.keys(row).length <= 64, 'A row has at most 64 columns')
export type Row = z.infer<typeof Row>

export const ArchiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string().max(64),
  /** The library database version it was written from. */
  schemaVersion: z.number().int(),
  articles: z.number().int().nonnegative(),
  /** What was exported: the whole library, a collection, a selection. */
  selection: z.string().max(400),
})
export type ArchiveManifest = z.infer<typeof ArchiveManifest>

const Name = z.string().min(1).max(300)

export const ArchivedCollection = z.object({ name: Name, row: Row })
export const ArchivedCollections = z.array(ArchivedCollection).max(1_000_000)

export const CorrespondentKey = z.object({ nameKey: z.string().max(1000), outletKey: z.string().max(1000) })
export const ArchivedCorrespondent = CorrespondentKey.extend({
  row: Row,
  /** The correspondent this one was merged into (its id means nothing elsewhere). */
  mergedInto: CorrespondentKey.nullable().optional(),
})
export const ArchivedCorrespondents = z.array(ArchivedCorrespondent).max(10_000_000)

export const ArchivedArticle = z.object({
  id: ArticleId,
  row: Row,
  html: z.string(),
  text: z.string(),
  countries: z.array(Row).max(300),
  correspondents: z.array(CorrespondentKey.extend({ row: Row })).max(1000),
  collections: z.array(z.object({ name: Name, row: Row })).max(100_000),
  /** The person's own country tags and removals, which a re-tagging keeps. */
  countryEdits: z.array(Row).max(300).optional(),
  /** Highlights and notes, each with its own id (the same in every library, as sync has it). */
  highlights: z.array(Row).max(100_000).optional(),
})
export type ArchivedArticle = z.infer<typeof ArchivedArticle>

const Url = z.string().min(1).max(8192)

export const ArchivedFeed = z.object({
  url: Url,
  row: Row,
  /** Set for a followed correspondent's author feed. */
  correspondent: CorrespondentKey.nullable(),
  /** Every item seen, so a restored feed neither downloads again nor brings back what was deleted. */
  items: z
    .array(z.object({ guid: z.string().min(1).max(8192), row: Row, articleId: ArticleId.nullable() }))
    .max(1_000_000),
})
export type ArchivedFeed = z.infer<typeof ArchivedFeed>
export const ArchivedFeeds = z.array(ArchivedFeed).max(100_000)

/** Columns that are this library's own keys (or point at them), never carried. */
export const LOCAL_KEYS: Record<string, string[]> = {
  articles: ['rowid'],
  article_countries: ['article'],
  article_correspondents: ['article', 'correspondent'],
  correspondents: ['id', 'merged_into'],
  collections: ['id'],
  collection_articles: ['article', 'collection'],
  country_edits: ['article_id'],
  highlights: ['article_id'],
  feeds: ['id', 'correspondent'],
  feed_items: ['feed', 'article'],
}

export function withoutLocalKeys(table: string, row: Record<string, unknown>): Row {
  const drop = LOCAL_KEYS[table] ?? []
  return Object.fromEntries(Object.entries(row).filter(([column]) => !drop.includes(column))) as Row
}
