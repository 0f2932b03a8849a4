import gazetteer from './data/gazetteer.generated.json'

const countries = gazetteer.countries as Record<string, { name: string }>

/** The English short name of an ISO 3166-1 alpha-2 code, or undefined for a code we do not know. */
export function countryName(code: string): string | undefined {
  return Object.hasOwn(countries, code.toUpperCase()) ? countries[code.toUpperCase()]?.name : undefined
}

export function isCountryCode(code: string): boolean {
  return countryName(code) !== undefined
}
