import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { articleDating, formatReaderDate } from '@renderer/lib/format'

/** The reader's date line: "Saved 1 December 2026" when the page gave no date of its own. */
export function ReaderDate({
  article,
}: {
  article: Pick<ArticleSummary, 'publishedAt' | 'addedAt'>
}): JSX.Element | null {
  const dating = articleDating(article)
  if (!dating) return null
  return (
    <time
      dateTime={dating.date.toISOString()}
      data-testid="reader-date"
      className={dating.saved ? 'reader-date-saved' : undefined}
    >
      {dating.saved ? `Saved ${formatReaderDate(dating.date)}` : formatReaderDate(dating.date)}
    </time>
  )
}
