import rows from './country-list.generated.json'

/**
 * Every ISO 3166-1 country with its English short name and numeric code, for the services and the
 * window alike (the map joins its shapes by the numeric code). Built by `npm run data:countries`.
 */
export interface CountryEntry {
  /** ISO 3166-1 alpha-2. */
  code: string
  /** ISO 3166-1 numeric, three digits ("112" for Belarus), as world atlases key their shapes. */
  numeric: string
  name: string
}

export const COUNTRIES: readonly CountryEntry[] = (rows as string[][]).map(([code, numeric, name]) => ({
  code: code ?? '',
  numeric: numeric ?? '',
  name: name ?? code ?? '',
}))

const byCode = new Map(COUNTRIES.map((country) => [country.code, country]))
const byNumeric = new Map(COUNTRIES.map((country) => [country.numeric, country]))

/** The English short name of an alpha-2 code, or undefined for a code that names no country. */
export function countryName(code: string): string | undefined {
  return byCode.get(code.toUpperCase())?.name
}

export function countryByNumeric(numeric: string | number): CountryEntry | undefined {
  return byNumeric.get(String(numeric).padStart(3, '0'))
}
