import type { JSX } from 'react'

/** The sidebar's countries section (filled in by the countries issue). */
export function CountriesSection(): JSX.Element | null {
  return null
}
