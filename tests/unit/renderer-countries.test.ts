import { describe, expect, it } from 'vitest'
import type { CountryCount } from '@shared/countries'
import { countryFromTyped } from '@renderer/lib/country-input'
import { shadeLevel, shadeSteps } from '@renderer/lib/map-scale'
import { visibleCountries } from '@renderer/store/countries/selectors'

const counts: CountryCount[] = [
  { code: 'BY', name: 'Belarus', articles: 40, unread: 3 },
  { code: 'CI', name: "Côte d'Ivoire", articles: 2, unread: 0 },
  { code: 'TD', name: 'Chad', articles: 0, unread: 0 },
  { code: 'SD', name: 'Sudan', articles: 7, unread: 1 },
]

describe('the Countries view', () => {
  it('lists countries with articles, most first, or by name', () => {
    expect(visibleCountries({ counts, sort: 'count', search: '' }).map((c) => c.code)).toEqual([
      'BY',
      'SD',
      'CI',
    ])
    expect(visibleCountries({ counts, sort: 'name', search: '' }).map((c) => c.code)).toEqual([
      'BY',
      'CI',
      'SD',
    ])
  })

  it('finds a country by part of its name without accents, or by its code, even with no article', () => {
    expect(visibleCountries({ counts, sort: 'count', search: 'cote' }).map((c) => c.code)).toEqual(['CI'])
    expect(visibleCountries({ counts, sort: 'count', search: 'Chad' }).map((c) => c.code)).toEqual(['TD'])
    expect(visibleCountries({ counts, sort: 'count', search: 'sd' }).map((c) => c.code)).toEqual(['SD'])
  })
})

describe('adding a country by typing', () => {
  it('takes a name, a code, or the one name a beginning fits', () => {
    expect(countryFromTyped('Georgia')?.code).toBe('GE')
    expect(countryFromTyped('ua')?.code).toBe('UA')
    expect(countryFromTyped('turkmen')?.code).toBe('TM')
    expect(countryFromTyped('ivory')?.code).toBe('CI')
  })

  it('refuses what fits several countries or none', () => {
    expect(countryFromTyped('Guinea')?.code).toBe('GN')
    expect(countryFromTyped('Gui'), 'Guinea, Guinea-Bissau, Guiana…').toBeNull()
    expect(countryFromTyped('Atlantis')).toBeNull()
    expect(countryFromTyped('  ')).toBeNull()
  })
})

describe('the map’s shading', () => {
  it('steps on a log scale from 1 to the largest count, each count in one step', () => {
    const steps = shadeSteps(3000)
    expect(steps[0]!.from).toBe(1)
    expect(steps.at(-1)!.to).toBe(3000)
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to + 1)
    expect(shadeLevel(0, steps)).toBe(0)
    expect(shadeLevel(1, steps)).toBe(1)
    expect(shadeLevel(3000, steps)).toBe(5)
    expect(
      shadeLevel(40, steps),
      'a mid-sized count is not left pale by one huge one',
    ).toBeGreaterThanOrEqual(3)
  })

  it('gives a small library one step per count', () => {
    expect(shadeSteps(2).map((s) => [s.from, s.to])).toEqual([
      [1, 1],
      [2, 2],
    ])
    expect(shadeSteps(0)).toEqual([])
  })
})
