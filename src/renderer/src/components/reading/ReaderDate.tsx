import type { JSX } from 'react'
import { formatReaderDate } from '@renderer/lib/format'
import { ArticleDateTime, type DatedArticle, type DateLook } from './ArticleDateTime'

const readerLook: DateLook = (date, saved) =>
  saved
    ? { text: `Saved ${formatReaderDate(date)}`, className: 'reader-date-saved' }
    : { text: formatReaderDate(date) }

/** The reader's date line: "Saved 1 December 2026" when the page gave no date of its own. */
export function ReaderDate({ article }: { article: DatedArticle }): JSX.Element | null {
  return <ArticleDateTime article={article} testId="reader-date" look={readerLook} />
}
