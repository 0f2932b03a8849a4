import type { JSX } from 'react'
import { formatListDate, formatSavedDate } from '@renderer/lib/format'
import { ArticleDateTime, type DatedArticle, type DateLook } from './ArticleDateTime'

const rowLook: DateLook = (date, saved) =>
  saved
    ? {
        text: formatSavedDate(date),
        className: 'row-date row-date-saved',
        title: 'The page gives no date; this is the day it was saved',
      }
    : { text: formatListDate(date), className: 'row-date' }

/** The row's date: the published one, or "saved Dec 1", set apart, when the page gave none. */
export function RowDate({ article }: { article: DatedArticle }): JSX.Element | null {
  return <ArticleDateTime article={article} testId="row-date" look={rowLook} />
}
