import { describe, expect, it } from 'vitest'
import { featuresOf, numbersOf } from '../../src/main/stories/article-features'
import { skeletonOf, toLatin } from '../../src/main/stories/transliterate'

const key = (word: string): string => skeletonOf(toLatin(word))

describe('names across scripts and romanisations', () => {
  it('meets Лукашенко, Lukashenko, Loukachenko and Lukaschenko at one key', () => {
    expect(
      new Set(['Лукашенко', 'Lukashenko', 'Loukachenko', 'Lukaschenko', 'Лукашенка'].map(key)).size,
    ).toBe(1)
  })

  it('meets the Ukrainian, Russian, German and English spellings of Zelensky and Kyiv', () => {
    expect(new Set(['Зеленский', 'Зеленський', 'Selenskyj', 'Zelensky', 'Zelenskiy'].map(key)).size).toBe(1)
    expect(new Set(['Київ', 'Киев', 'Kyiv', 'Kiev', 'Kiew'].map(key)).size).toBe(1)
    expect(new Set(['Μητσοτάκης', 'Mitsotakis'].map(key)).size).toBe(1)
    expect(new Set(['Стамбул', 'Estambul', 'Istanbul'].map(key)).size).toBe(1)
  })

  it('keeps different names apart', () => {
    expect(key('Putin')).not.toBe(key('Lukashenko'))
    expect(key('Merz')).not.toBe(key('Macron'))
  })

  it('finds the names of a Russian article, inflected, under the keys of the English one', () => {
    const russian = featuresOf({
      title: 'Путин и Эрдоган обсудили по телефону урегулирование на Украине',
      text: 'Владимир Путин и Реджеп Тайип Эрдоган провели телефонный разговор с Зеленским.',
      at: 0,
    })
    const english = featuresOf({
      title: 'Putin and Erdogan discuss Ukraine in phone call',
      text: 'Vladimir Putin told Tayyip Erdogan he would not meet Zelensky.',
      at: 0,
    })
    for (const name of ['Putin', 'Erdogan', 'Zelensky']) {
      expect(russian.vector.has(`n:${key(name)}`), name).toBe(true)
      expect(english.vector.has(`n:${key(name)}`), name).toBe(true)
    }
  })

  it('does not take every capitalised word of a title-case headline for a name', () => {
    const features = featuresOf({
      title: 'Three Killed As Russia Pounds Kharkiv',
      text: 'Russia struck Kharkiv at night.',
      at: 0,
    })
    expect(features.vector.has(`n:${key('Kharkiv')}`)).toBe(true)
    expect(features.vector.has(`n:${key('Pounds')}`)).toBe(false)
  })
})

describe('numbers', () => {
  it('reads 1,000, 1.000, 1 000 and 1000 as one number, and 6,1 as 6.1', () => {
    for (const written of ['1,000 prisoners', '1.000 Gefangene', '1 000 prisonniers', '1000 пленных']) {
      expect([...numbersOf(written).keys()]).toEqual(['d:1000'])
    }
    expect([...numbersOf('magnitude 6,1').keys()]).toEqual(['d:6.1'])
    expect([...numbersOf('magnitude 6.1').keys()]).toEqual(['d:6.1'])
  })

  it('leaves out single digits, too common to tie two articles', () => {
    expect(numbersOf('3 dead, 14 injured').has('d:3')).toBe(false)
    expect(numbersOf('3 dead, 14 injured').has('d:14')).toBe(true)
  })
})
