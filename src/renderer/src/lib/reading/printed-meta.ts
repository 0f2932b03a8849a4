import type { ArticleSummary } from '@shared/article'
import { articleDating, formatReaderDate } from '../format'

type Printed = Pick<
  ArticleSummary,
  'siteName' | 'byline' | 'publishedAt' | 'addedAt' | 'url' | 'canonicalUrl'
>

/** The line under a printed headline: site, byline, date (or the day saved) and the address. */
export function printedMetaOf(article: Printed): string {
  const dating = articleDating(article)
  const date = dating ? `${dating.saved ? 'Saved ' : ''}${formatReaderDate(dating.date)}` : null
  const address = article.canonicalUrl ?? article.url
  return [article.siteName, article.byline, date, address].filter(Boolean).join(' · ')
}
