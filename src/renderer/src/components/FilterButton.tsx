import type { JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { setFilter } from '@renderer/store/library/list-actions'
import { countFor } from '@renderer/store/library/selectors'
import { useLibrary, type ListFilter } from '@renderer/store/library/store'
import { showArticles } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'

interface FilterButtonProps {
  filter: ListFilter
  label: string
}

export function FilterButton({ filter, label }: FilterButtonProps): JSX.Element {
  const listShown = useUi((state) => state.view.kind === 'articles')
  const active = useLibrary((state) => state.filter === filter) && listShown
  const count = useLibrary((state) => countFor(state, filter))

  return (
    <li>
      <button
        type="button"
        className="filter-button"
        aria-current={active ? 'page' : undefined}
        data-testid={`filter-${filter}`}
        onClick={() => {
          setFilter(filter)
          showArticles()
        }}
      >
        <span>{label}</span>
        {count !== null && <span className="filter-count">{formatCount(count)}</span>}
      </button>
    </li>
  )
}
