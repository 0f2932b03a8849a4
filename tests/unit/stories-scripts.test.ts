import { describe, expect, it } from 'vitest'
import { featuresOf, numbersOf, westernDigits } from '../../src/main/stories/article-features'
import { skeletonOf, toLatin } from '../../src/main/stories/transliterate'

const keysOf = (title: string, text = '', lang?: string): string[] => [
  ...featuresOf({ title, text, lang, at: 0 }).vector.keys(),
]

describe('places across scripts', () => {
  it('gives Turkey one key in Chinese, Japanese, Arabic, Russian, Spanish and English headlines', () => {
    const headlines: [string, string][] = [
      ['土耳其东部发生6.1级地震 已致4人死亡', 'zh'],
      ['トルコ東部でM6.1の地震 4人死亡', 'ja'],
      ['زلزال بقوة 6.1 درجات يضرب شرقي تركيا', 'ar'],
      ['Землетрясение магнитудой 6,1 произошло на востоке Турции', 'ru'],
      ['Un terremoto de magnitud 6,1 sacude el este de Turquía', 'es'],
      ['Magnitude 6.1 earthquake strikes eastern Turkey', 'en'],
    ]
    for (const [title, lang] of headlines) {
      const keys = keysOf(title, '', lang)
      expect(keys, title).toContain('n:@TR')
      expect(keys, title).toContain('d:6.1')
    }
  })

  it('reads an Arabic name behind its clitics: "وتركيا", "بالصين", "للصين"', () => {
    expect(keysOf('اتفاق بين مصر وتركيا')).toContain('n:@TR')
    expect(keysOf('زلزال بالصين')).toContain('n:@CN')
    expect(keysOf('مساعدات للصين')).toContain('n:@CN')
  })

  it('reads an Arabic country adjective as the country: الإندونيسية, التركية, اليابانية', () => {
    expect(keysOf('زلزال في جزيرة سولاويسي الإندونيسية')).toContain('n:@ID')
    expect(keysOf('السلطات التركية')).toContain('n:@TR')
    expect(keysOf('الحكومة اليابانية')).toContain('n:@JP')
  })

  it('meets a city in Han, kana, Arabic and its Latin exonyms', () => {
    for (const title of [
      '北京发布暴雨预警',
      'ペキンで会談',
      'اجتماع في بكين',
      'Réunion à Pékin',
      'Treffen in Peking',
    ]) {
      expect(keysOf(title), title).toContain(`n:${skeletonOf('beijing')}`)
    }
  })

  it('keys a listed town by its Latin skeleton, which its unlisted spellings reach too', () => {
    expect(keysOf('Quake hits Iwate prefecture')).toContain(`n:${skeletonOf('iwate')}`)
    expect(keysOf('Землетрясение у побережья префектуры Иватэ')).toContain(
      `n:${skeletonOf(toLatin('иватэ'))}`,
    )
    expect(skeletonOf(toLatin('иватэ'))).toBe(skeletonOf('iwate'))
  })

  it('takes the longest name: "墨西哥城" is the city, "墨西哥" the country', () => {
    expect(keysOf('墨西哥城拉响地震警报')).toContain(`n:${skeletonOf('mexicocity')}`)
    expect(keysOf('墨西哥城拉响地震警报')).not.toContain('n:@MX')
    expect(keysOf('墨西哥南部发生7.0级地震')).toContain('n:@MX')
  })

  it('leaves out a caseless country name that is also an everyday word: مالي, 中非', () => {
    expect(keysOf('الوضع المالي للشركة')).not.toContain('n:@ML')
    expect(keysOf('中非合作论坛开幕')).not.toContain('n:@CF')
    expect(keysOf('Attaque au Mali')).toContain('n:@ML')
  })

  it('does not read a lower-case word of a cased script as a country ("turkey", "chad")', () => {
    expect(keysOf('Roast turkey recipes for the holidays')).not.toContain('n:@TR')
  })
})

describe('names in scripts without capitals', () => {
  const nameKeys = (title: string, lang: string, text = ''): string[] =>
    keysOf(title, text, lang).filter((key) => key.startsWith('n:'))
  it('meets an Arabic spelling of a town with its Latin one by the consonants: ملطية, Malatya', () => {
    const latin = nameKeys('Earthquake kills four', 'en', 'A quake struck Malatya and Kerman.')
    const arabic = nameKeys('زلزال في ملطية وكرمان', 'ar')
    expect(latin.filter((key) => arabic.includes(key))).toHaveLength(2)
  })

  it('meets a katakana name with its Latin one, with r read as r or l: マラティヤ, Malatya', () => {
    const latin = nameKeys('Quake hits two regions', 'en', 'It struck Malatya and Mindanao.')
    const japanese = nameKeys('マラティヤとミンダナオで地震', 'ja')
    expect(latin.filter((key) => japanese.includes(key))).toHaveLength(2)
  })

  it('does not key an Arabic stop word or a short word as a name', () => {
    expect(nameKeys('في من على', 'ar')).toEqual([])
  })
})

describe('words of scripts written without spaces', () => {
  it('cuts Chinese and Japanese into words, so two headlines of one language meet on them', () => {
    const one = keysOf('四川雅安市汉源县发生5.9级地震', '', 'zh')
    const two = keysOf('汉源地震已造成9人遇难 救援力量紧急驰援', '', 'zh')
    const shared = one.filter((key) => key.startsWith('w:') && two.includes(key))
    expect(shared).toContain('w:地震')
    expect(one.some((key) => key.startsWith('g:汉源'))).toBe(true)
    expect(two.some((key) => key.startsWith('g:汉源'))).toBe(true)
  })

  it('reads a place with or without its administrative suffix: 四川省 and 四川', () => {
    expect(keysOf('四川省启动地震应急响应', '', 'zh')).toContain(`n:${skeletonOf('sichuan')}`)
    expect(keysOf('四川发生地震', '', 'zh')).toContain(`n:${skeletonOf('sichuan')}`)
  })

  it('leaves out hiragana particles', () => {
    const keys = keysOf('トルコ東部でM6.1の地震', '', 'ja')
    expect(keys).toContain('w:地震')
    expect(keys).not.toContain('w:の')
    expect(keys.some((key) => key === 'w:で')).toBe(false)
  })
})

describe('numbers in other scripts', () => {
  it('reads Arabic-Indic and full-width digits as 0-9, with the Arabic decimal mark', () => {
    expect(westernDigits('٥٫٨')).toBe('5.8')
    expect([...numbersOf('زلزال بقوة ٥٫٨ درجة').keys()]).toEqual(['d:5.8'])
    expect([...numbersOf('マグニチュード６．５').keys()]).toEqual(['d:6.5'])
    expect([...numbersOf('زلزال بقوة ۶.۱').keys()]).toEqual(['d:6.1'])
  })

  it('scales Chinese and Japanese units: 1.2万 is 12000', () => {
    expect([...numbersOf('约1.2万人受灾').keys()]).toEqual(['d:12000'])
    expect([...numbersOf('1万戸が停電').keys()]).toEqual(['d:10000'])
  })
})
