import type { JSX } from 'react'
import { countryName } from '@shared/country-list'
import { formatCount } from '@renderer/lib/format'
import { showCountry } from '@renderer/store/countries/actions'
import { useLibrary } from '@renderer/store/library/store'
import { showView } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'

const NO_COUNTRIES: never[] = []

/** The countries with most articles in the sidebar; the rest are one click away. */
const TOP = 6

/** The sidebar's countries: the Countries view, the map, and the countries with most articles. */
export function CountriesSection(): JSX.Element {
  const counts = useLibrary((state) => state.sidebarCounts?.countries) ?? NO_COUNTRIES
  const current = useLibrary((state) => state.facets.country)
  const view = useUi((state) => state.view.kind)
  return (
    <>
      <h2 className="sidebar-heading" id="countries-heading-sidebar">
        Countries
      </h2>
      <ul className="filter-list" aria-labelledby="countries-heading-sidebar" data-testid="sidebar-countries">
        <li>
          <button
            type="button"
            className="filter-button"
            aria-current={view === 'countries' ? 'page' : undefined}
            data-testid="open-countries"
            onClick={() => showView({ kind: 'countries' })}
          >
            <span className="filter-label">All countries</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="filter-button"
            aria-current={view === 'map' ? 'page' : undefined}
            data-testid="open-map"
            onClick={() => showView({ kind: 'map' })}
          >
            <span className="filter-label">Map</span>
          </button>
        </li>
        {counts.slice(0, TOP).map((country) => {
          const name = countryName(country.code) ?? country.code
          return (
            <li key={country.code}>
              <button
                type="button"
                className={`filter-button${country.unread > 0 ? ' has-unread' : ''}`}
                aria-current={view === 'articles' && current === country.code ? 'true' : undefined}
                data-testid="sidebar-country"
                data-code={country.code}
                onClick={() => showCountry(country.code, name)}
              >
                <span className="filter-label">{name}</span>
                <span className="filter-count">{formatCount(country.articles)}</span>
              </button>
            </li>
          )
        })}
      </ul>
    </>
  )
}
