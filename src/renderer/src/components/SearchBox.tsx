import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react'
import {
  clearListSearch,
  moveActiveResult,
  openFoundArticle,
  refreshSearch,
  setSearchQuery,
} from '@renderer/store/search/actions'
import { useSearch } from '@renderer/store/search/store'
import { useLibrary } from '@renderer/store/library/store'
import { searchResultDomId } from './SearchResults'

/** The search box above the list: results as you type, arrow keys through them, Enter opens. */
export function SearchBox(): JSX.Element {
  const results = useSearch((state) => state.list)
  const filter = useLibrary((state) => state.filter)
  const facets = useLibrary((state) => state.facets)
  const inputRef = useRef<HTMLInputElement | null>(null)
  const searching = results.query.trim() !== ''

  // The sidebar's state is a filter of the search too: a change runs it again.
  useEffect(() => refreshSearch('list'), [filter, facets])

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveActiveResult('list', event.key === 'ArrowDown' ? 1 : -1, results.hits.length)
    } else if (event.key === 'Enter') {
      const hit = results.hits[results.activeIndex ?? 0]
      if (hit) openFoundArticle(hit.article.id)
    } else if (event.key === 'Escape' && searching) {
      event.preventDefault()
      clearListSearch()
    }
  }

  return (
    <div className="search-box" role="search">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        data-testid="search-input"
        data-search-box
        placeholder="Search headlines and text"
        aria-label="Search articles"
        aria-controls={searching ? 'search-results' : undefined}
        aria-activedescendant={
          results.activeIndex === null ? undefined : searchResultDomId('list', results.activeIndex)
        }
        value={results.query}
        onChange={(event) => setSearchQuery('list', event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  )
}
