import { z } from 'zod'

/**
 * The list's filters, declared once: the list and the search take them (contract.ts), a smart
 * collection saves them (collections.ts), the countries' counts take them but the country itself
 * (countries.ts). Its own module, since contract.ts imports those feature files.
 */

/** The list's states: `all` is every article not archived (a text query also finds archived ones). */
export const ArticleStateFilter = z.enum(['all', 'unread', 'starred', 'archived'])
export type ArticleStateFilter = z.infer<typeof ArticleStateFilter>

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/, 'A date is YYYY-MM-DD or an ISO 8601 time')
  // Compared as text, 2026-13-45 would quietly match nothing (or everything after 2026-12).
  .refine(isCalendarDay, 'There is no such day: a date is YYYY-MM-DD, as 2026-02-28')

function isCalendarDay(value: string): boolean {
  const day = value.slice(0, 10)
  const midnight = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day
}

/** Every filter of the list; they combine (country and unread, a collection and a word...). */
export const ArticleFilter = z
  .object({
    state: ArticleStateFilter.default('all'),
    /** ISO 3166-1 alpha-2. */
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'A country is its two-letter code')
      .optional(),
    /** A correspondent's name, as shown (case and spacing do not matter). */
    correspondent: z.string().min(1).max(300).optional(),
    /** A collection's name. */
    collection: z.string().min(1).max(300).optional(),
    /** A feed's id. */
    feed: z.number().int().positive().optional(),
    /** The site's name, as in the list. */
    site: z.string().min(1).max(300).optional(),
    /** Saved on or after this day (or time). */
    from: IsoDate.optional(),
    /** Saved on or before this day (or time). */
    to: IsoDate.optional(),
    /** Words to find in headline, correspondents, site, excerpt and text. */
    query: z.string().max(10_000).optional(),
  })
  .strict()
export type ArticleFilter = z.output<typeof ArticleFilter>
