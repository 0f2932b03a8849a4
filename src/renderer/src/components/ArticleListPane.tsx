import type { JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { useLibrary, type ListFilter } from '@renderer/store/library/store'
import { ArticleList } from './ArticleList'
import { EmptyFilter } from './EmptyFilter'

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

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <header className="pane-header">
        <h1 id="list-heading" className="pane-title">
          {TITLES[filter]}
        </h1>
        {status === 'ready' && (
          <span className="pane-count">
            {formatCount(total)} {total === 1 ? 'article' : 'articles'}
          </span>
        )}
      </header>
      {status === 'error' && <p className="list-message">The library could not be read.</p>}
      {status === 'ready' && total === 0 && <EmptyFilter filter={filter} />}
      {status !== 'error' && total > 0 && <ArticleList key={filter} />}
    </section>
  )
}
