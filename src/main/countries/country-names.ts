import { countryName } from '@shared/country-list'

export { countryName }

export function isCountryCode(code: string): boolean {
  return countryName(code) !== undefined
}
