import type { ArticleSummary } from '@shared/article'

const listDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const readerDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })
const countFormat = new Intl.NumberFormat()

type Dated = Pick<ArticleSummary, 'publishedAt' | 'addedAt'>

/** The date a person expects: when it was published, or when they saved it if the page does not say. */
export function articleDate(article: Dated): Date | null {
  // publishedAt is whatever the page claimed, so it may not parse.
  for (const value of [article.publishedAt, article.addedAt]) {
    if (!value) continue
    const date = new Date(value)
    if (!Number.isNaN(date.getTime())) return date
  }
  return null
}

/**
 * The date to show and whether it is only the day the person saved the article: a page that
 * names no date (or an unreadable one) must not seem to say when it was published.
 */
export function articleDating(article: Dated): { date: Date; saved: boolean } | null {
  const published = article.publishedAt ? new Date(article.publishedAt) : null
  if (published && !Number.isNaN(published.getTime())) return { date: published, saved: false }
  const added = new Date(article.addedAt)
  return Number.isNaN(added.getTime()) ? null : { date: added, saved: true }
}

const savedDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const savedDayOtherYearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** "saved Dec 1" (the year only when it is not this one). */
export function formatSavedDate(date: Date, now: Date = new Date()): string {
  const format = date.getFullYear() === now.getFullYear() ? savedDayFormat : savedDayOtherYearFormat
  return `saved ${format.format(date)}`
}

export function formatListDate(date: Date | null): string {
  return date ? listDateFormat.format(date) : ''
}

export function formatReaderDate(date: Date | null): string {
  return date ? readerDateFormat.format(date) : ''
}

export function formatReadingTime(minutes: number): string | null {
  return minutes > 0 ? `${minutes} min read` : null
}

export function formatCount(count: number): string {
  return countFormat.format(count)
}

/** Pasted text and some pages have no title; the list still needs something to show. */
export function displayTitle(article: Pick<ArticleSummary, 'title' | 'fileName' | 'url'>): string {
  return article.title.trim() || article.fileName || article.url || 'Untitled article'
}

/** Only web addresses open in the system browser; anything else stays unopened. */
export function originalAddress(article: Pick<ArticleSummary, 'url' | 'canonicalUrl'>): string | null {
  const address = article.canonicalUrl ?? article.url
  return address && /^https?:\/\//i.test(address) ? address : null
}
