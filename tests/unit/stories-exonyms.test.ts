import { describe, expect, it } from 'vitest'
import { featuresOf } from '../../src/main/stories/article-features'

const placesOf = (title: string, lang: string): string[] => [...featuresOf({ title, lang, at: 0 }).places]

describe("a city's exonyms in every language and script are one place", () => {
  it('meets Köln, Cologne, Colonia, Кёльн (inflected), 科隆 and ケルン', () => {
    const written: [string, string][] = [
      ['Hochwasser in Köln: Pegel steigt', 'de'],
      ['Floods hit Cologne as the Rhine rises', 'en'],
      ['Inundaciones en Colonia por la crecida del Rin', 'es'],
      ['Наводнение в Кёльне: уровень Рейна растёт', 'ru'],
      ['德国科隆遭遇洪水', 'zh'],
      ['ドイツ・ケルンで洪水', 'ja'],
    ]
    const keys = written.map(([title, lang]) => placesOf(title, lang).filter((key) => !key.startsWith('n:@')))
    for (const found of keys) expect(found).toEqual(keys[0])
    expect(keys[0]).toHaveLength(1)
  })

  it('meets Genf, Genève, Ginevra, Женева and جنيف, and Wien, Vienna, Вена, فيينا', () => {
    const geneva = ['Genf', 'Genève', 'Ginevra', 'Женева', 'جنيف', '日内瓦'].map((name) =>
      placesOf(`Talks in ${name}`, 'xx').join(),
    )
    expect(new Set(geneva).size).toBe(1)
    expect(geneva[0]).not.toBe('')
    const vienna = ['Wien', 'Vienna', 'Вена', 'فيينا', 'ウィーン'].map((name) =>
      placesOf(`Talks in ${name}`, 'xx').join(),
    )
    expect(new Set(vienna).size).toBe(1)
    expect(vienna[0]).not.toBe(geneva[0])
  })

  it('keeps near misses apart: another town, a common word, a lower-case word', () => {
    expect(placesOf('Flood in Kolín, Bohemia', 'en')).not.toEqual(placesOf('Flood in Köln', 'en'))
    // 汉堡 is also "hamburger": not listed, so a menu headline names no place.
    expect(placesOf('麦当劳推出新款汉堡', 'zh')).toEqual([])
    // "вена" (a vein) is a place only capitalised.
    expect(placesOf('Врачи нашли тромб: вена повреждена', 'ru')).toEqual([])
  })
})
