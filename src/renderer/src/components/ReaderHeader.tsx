import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { bylineBesideSite, creditsBesideSite } from '@shared/outlet-name'
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
  // The site is named above the headline: its own name is not repeated as the byline.
  const people = creditsBesideSite(article.correspondents, article.siteName)
  const byline = bylineBesideSite(article.byline, article.siteName)

  return (
    <header className="reader-header">
      {article.siteName && <p className="reader-site">{article.siteName}</p>}
      <h1 id="reader-title" className="reader-title" data-testid="reader-title" dir="auto">
        {displayTitle(article)}
      </h1>
      {(byline || people.length > 0) && (
        <p className="reader-byline" data-testid="reader-byline" dir="auto">
          {people.length > 0 ? <ReaderCorrespondents people={people} /> : byline}
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
