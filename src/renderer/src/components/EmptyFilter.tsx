import type { JSX } from 'react'
import { clearFacets } from '@renderer/store/library/list-actions'
import type { ListFilter } from '@renderer/store/library/store'

const MESSAGES: Record<ListFilter, string> = {
  all: 'No articles yet.',
  unread: 'No unread articles. You are all caught up.',
  starred: 'No starred articles. Star one (or press s) to keep it here.',
  archived: 'No archived articles. Archive one (or press e) to keep it out of the list but findable.',
}

export function EmptyFilter({ filter, narrowed }: { filter: ListFilter; narrowed: boolean }): JSX.Element {
  return (
    <div className="empty-state empty-filter" data-testid={`empty-${filter}`}>
      {narrowed ? (
        <>
          <p className="empty-text">No articles match these filters.</p>
          <button type="button" className="button" onClick={clearFacets}>
            Show the whole library
          </button>
        </>
      ) : (
        <p className="empty-text">{MESSAGES[filter]}</p>
      )}
    </div>
  )
}
