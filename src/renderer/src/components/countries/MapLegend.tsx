import type { JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import type { ShadeStep } from '@renderer/lib/map-scale'

/** What each shade of the map means, in articles. */
export function MapLegend({ steps }: { steps: readonly ShadeStep[] }): JSX.Element {
  return (
    <ul className="map-legend" aria-label="Articles per country" data-testid="map-legend">
      <li>
        <span className="map-swatch map-level-0" aria-hidden="true" /> none
      </li>
      {steps.map((step) => (
        <li key={step.level}>
          <span className={`map-swatch map-level-${step.level}`} aria-hidden="true" />
          {step.from === step.to
            ? formatCount(step.from)
            : `${formatCount(step.from)}–${formatCount(step.to)}`}
        </li>
      ))}
    </ul>
  )
}
