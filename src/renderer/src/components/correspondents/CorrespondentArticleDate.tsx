import type { JSX } from 'react'
import { formatListDate, formatSavedDate } from '@renderer/lib/format'
import { ArticleDateTime, type DatedArticle, type DateLook } from '../reading/ArticleDateTime'

const look: DateLook = (date, saved) =>
  saved
    ? { text: formatSavedDate(date), title: 'The page gives no date; this is the day it was saved' }
    : { text: formatListDate(date) }

/**
 * An article's date on a correspondent's page and under Following: the date the list shows (the
 * published one, else "saved …"), not the day it was saved, so one article has one date everywhere.
 */
export function CorrespondentArticleDate({ article }: { article: DatedArticle }): JSX.Element | null {
  return <ArticleDateTime article={article} testId="correspondent-article-date" look={look} />
}
