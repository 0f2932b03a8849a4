import { describe, expect, it } from 'vitest'
import {
  countryName,
  mergePersonEdits,
  parseCountryEdit,
  tagCountries,
  type CountryTag,
} from '../../src/main/countries'

const auto: CountryTag[] = [
  { code: 'BY', name: 'Belarus', role: 'primary', score: 1 },
  { code: 'RU', name: 'Russia', role: 'primary', score: 0.9 },
  { code: 'PL', name: 'Poland', role: 'mentioned', score: 0.1 },
]
const summary = (tags: { code: string; role: string; source: string }[]): string[] =>
  tags.map((tag) => `${tag.code}:${tag.role}:${tag.source}`)

describe('person edits over the tagger', () => {
  it("keeps the tagger's tags as auto when the person changed nothing", () => {
    expect(summary(mergePersonEdits(auto, [], countryName))).toEqual([
      'BY:primary:auto',
      'RU:primary:auto',
      'PL:mentioned:auto',
    ])
  })

  it('adds a country the tagger missed, with the person as its source', () => {
    const merged = mergePersonEdits(auto, [{ code: 'ua', role: 'mentioned' }], countryName)
    expect(merged.find((tag) => tag.code === 'UA')).toEqual({
      code: 'UA',
      name: 'Ukraine',
      role: 'mentioned',
      score: 1,
      source: 'person',
    })
  })

  it('removes a tag the person removed, and keeps it removed after re-tagging', () => {
    const edits = [{ code: 'RU', role: 'removed' as const }]
    expect(summary(mergePersonEdits(auto, edits, countryName))).toEqual([
      'BY:primary:auto',
      'PL:mentioned:auto',
    ])
    // Re-tagging the same article gives the tagger's tags again; the person's removal still wins.
    const retagged: CountryTag[] = [{ code: 'RU', name: 'Russia', role: 'primary', score: 1 }]
    expect(summary(mergePersonEdits(retagged, edits, countryName))).toEqual([])
  })

  it("keeps the person's country edit after re-tagging", () => {
    const raw = 'Two killed in shelling. Shelling hit the town overnight, officials said.'
    const edits = [{ code: 'UA', role: 'primary' as const }]
    const first = mergePersonEdits(tagCountries({ title: 'Shelling', text: raw }), edits, countryName)
    const second = mergePersonEdits(tagCountries({ title: 'Shelling', text: raw }), edits, countryName)
    expect(summary(first)).toEqual(['UA:primary:person'])
    expect(second).toEqual(first)
  })

  it('promotes a mentioned country and demotes the weakest automatic primary to keep two', () => {
    const merged = mergePersonEdits(auto, [{ code: 'PL', role: 'primary' }], countryName)
    expect(summary(merged)).toEqual(['PL:primary:person', 'BY:primary:auto', 'RU:mentioned:auto'])
    expect(merged.find((tag) => tag.code === 'PL')?.score).toBe(0.1)
  })

  it('demotes a primary the person marked as mentioned', () => {
    const merged = mergePersonEdits(auto, [{ code: 'BY', role: 'mentioned' }], countryName)
    expect(summary(merged)).toEqual(['RU:primary:auto', 'BY:mentioned:person', 'PL:mentioned:auto'])
  })

  it('ignores an edit for a code that is no country', () => {
    expect(summary(mergePersonEdits(auto, [{ code: 'XX', role: 'primary' }], countryName))).toEqual(
      summary(mergePersonEdits(auto, [], countryName)),
    )
  })
})

describe('edits as the command line writes them', () => {
  it('reads +UA, ^UA and -RU', () => {
    expect(parseCountryEdit('+ua')).toEqual({ code: 'UA', role: 'mentioned' })
    expect(parseCountryEdit('^UA')).toEqual({ code: 'UA', role: 'primary' })
    expect(parseCountryEdit('-RU')).toEqual({ code: 'RU', role: 'removed' })
  })

  it('refuses anything else', () => {
    for (const word of ['UA', '+UKR', '*UA', '', '+U']) expect(parseCountryEdit(word), word).toBeNull()
  })
})
