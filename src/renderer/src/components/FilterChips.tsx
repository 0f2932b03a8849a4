import type { JSX } from 'react'
import { setFacet, setFilter } from '@renderer/store/library/list-actions'
import { useLibrary, type FacetName, type ListFilter } from '@renderer/store/library/store'

const STATE_LABELS: Record<Exclude<ListFilter, 'all'>, string> = {
  unread: 'Unread',
  starred: 'Starred',
  archived: 'Archived',
}

/** What each facet's chip says before its label, so "Belarus" reads as a country. */
const FACET_PREFIXES: Record<FacetName, string> = {
  country: '',
  correspondent: 'By ',
  collection: 'In ',
  feed: 'From ',
  site: 'On ',
  from: 'Since ',
  to: 'Until ',
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }): JSX.Element {
  return (
    <span className="chip">
      {label}
      <button
        type="button"
        className="chip-remove"
        aria-label={`Remove the filter ${label}`}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  )
}

/**
 * The filters the list or a search runs within, each removable. In a search with none, it says the
 * whole library is searched.
 */
export function FilterChips({ context }: { context: 'search' | 'list' }): JSX.Element | null {
  const filter = useLibrary((state) => state.filter)
  const facets = useLibrary((state) => state.facets)
  const labels = useLibrary((state) => state.facetLabels)
  const facetNames = (Object.keys(facets) as FacetName[]).filter((name) => facets[name] !== undefined)
  if (context === 'list' && facetNames.length === 0) return null
  const nothing = filter === 'all' && facetNames.length === 0
  return (
    <div
      className="filter-chips"
      aria-label={context === 'search' ? 'Search filters' : 'List filters'}
      role="group"
      data-testid={context === 'search' ? 'filter-chips' : 'list-filter-chips'}
    >
      {nothing && <span className="chip chip-quiet">Whole library, archived too</span>}
      {filter !== 'all' && <Chip label={STATE_LABELS[filter]} onRemove={() => setFilter('all')} />}
      {facetNames.map((name) => (
        <Chip
          key={name}
          label={`${FACET_PREFIXES[name]}${labels[name] ?? String(facets[name])}`}
          onRemove={() => setFacet(name, null)}
        />
      ))}
    </div>
  )
}
