import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { articleDating } from '@renderer/lib/format'

export type DatedArticle = Pick<ArticleSummary, 'publishedAt' | 'addedAt'>

/** How one place words and marks an article's date; `saved` when the page gave no date of its own. */
export type DateLook = (date: Date, saved: boolean) => { text: string; className?: string; title?: string }

/** An article's date as a `<time>`, or nothing when neither its published nor its saved date reads. */
export function ArticleDateTime({
  article,
  testId,
  look,
}: {
  article: DatedArticle
  testId: string
  look: DateLook
}): JSX.Element | null {
  const dating = articleDating(article)
  if (!dating) return null
  const { text, className, title } = look(dating.date, dating.saved)
  return (
    <time className={className} dateTime={dating.date.toISOString()} data-testid={testId} title={title}>
      {text}
    </time>
  )
}
