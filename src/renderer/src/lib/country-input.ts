import { COUNTRIES } from '@shared/country-list'

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim()
}

/** The country a typed name or code means: an exact name or code, else the only name it starts. */
export function countryFromTyped(typed: string): { code: string; name: string } | null {
  const query = fold(typed)
  if (query === '') return null
  const exact = COUNTRIES.find((c) => fold(c.name) === query || c.code.toLowerCase() === query)
  if (exact) return exact
  const starting = COUNTRIES.filter((c) => fold(c.name).startsWith(query))
  return starting.length === 1 ? starting[0]! : null
}
