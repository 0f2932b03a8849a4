import type { JSX } from 'react'
import { setFacet, setFilter } from '@renderer/store/library/list-actions'
import { useLibrary, type FacetName } from '@renderer/store/library/store'
import { ChipRow, facetChipLabel, STATE_LABELS, type ChipItem } from './ChipRow'

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
  const items: ChipItem[] = [
    ...(filter !== 'all'
      ? [{ key: 'state', label: STATE_LABELS[filter], onRemove: () => setFilter('all') }]
      : []),
    ...facetNames.map((name) => ({
      key: name,
      label: facetChipLabel(name, labels[name] ?? String(facets[name])),
      onRemove: () => setFacet(name, null),
    })),
  ]
  return (
    <ChipRow
      label={context === 'search' ? 'Search filters' : 'List filters'}
      testId={context === 'search' ? 'filter-chips' : 'list-filter-chips'}
      items={items}
      quiet="Whole library, archived too"
    />
  )
}
