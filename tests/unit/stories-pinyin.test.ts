import { describe, expect, it } from 'vitest'
import { featuresOf } from '../../src/main/stories/article-features'
import { pinyinOf } from '../../src/main/stories/pinyin'

const names = (title: string, lang: string): Set<string> =>
  new Set([...featuresOf({ title, lang, at: 0 }).vector.keys()].filter((key) => key.startsWith('n:')))
const shared = (a: Set<string>, b: Set<string>): string[] => [...a].filter((key) => b.has(key))

describe('Chinese transliterations of names meet their Latin spelling by pinyin', () => {
  it('reads Han words in pinyin', () => {
    expect(pinyinOf('巴格兰')).toBe('bagelan')
    expect(pinyinOf('斯瓦特')).toBe('siwate')
  })

  it('meets Baghlan, Tulun and Kassala in Chinese headlines', () => {
    expect(
      shared(names('阿富汗巴格兰省山洪致60人死亡', 'zh'), names('Flash floods kill 60 in Baghlan', 'en')),
    ).toContain('n:bgln')
    // The segmenter cuts an unknown name into single characters (图|伦|市): the run is the name.
    expect(
      shared(names('俄罗斯图伦市洪水致2死', 'zh'), names('Two dead as floods swamp Tulun', 'en')),
    ).not.toEqual([])
    expect(
      shared(names('苏丹卡萨拉州水坝溃坝', 'zh'), names('Dam collapse in Kassala state', 'en')),
    ).not.toEqual([])
  })

  it('keeps near misses apart: Baghlan is not Baghdad, and Japanese kanji get no pinyin', () => {
    expect(shared(names('巴格兰省山洪', 'zh'), names('Floods in Baghdad', 'en'))).toEqual([])
    // Japanese reads 熊本 Kumamoto, not xiongben: no pinyin key for a Japanese headline.
    const japanese = names('熊本で大雨', 'ja')
    expect([...japanese].some((key) => key === 'n:ksngbn' || key === 'n:sngbn')).toBe(false)
  })
})
