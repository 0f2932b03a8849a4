import { lazy, Suspense, useMemo, type JSX } from 'react'
import { shadeSteps } from '@renderer/lib/map-scale'
import { showCountry } from '@renderer/store/countries/actions'
import { largestCount } from '@renderer/store/countries/selectors'
import { useCountries } from '@renderer/store/countries/store'
import { FilterChips } from '../FilterChips'
import { CountriesTabs } from './CountriesTabs'
import { DateRangeFields } from './DateRangeFields'
import { MapLegend } from './MapLegend'
import { useCountryCounts } from './useCountryCounts'

// The shapes load with the map, not with the window.
const WorldMap = lazy(() => import('./WorldMap').then((module) => ({ default: module.WorldMap })))

/** The world shaded by articles under the list's filters (state, dates, groups); click a country. */
export function MapView(): JSX.Element {
  useCountryCounts()
  const counts = useCountries((state) => state.counts)
  const largest = useCountries(largestCount)
  const steps = useMemo(() => shadeSteps(largest), [largest])

  return (
    <section className="countries-view map-view" aria-labelledby="map-heading" data-testid="map-view">
      <header className="pane-header countries-header">
        <h1 id="map-heading" className="pane-title">
          Map
        </h1>
        <CountriesTabs current="map" />
      </header>
      <div className="countries-toolbar">
        <DateRangeFields />
        <MapLegend steps={steps} />
      </div>
      <FilterChips context="list" />
      <Suspense fallback={<p className="list-message">Drawing the map…</p>}>
        {counts === null ? (
          <p className="list-message">Counting…</p>
        ) : (
          <WorldMap counts={counts} steps={steps} onPick={showCountry} />
        )}
      </Suspense>
    </section>
  )
}
