import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { EditCorrespondents } from './correspondents/EditCorrespondents'
import { ReaderCorrespondents } from './correspondents/ReaderCorrespondents'
import { articleDate, displayTitle, formatReadingTime } from '@renderer/lib/format'
import { ReaderCountries } from './countries/ReaderCountries'
import { ReaderDate } from './reading/ReaderDate'
import { ReaderStoryLink } from './stories/ReaderStoryLink'
import { TimeLeft } from './reading/TimeLeft'

export function ReaderHeader({ article }: { article: ArticleSummary }): JSX.Element {
  const date = articleDate(article)
  const readingTime = formatReadingTime(article.readingMinutes)

  return (
    <header className="reader-header">
      {article.siteName && <p className="reader-site">{article.siteName}</p>}
      <h1 id="reader-title" className="reader-title" data-testid="reader-title" dir="auto">
        {displayTitle(article)}
      </h1>
      {(article.byline || article.correspondents.length > 0) && (
        <p className="reader-byline" data-testid="reader-byline" dir="auto">
          {article.correspondents.length > 0 ? (
            <ReaderCorrespondents people={article.correspondents} />
          ) : (
            article.byline
          )}
        </p>
      )}
      <EditCorrespondents key={article.id} article={article} />
      <p className="reader-meta">
        <ReaderDate article={article} />
        {date && readingTime && <span aria-hidden="true"> · </span>}
        {readingTime && <span>{readingTime}</span>}
        <TimeLeft id={article.id} readingMinutes={article.readingMinutes} />
      </p>
      <ReaderCountries article={article} />
      <ReaderStoryLink id={article.id} />
    </header>
  )
}
