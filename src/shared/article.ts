import { z } from 'zod'

/** Where an article came from. */
export const ArticleSource = z.enum(['url', 'file', 'paste'])
export type ArticleSource = z.infer<typeof ArticleSource>

/** Stable across re-captures of the same canonical URL: 16 lowercase hex characters. */
export const ArticleId = z.string().regex(/^[0-9a-f]{16}$/, 'An article id is 16 hexadecimal characters')
export type ArticleId = z.infer<typeof ArticleId>

/** A person, a team ("Our Foreign Staff") or a wire agency (AFP, Reuters, dpa). */
export const CorrespondentKind = z.enum(['person', 'team', 'agency'])
export type CorrespondentKind = z.infer<typeof CorrespondentKind>

/** Who an article credits. `url` is the correspondent's page on the outlet, when the page links it. */
export const Correspondent = z.object({
  name: z.string(),
  kind: CorrespondentKind.catch('person'),
  url: z.string().nullable().optional(),
})
export type Correspondent = z.infer<typeof Correspondent>

/** `primary`: what the story is mainly about (at most two); `mentioned`: substantively discussed. */
export const CountryRole = z.enum(['primary', 'mentioned'])
export type CountryRole = z.infer<typeof CountryRole>

export const CountryTag = z.object({
  /** ISO 3166-1 alpha-2. */
  code: z.string(),
  /** English short name. */
  name: z.string(),
  // A role this version does not know (in a file written by another one) reads as a mention.
  role: CountryRole.catch('mentioned'),
  score: z.number(),
})
export type CountryTag = z.infer<typeof CountryTag>

/** What the list shows; the library database's row for an article, with its countries and correspondents. */
export const ArticleSummary = z.object({
  id: ArticleId,
  source: ArticleSource,
  /** The address the person gave (null for files and pasted text). */
  url: z.string().nullable(),
  /** The page's canonical address; the identity of the article when it has one. */
  canonicalUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  title: z.string(),
  byline: z.string().nullable(),
  correspondents: z.array(Correspondent),
  countries: z.array(CountryTag),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  excerpt: z.string(),
  /** ISO 8601, as the page states it; null when the page does not say. */
  publishedAt: z.string().nullable(),
  addedAt: z.string(),
  updatedAt: z.string(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  /** Library-relative path of the stored lead image, e.g. `media/ab/<sha256>.jpg`. */
  leadImage: z.string().nullable(),
  read: z.boolean(),
  starred: z.boolean(),
  /** Out of the default list, still searchable and in its collections. */
  archived: z.boolean(),
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

/** A whole article: the summary plus its sanitised HTML (images point into the library) and text. */
export const Article = ArticleSummary.extend({
  html: z.string(),
  text: z.string(),
})
export type Article = z.infer<typeof Article>

/** The states a person sets on an article, each independent of the others. */
export const ArticleState = z.enum(['read', 'starred', 'archived'])
export type ArticleState = z.infer<typeof ArticleState>

/**
 * What an article folder's `<revision>.json` holds: the article as captured, without the states
 * (those live only in the database, and in its backups).
 */
export const StoredArticleMetadata = ArticleSummary.omit({ read: true, starred: true, archived: true })
export type StoredArticleMetadata = z.infer<typeof StoredArticleMetadata>

/**
 * What extraction yields before anything is stored. `dateline extract --json` prints exactly this,
 * so its field names are a public, stable interface.
 */
export const ExtractedArticle = z.object({
  title: z.string(),
  byline: z.string().nullable(),
  correspondents: z.array(Correspondent),
  countries: z.array(CountryTag),
  siteName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  lang: z.string().nullable(),
  excerpt: z.string(),
  wordCount: z.number().int().nonnegative(),
  text: z.string(),
  html: z.string(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  leadImageUrl: z.string().nullable(),
  /** Whether Readability thought the page looked like an article before extracting. */
  readerable: z.boolean(),
  warnings: z.array(z.string()),
})
export type ExtractedArticle = z.infer<typeof ExtractedArticle>

/** Words per minute used for the reading time shown to the person. */
export const READING_WORDS_PER_MINUTE = 230

export function readingMinutes(wordCount: number): number {
  return wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / READING_WORDS_PER_MINUTE))
}
