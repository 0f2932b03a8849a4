import { z } from 'zod'
import { ArticleId, ArticleSummary } from './article'
import { ArticleFilter } from './article-filter'
import { Empty, procedure } from './procedure'

/**
 * The countries part of the API: its procedures and events, joined into src/shared/contract.ts.
 * (This file cannot import contract.ts, which imports it, so the map's filters are spelt here.)
 */

const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'A country is its two-letter code')
  .transform((code) => code.toUpperCase())

/**
 * Which articles are counted: the list's filters other than the country itself and the words (the
 * map shows "what did I save about the Sahel in 2025" under the list's state, dates and groups).
 */
export const CountryListInput = ArticleFilter.omit({ country: true, query: true })
  .extend({
    /** Every country, also those with no article (the Countries view's search, the map's names). */
    includeEmpty: z.boolean().default(false),
  })
  .strict()
export type CountryListInput = z.input<typeof CountryListInput>

export const CountryCount = z.object({
  code: z.string(),
  name: z.string(),
  /** Articles under the filters (archived ones only when the state asks for them). */
  articles: z.number().int(),
  unread: z.number().int(),
})
export type CountryCount = z.infer<typeof CountryCount>

export const CountryList = z.object({
  /** Most articles first, then by name. */
  countries: z.array(CountryCount),
})
export type CountryList = z.infer<typeof CountryList>

/** What a person can do to one country of an article: make it primary, keep it mentioned, remove it. */
export const CountryEditRole = z.enum(['primary', 'mentioned', 'removed'])
export type CountryEditRole = z.infer<typeof CountryEditRole>

export const CountryEdit = z.object({ code: CountryCode, role: CountryEditRole }).strict()
export type CountryEdit = z.input<typeof CountryEdit>

export const EditCountriesInput = z
  .object({ id: ArticleId, edits: z.array(CountryEdit).min(1).max(50) })
  .strict()
export type EditCountriesInput = z.input<typeof EditCountriesInput>

/** Where re-tagging the library stands; `running` false with `finishedAt` set once it ended. */
export const RetagStatus = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  /** Articles whose countries changed. */
  changed: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** A sentence for the person when re-tagging stopped on an error. */
  error: z.string().nullable(),
})
export type RetagStatus = z.infer<typeof RetagStatus>

export const countriesProcedures = {
  'countries.list': procedure(
    CountryListInput,
    CountryList,
    'Every country with articles, with its number of articles and unread ones, under the list filters',
  ),
  'countries.edit': procedure(
    EditCountriesInput,
    ArticleSummary,
    "Add, promote or remove countries of an article; the person's choice survives re-tagging",
  ),
  'countries.retag': procedure(
    Empty,
    RetagStatus,
    'Tag every stored article again in the background (progress as countries.retagProgress)',
  ),
  'countries.retagStatus': procedure(Empty, RetagStatus, 'How far re-tagging the library has come'),
} as const

export const countriesEvents = {
  'countries.retagProgress': RetagStatus,
} as const
