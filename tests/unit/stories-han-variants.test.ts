import { describe, expect, it } from 'vitest'
import { featuresOf } from '../../src/main/stories/article-features'
import { simplifiedHan } from '../../src/main/stories/han-variants'

const keysOf = (title: string, lang: string): Set<string> =>
  new Set([...featuresOf({ title, lang, at: 0 }).vector.keys()].filter((key) => !key.startsWith('d:')))
const shared = (a: Set<string>, b: Set<string>): string[] => [...a].filter((key) => b.has(key))

describe('Traditional, Japanese and Simplified Han forms meet', () => {
  it('writes Taiwanese, Hong Kong and Japanese forms in Simplified characters, offsets kept', () => {
    expect(simplifiedHan('花蓮強震')).toBe('花莲强震')
    expect(simplifiedHan('重慶で豪雨')).toBe('重庆で豪雨')
    expect(simplifiedHan('広島県')).toBe('广岛县')
    expect(simplifiedHan('臺北').length).toBe('臺北'.length)
  })

  it('gives a Taiwanese headline and a mainland one the same words, and a Japanese one the same city', () => {
    const taiwan = keysOf('花蓮發生規模6.4強震 太魯閣落石', 'zh')
    const mainland = keysOf('台湾花莲发生6.4级地震 太鲁阁多处落石', 'zh')
    expect(shared(taiwan, mainland)).toEqual(expect.arrayContaining(['g:花莲', 'g:太鲁', 'g:鲁阁']))
    const japanese = keysOf('中国・重慶で豪雨 長江が増水', 'ja')
    const chinese = keysOf('重庆遭强降雨 长江迎来洪水', 'zh')
    // 長江 is 长江; 重慶 is 重庆, a listed place (its key is the skeleton of Chongqing).
    expect(shared(japanese, chinese)).toEqual(expect.arrayContaining(['w:长江', 'n:sngkng']))
  })

  it('keeps different places apart: 広島 (Hiroshima) is not 广州 (Guangzhou)', () => {
    const hiroshima = keysOf('広島で大雨', 'ja')
    const guangzhou = keysOf('广州暴雨', 'zh')
    expect(shared(hiroshima, guangzhou)).toEqual([])
    expect(simplifiedHan('広島')).not.toBe(simplifiedHan('广州'))
  })
})
