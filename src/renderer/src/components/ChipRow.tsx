import type { JSX } from 'react'
import type { FacetName, ListFilter } from '@renderer/store/library/store'

export const STATE_LABELS: Record<Exclude<ListFilter, 'all'>, string> = {
  unread: 'Unread',
  starred: 'Starred',
  archived: 'Archived',
}

/** What each facet's chip says before its label, so "Belarus" reads as a country. */
export const FACET_PREFIXES: Record<FacetName, string> = {
  country: '',
  correspondent: 'By ',
  collection: 'In ',
  feed: 'From ',
  site: 'On ',
  from: 'Since ',
  to: 'Until ',
}

/** A chip's words: the facet's prefix and its label ("By Olena Petrenko"). */
export function facetChipLabel(name: FacetName, label: string): string {
  return `${FACET_PREFIXES[name]}${label}`
}

export interface ChipItem {
  key: string
  label: string
  onRemove: () => void
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }): JSX.Element {
  return (
    <span className="chip" data-testid="filter-chip">
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
 * A row of filter chips, each removable: the search box's and the list's (FilterChips) and the
 * command palette's. `quiet` is said when there is no chip.
 */
export function ChipRow({
  label,
  testId,
  items,
  quiet,
}: {
  label: string
  testId: string
  items: readonly ChipItem[]
  quiet?: string
}): JSX.Element {
  return (
    <div className="filter-chips" aria-label={label} role="group" data-testid={testId}>
      {items.length === 0 && quiet && <span className="chip chip-quiet">{quiet}</span>}
      {items.map((item) => (
        <Chip key={item.key} label={item.label} onRemove={item.onRemove} />
      ))}
    </div>
  )
}
