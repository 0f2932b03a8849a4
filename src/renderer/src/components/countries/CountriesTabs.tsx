import type { JSX } from 'react'
import { showView } from '@renderer/store/ui/actions'

/** The two ways to see the countries: the list and the map. */
export function CountriesTabs({ current }: { current: 'countries' | 'map' }): JSX.Element {
  return (
    <div className="segmented countries-tabs" role="group" aria-label="Show countries as">
      <button
        type="button"
        className="segment"
        aria-pressed={current === 'countries'}
        data-testid="countries-tab-list"
        onClick={() => showView({ kind: 'countries' })}
      >
        List
      </button>
      <button
        type="button"
        className="segment"
        aria-pressed={current === 'map'}
        data-testid="countries-tab-map"
        onClick={() => showView({ kind: 'map' })}
      >
        Map
      </button>
    </div>
  )
}
