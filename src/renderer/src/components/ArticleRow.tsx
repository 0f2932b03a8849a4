import { memo, type JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { displayTitle } from '@renderer/lib/format'
import { clickRow, modifiersOf, startArticleDrag } from '@renderer/store/selection/actions'
import { useSelection } from '@renderer/store/selection/store'
import { RowCountries } from './countries/RowCountries'
import { ArticleFeedName } from './feeds/ArticleFeedName'
import { RowSource } from './correspondents/RowSource'
import { bylineBesideSite, creditsBesideSite } from '@shared/outlet-name'
import { RowDate } from './reading/RowDate'
import { RowProgress } from './reading/RowProgress'
import { RowThumbnail } from './reading/RowThumbnail'
import { RowStoryChips } from './stories/RowStoryChips'
import { useStoryLineHeight } from './stories/useExpandedHeight'

/**
 * Fixed, and matched by the row styles in list.css: title (two lines at most), source line, excerpt.
 * A story's row in the folded list is a line taller (STORY_LINE_HEIGHT, store/stories/fold.ts).
 */
export const ROW_HEIGHT = 124

export function rowDomId(index: number): string {
  return `article-row-${index}`
}

interface ArticleRowProps {
  index: number
  start: number
  total: number
  /** Undefined while its page is loading. */
  article: ArticleSummary | undefined
  selected: boolean
}

export const ArticleRow = memo(function ArticleRow({
  index,
  start,
  total,
  article,
  selected,
}: ArticleRowProps): JSX.Element {
  const storyLine = useStoryLineHeight(article)
  const position = { transform: `translateY(${start}px)`, height: ROW_HEIGHT + storyLine }
  // Picked for a bulk action (shift/ctrl/⌘ click), besides the one article open in the reader.
  const picked = useSelection((state) => (article ? state.picked[article.id] === true : false))
  if (!article) {
    return (
      <div
        role="option"
        aria-selected={false}
        aria-busy="true"
        aria-label="Loading"
        className="article-row article-row-loading"
        style={position}
      >
        <span className="skeleton skeleton-title" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line" />
      </div>
    )
  }
  // The site's own name is not repeated as its author (articles stored before extraction knew).
  const credited = creditsBesideSite(article.correspondents, article.siteName)
  const source = [article.siteName, bylineBesideSite(article.byline, article.siteName)]
    .filter(Boolean)
    .join(' · ')
  return (
    <div
      id={rowDomId(index)}
      role="option"
      aria-selected={selected || picked}
      aria-posinset={index + 1}
      aria-setsize={total}
      className={`article-row${selected ? ' is-selected' : ''}${picked ? ' is-picked' : ''}${article.read ? '' : ' is-unread'}`}
      style={position}
      data-testid="article-row"
      data-article-id={article.id}
      data-unread={article.read ? 'false' : 'true'}
      draggable
      onDragStart={(event) => startArticleDrag(event.dataTransfer, article.id)}
      onClick={(event) => clickRow(index, article.id, modifiersOf(event))}
    >
      <div className="row-title-line">
        <span className="unread-dot" aria-hidden="true" />
        <span className="row-title" dir="auto">
          {displayTitle(article)}
        </span>
        {article.starred && (
          <span className="row-star" aria-label="Starred">
            ★
          </span>
        )}
        {!article.read && <span className="visually-hidden">, unread</span>}
      </div>
      <div className="row-meta">
        <span className="row-source">
          {credited.length > 0 ? <RowSource article={{ ...article, correspondents: credited }} /> : source}
        </span>
        <RowStoryChips id={article.id} />
        <RowCountries countries={article.countries} />
        <ArticleFeedName id={article.id} />
        <RowProgress id={article.id} readingMinutes={article.readingMinutes} />
        <RowDate article={article} />
      </div>
      <p className="row-excerpt" dir="auto">
        {article.excerpt}
      </p>
      <RowThumbnail leadImage={article.leadImage} />
    </div>
  )
})
