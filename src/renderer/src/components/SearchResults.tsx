import type { JSX } from 'react'
import type { SearchHit } from '@shared/contract'
import { articleDate, formatCount, formatListDate } from '@renderer/lib/format'
import { openFoundArticle, setActiveResult, showMoreResults } from '@renderer/store/search/actions'
import { useSearch, type SearchTarget } from '@renderer/store/search/store'
import { useLibrary } from '@renderer/store/library/store'
import { Highlighted } from './Highlighted'

export function searchResultDomId(target: SearchTarget, index: number): string {
  return `${target}-result-${index}`
}

export function resultCountText(total: number, lowerBound: boolean): string {
  if (total === 0) return 'No articles found'
  const count = lowerBound ? `${formatCount(total)}+` : formatCount(total)
  return `${count} ${total === 1 && !lowerBound ? 'article' : 'articles'} found`
}

/** The list pane while a search has words: best matches first, headline and snippet marked. */
export function SearchResults(): JSX.Element {
  const results = useSearch((state) => state.list)
  const selectedId = useLibrary((state) => state.selectedId)
  const more = results.hits.length < results.total

  return (
    <div className="search-results" data-testid="search-results">
      <p className="search-summary" role="status" aria-live="polite">
        {results.status === 'searching' && results.hits.length === 0
          ? 'Searching…'
          : results.status === 'error'
            ? 'The search could not be run.'
            : resultCountText(results.total, results.totalIsLowerBound)}
        {results.notice && <span className="search-notice"> {results.notice}</span>}
      </p>
      <ul id="search-results" className="search-result-list" role="listbox" aria-label="Search results">
        {results.hits.map((hit, index) => (
          <SearchResultRow
            key={hit.article.id}
            hit={hit}
            index={index}
            active={results.activeIndex === index}
            selected={selectedId === hit.article.id}
          />
        ))}
      </ul>
      {more && results.status === 'ready' && (
        <button type="button" className="button search-more" onClick={showMoreResults}>
          Show more results
        </button>
      )}
    </div>
  )
}

interface RowProps {
  hit: SearchHit
  index: number
  active: boolean
  selected: boolean
}

function SearchResultRow({ hit, index, active, selected }: RowProps): JSX.Element {
  const { article, match } = hit
  const date = articleDate(article)
  const meta = [article.siteName, article.byline, date && formatListDate(date)].filter(Boolean).join(' · ')
  return (
    <li
      id={searchResultDomId('list', index)}
      role="option"
      aria-selected={selected}
      className={`search-result${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="search-result"
      data-article-id={article.id}
      onMouseEnter={() => setActiveResult('list', index)}
      onClick={() => openFoundArticle(article.id)}
    >
      <span className="search-result-title">
        <Highlighted value={match.title} />
      </span>
      <span className="search-result-meta">
        {meta}
        {article.archived && <span className="search-badge">Archived</span>}
      </span>
      <span className="search-result-snippet" data-testid="search-snippet">
        <Highlighted value={match.snippet} />
      </span>
    </li>
  )
}
