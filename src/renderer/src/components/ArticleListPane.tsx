import type { JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { useLibrary, type ListFilter } from '@renderer/store/library/store'
import { useSearch } from '@renderer/store/search/store'
import { ArticleList } from './ArticleList'
import { EmptyFilter } from './EmptyFilter'
import { FilterChips } from './FilterChips'
import { SearchBox } from './SearchBox'
import { SearchResults } from './SearchResults'
import { BulkActionBar } from './selection/BulkActionBar'
import { ListTools } from './reading/ListTools'
import { GroupByStoryToggle } from './stories/GroupByStoryToggle'

const TITLES: Record<ListFilter, string> = {
  all: 'All articles',
  unread: 'Unread',
  starred: 'Starred',
  archived: 'Archived',
}

export function ArticleListPane(): JSX.Element {
  const filter = useLibrary((state) => state.filter)
  const total = useLibrary((state) => state.total)
  const status = useLibrary((state) => state.status)
  const narrowed = useLibrary((state) => Object.keys(state.facets).length > 0)
  const searching = useSearch((state) => state.list.query.trim() !== '')

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <header className="pane-header">
        <h1 id="list-heading" className="pane-title">
          {searching ? 'Search' : TITLES[filter]}
        </h1>
        {status === 'ready' && !searching && (
          <span className="pane-count">
            {formatCount(total)} {total === 1 ? 'article' : 'articles'}
          </span>
        )}
      </header>
      {!searching && <ListTools />}
      {!searching && <GroupByStoryToggle />}
      <SearchBox />
      {searching ? (
        <>
          <FilterChips context="search" />
          <SearchResults />
        </>
      ) : (
        <>
          <FilterChips context="list" />
          <BulkActionBar />
          {status === 'error' && <p className="list-message">The library could not be read.</p>}
          {status === 'ready' && total === 0 && <EmptyFilter filter={filter} narrowed={narrowed} />}
          {status !== 'error' && total > 0 && <ArticleList key={filter} />}
        </>
      )}
    </section>
  )
}
