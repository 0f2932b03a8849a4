import { useMemo, type JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { setCountrySearch, setCountrySort, showCountry } from '@renderer/store/countries/actions'
import { visibleCountries } from '@renderer/store/countries/selectors'
import { useCountries, type CountrySort } from '@renderer/store/countries/store'
import { FilterChips } from '../FilterChips'
import { CountriesTabs } from './CountriesTabs'
import { DateRangeFields } from './DateRangeFields'
import { RetagButton } from './RetagButton'
import { useCountryCounts } from './useCountryCounts'

const SORTS: { value: CountrySort; label: string }[] = [
  { value: 'count', label: 'Most articles' },
  { value: 'name', label: 'Name' },
]

/** Every country with its articles (unread in bold), sorted by count or name, with a search box. */
export function CountriesView(): JSX.Element {
  useCountryCounts()
  const status = useCountries((state) => state.status)
  const sort = useCountries((state) => state.sort)
  const search = useCountries((state) => state.search)
  const counts = useCountries((state) => state.counts)
  const rows = useMemo(() => visibleCountries({ counts, sort, search }), [counts, sort, search])

  return (
    <section className="countries-view" aria-labelledby="countries-heading" data-testid="countries-view">
      <header className="pane-header countries-header">
        <h1 id="countries-heading" className="pane-title">
          Countries
        </h1>
        <CountriesTabs current="countries" />
      </header>
      <div className="countries-toolbar">
        <input
          type="search"
          className="countries-search"
          placeholder="Find a country"
          aria-label="Find a country"
          value={search}
          data-testid="countries-search"
          onChange={(event) => setCountrySearch(event.target.value)}
        />
        <div className="segmented" role="group" aria-label="Sort countries by">
          {SORTS.map((option) => (
            <button
              key={option.value}
              type="button"
              className="segment"
              aria-pressed={sort === option.value}
              data-testid={`countries-sort-${option.value}`}
              onClick={() => setCountrySort(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <DateRangeFields />
      </div>
      <FilterChips context="list" />
      {status === 'loading' && <p className="list-message">Counting…</p>}
      {status === 'ready' && rows.length === 0 && (
        <p className="list-message">
          {search.trim() ? `No country is called “${search.trim()}”.` : 'No article has a country yet.'}
        </p>
      )}
      <ol className="country-table" data-testid="country-table">
        {rows.map((country) => (
          <li key={country.code}>
            <button
              type="button"
              className={`country-line${country.unread > 0 ? ' has-unread' : ''}`}
              data-testid="country-line"
              data-code={country.code}
              onClick={() => showCountry(country.code, country.name)}
            >
              <span className="country-line-name">{country.name}</span>
              <span className="country-line-count">
                {formatCount(country.articles)}
                <span className="visually-hidden"> articles</span>
              </span>
              <span className="country-line-unread">
                {country.unread > 0 ? `${formatCount(country.unread)} unread` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <footer className="countries-footer">
        <RetagButton />
      </footer>
    </section>
  )
}
