import { describe, expect, it } from 'vitest'
import { featuresOf, numbersOf } from '../../src/main/stories/article-features'

const keys = (text: string): string[] => [...numbersOf(text).keys()]

describe('numbers written in words and local formats meet across languages', () => {
  it('reads a scale word after a number, joined or one space away, in each language', () => {
    for (const written of [
      '3,000',
      '3 000',
      '3.000',
      '3 tys.',
      '3 тыс.',
      '3 тисячі',
      '3mila',
      '3 mil',
      '٣ آلاف',
    ])
      expect(keys(`${written} people`), written).toEqual(['d:3000'])
    for (const written of ['1,2 тыс.', '1.2 thousand', '1200'])
      expect(keys(written), written).toEqual(['d:1200'])
  })

  it('meets a million in lakh, Millionen, million, 万 and a number word', () => {
    for (const written of ['11 lakh', '1,1 Millionen', '1.1 million', '1,1 millones', '110万'])
      expect(keys(written), written).toEqual(['d:1100000'])
    for (const written of [
      'Two million stranded',
      'zwei Millionen Menschen',
      'deux millions',
      '2 million',
      'مليوني شخص',
      '200万人',
    ])
      expect(keys(written), written).toEqual(['d:2000000'])
    for (const written of ['£26bn', '26 Milliarden Pfund', '26 milliards', '26.000 millones'])
      expect(keys(written), written).toEqual(['d:26000000000'])
  })

  it('reads a Japanese number in units of ten thousand with its remainder, and drops a decimal trailing zero', () => {
    expect(keys('5万6000人が避難')).toEqual(['d:56000'])
    expect(keys('11,20 Meter')).toEqual(keys('11.2 метра'))
  })

  it('keeps near misses apart', () => {
    expect(keys('3 tys.')).not.toEqual(keys('3,5 tys.'))
    expect(keys('1,2 тыс.')).not.toEqual(keys('12 тыс.'))
    // A word that only starts like a scale word, metres, a number word alone: no scale.
    expect(keys('40 Milizen')).toEqual(['d:40'])
    expect(keys('a wall of 2m')).toEqual([])
    expect(keys('two dead, dos muertos, Mil Mi-8')).toEqual([])
    // Agencies write a magnitude with its point: 6.0 is not read as 6 (one digit alone is dropped).
    expect(keys('magnitude 6.0')).toEqual(['d:6.0'])
  })

  it('ties a Polish and an English article on one flood by its evacuees', () => {
    const polish = featuresOf({ title: 'Powódź. Z Pasawy ewakuowano 3 tys. osób', at: 0, lang: 'pl' })
    const english = featuresOf({ title: 'Around 3,000 residents evacuated from Passau', at: 0, lang: 'en' })
    expect(polish.evidence.has('d:3000')).toBe(true)
    expect(english.evidence.has('d:3000')).toBe(true)
    expect(polish.shown.get('d:3000')).toBe('3 tys.')
  })
})
