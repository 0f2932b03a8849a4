import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { articleDating, formatListDate, formatSavedDate } from '@renderer/lib/format'

/** The row's date: the published one, or "saved Dec 1", set apart, when the page gave none. */
export function RowDate({
  article,
}: {
  article: Pick<ArticleSummary, 'publishedAt' | 'addedAt'>
}): JSX.Element | null {
  const dating = articleDating(article)
  if (!dating) return null
  return (
    <time
      className={`row-date${dating.saved ? ' row-date-saved' : ''}`}
      dateTime={dating.date.toISOString()}
      data-testid="row-date"
      title={dating.saved ? 'The page gives no date; this is the day it was saved' : undefined}
    >
      {dating.saved ? formatSavedDate(dating.date) : formatListDate(dating.date)}
    </time>
  )
}
