import { useEffect } from 'react'
import { loadCountries } from '@renderer/store/countries/actions'
import { useCountries } from '@renderer/store/countries/store'
import { useLibrary } from '@renderer/store/library/store'

/** Loads the countries' counts when a view shows them, and again when the list's filters change. */
export function useCountryCounts(): void {
  const filter = useLibrary((state) => state.filter)
  const facets = useLibrary((state) => state.facets)
  const stale = useCountries((state) => state.counts === null && state.status === 'idle')
  const { country: _country, ...counted } = facets
  const key = JSON.stringify({ filter, ...counted })
  useEffect(() => {
    void loadCountries()
  }, [key])
  useEffect(() => {
    if (stale) void loadCountries()
  }, [stale])
}
