import type { JSX } from 'react'
import { setFilter } from '@renderer/store/library/list-actions'
import { useLibrary, type ListFilter } from '@renderer/store/library/store'

const CHIP_LABELS: Record<Exclude<ListFilter, 'all'>, string> = {
  unread: 'Unread',
  starred: 'Starred',
  archived: 'Archived',
}

/** The filters a search runs within, each removable; with none, it says the whole library is searched. */
export function FilterChips(): JSX.Element {
  const filter = useLibrary((state) => state.filter)
  return (
    <div className="filter-chips" aria-label="Search filters" role="group" data-testid="filter-chips">
      {filter === 'all' ? (
        <span className="chip chip-quiet">Whole library, archived too</span>
      ) : (
        <span className="chip">
          {CHIP_LABELS[filter]}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove the filter ${CHIP_LABELS[filter]}`}
            onClick={() => setFilter('all')}
          >
            ×
          </button>
        </span>
      )}
    </div>
  )
}
