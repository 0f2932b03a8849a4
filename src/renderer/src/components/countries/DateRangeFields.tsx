import type { JSX } from 'react'
import { setFacet } from '@renderer/store/library/list-actions'
import { useLibrary } from '@renderer/store/library/store'

/** Saved from / until: the list's date range, which the map and the Countries view count within. */
export function DateRangeFields(): JSX.Element {
  const from = useLibrary((state) => state.facets.from ?? '')
  const to = useLibrary((state) => state.facets.to ?? '')
  return (
    <div className="date-range" role="group" aria-label="Saved between">
      <label>
        From
        <input
          type="date"
          value={from.slice(0, 10)}
          data-testid="countries-from"
          onChange={(event) => setFacet('from', event.target.value || null)}
        />
      </label>
      <label>
        to
        <input
          type="date"
          value={to.slice(0, 10)}
          data-testid="countries-to"
          onChange={(event) => setFacet('to', event.target.value || null)}
        />
      </label>
    </div>
  )
}
