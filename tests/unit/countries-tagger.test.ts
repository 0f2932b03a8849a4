import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tagCountries, type CountryTag } from '../../src/main/countries'

function tag(title: string, text: string, extra: { lang?: string; siteName?: string } = {}): CountryTag[] {
  return tagCountries({ title, text, ...extra })
}
const codes = (tags: CountryTag[]): string[] => tags.map((item) => item.code)
const primary = (tags: CountryTag[]): string[] =>
  tags.filter((item) => item.role === 'primary').map((item) => item.code)

describe('the seed article (EU Today, Belarus and Russia)', () => {
  const raw = readFileSync(resolve(__dirname, '../fixtures/eutoday-belarus-russia.txt'), 'utf8')
  const [title = '', ...rest] = raw.split('\n')
  const tags = tag(title, rest.join('\n'), { siteName: 'EU Today' })

  it('makes Belarus primary and Russia primary or mentioned', () => {
    expect(primary(tags)).toContain('BY')
    expect(codes(tags)).toContain('RU')
  })

  it('mentions Lithuania, Latvia, Poland and Ukraine, and nothing for NATO or the EU', () => {
    expect(new Set(codes(tags))).toEqual(new Set(['BY', 'RU', 'LT', 'LV', 'PL', 'UA']))
    for (const code of ['LT', 'LV', 'PL', 'UA']) {
      expect(tags.find((item) => item.code === code)?.role).toBe('mentioned')
    }
  })

  it('gives ISO codes, English names and at most two primaries, strongest first', () => {
    expect(tags.find((item) => item.code === 'BY')?.name).toBe('Belarus')
    expect(primary(tags).length).toBeLessThanOrEqual(2)
    expect(tags[0]?.score).toBe(1)
  })
})

describe('ambiguous names', () => {
  it('reads Georgia as the US state when its towns say so, and as the country otherwise', () => {
    expect(
      codes(
        tag(
          'Georgia recount ends',
          'ATLANTA — Georgia finished its recount on Friday, officials in Atlanta and Savannah said.',
        ),
      ),
    ).toEqual(['US'])
    expect(
      codes(
        tag(
          'Georgia protests grow',
          'Thousands rallied in Georgia on Sunday against the government, the largest protest this year.',
        ),
      ),
    ).toEqual(['GE'])
  })

  it('does not take Jordan or Chad for countries when they are people', () => {
    expect(
      tag(
        'Chad Smith scores twice in win',
        'Chad Smith scored twice as his team beat the visitors on Sunday, coach Jordan Miller said.',
      ),
    ).toEqual([])
    expect(
      codes(
        tag(
          'Jordan reopens border crossing',
          'Jordan reopened its main border crossing with Syria on Monday, the interior ministry in Amman said.',
        ),
      ),
    ).toEqual(['JO', 'SY'])
    expect(
      codes(
        tag(
          'Chad closes border',
          'Chad closed its eastern border on Tuesday as fighting spread, officials said.',
        ),
      ),
    ).toEqual(['TD'])
  })

  it('does not take the bird for Turkey, even in a capitalised headline', () => {
    expect(
      tag(
        'Turkey Prices Soar Ahead of Thanksgiving',
        'Shoppers paid more for turkey this year as bird flu cut supplies, farmers said.',
      ),
    ).toEqual([])
    expect(
      codes(
        tag('Türkiye raises rates', "ANKARA — Türkiye raised interest rates again, and Turkey's lira fell."),
      ),
    ).toEqual(['TR'])
  })

  it('tells Niger from Nigeria and a Nigerien from a Nigerian', () => {
    expect(
      codes(
        tag(
          'Niger junta tightens grip',
          "Niger's rulers detained two ministers, Nigerien state television said.",
        ),
      ),
    ).toEqual(['NE'])
    expect(
      codes(tag('Nigeria floods', 'Floods in Nigeria killed 30 people, Nigerian officials said.')),
    ).toEqual(['NG'])
    expect(
      codes(
        tag(
          'Oil spill in the Niger Delta',
          'A pipeline leak polluted creeks across the Niger Delta on Monday, residents said.',
        ),
      ),
    ).toEqual(['NG'])
  })

  it('tells the two Congos apart, and reads a bare Congo by its cities', () => {
    expect(
      codes(
        tag('DR Congo talks', 'The Democratic Republic of Congo and rebels met in Doha, officials said.'),
      ),
    ).toContain('CD')
    expect(codes(tag('Congo vote', 'Voters in the Republic of Congo chose a president on Sunday.'))).toEqual([
      'CG',
    ])
    expect(
      codes(
        tag(
          'Congo election result',
          'Congo announced results on Monday. Crowds gathered in Brazzaville, the capital.',
        ),
      ),
    ).toEqual(['CG'])
    expect(
      codes(
        tag(
          'Congo election result',
          'Congo announced results on Monday. Crowds gathered in Kinshasa, the capital.',
        ),
      ),
    ).toEqual(['CD'])
  })

  it('gives each Guinea its own country', () => {
    expect(codes(tag('Guinea-Bissau coup', 'Soldiers seized power in Guinea-Bissau on Tuesday.'))).toEqual([
      'GW',
    ])
    expect(codes(tag('Equatorial Guinea vote', 'Equatorial Guinea held elections on Sunday.'))).toEqual([
      'GQ',
    ])
    expect(codes(tag('Papua New Guinea quake', 'An earthquake struck Papua New Guinea on Sunday.'))).toEqual([
      'PG',
    ])
    expect(
      codes(tag('Guinea referendum', 'Guinea will hold a referendum in September, the junta said.')),
    ).toEqual(['GN'])
    expect(tag('Guinea pig care', 'A guinea pig needs hay, fresh vegetables and company, vets say.')).toEqual(
      [],
    )
  })

  it('tells Sudan from South Sudan and North Korea from South Korea', () => {
    expect(codes(tag('South Sudan delays vote', 'South Sudan postponed its election on Friday.'))).toEqual([
      'SS',
    ])
    expect(codes(tag('Sudan ceasefire fails', 'Fighting resumed in Sudan on Friday.'))).toEqual(['SD'])
    expect(codes(tag('North Korea fires missile', 'North Korea launched a missile on Thursday.'))).toEqual([
      'KP',
    ])
    expect(codes(tag('South Korea election', 'South Korea voted on Wednesday.'))).toEqual(['KR'])
  })

  it('tells Dominica from the Dominican Republic', () => {
    expect(
      codes(tag('Storm hits Dominica', 'A storm hit Dominica overnight, its prime minister said.')),
    ).toEqual(['DM'])
    expect(
      codes(tag('Dominican Republic border', 'The Dominican Republic closed its border on Friday.')),
    ).toEqual(['DO'])
  })

  it('does not read Latin American or South American as the United States', () => {
    expect(
      codes(
        tag(
          'Latin American leaders meet in Brazil',
          'South American presidents met in Brazil to discuss trade.',
        ),
      ),
    ).toEqual(['BR'])
    expect(
      codes(
        tag(
          'American troops leave Syria',
          'American soldiers left a base in Syria on Tuesday, officials said.',
        ),
      ),
    ).toEqual(expect.arrayContaining(['SY', 'US']))
  })

  it('reads Washington, the state or the capital, as the United States', () => {
    expect(
      codes(tag('Fires in eastern Washington', 'Wildfires near Spokane, Washington, destroyed 200 homes.')),
    ).toEqual(['US'])
    expect(
      codes(
        tag(
          'Washington and Beijing resume talks',
          'Washington and Beijing agreed to resume trade talks on Friday.',
        ),
      ),
    ).toEqual(expect.arrayContaining(['CN', 'US']))
  })

  it('reads Macedonia as North Macedonia unless the story is in Greece', () => {
    expect(codes(tag('Macedonia protests', 'SKOPJE — Thousands protested in Macedonia on Monday.'))).toEqual([
      'MK',
    ])
    expect(
      codes(
        tag(
          'Fires in northern Greece',
          "Wildfires burned forests in Macedonia, the northern Greek region, and near Thessaloniki on Tuesday, Greece's fire service said.",
        ),
      ),
    ).toEqual(['GR'])
  })

  it("knows Ivory Coast, Côte d'Ivoire, Czechia, the Czech Republic and Holland", () => {
    expect(codes(tag('Ivory Coast cocoa', 'Ivory Coast raised cocoa prices.'))).toEqual(['CI'])
    expect(codes(tag("Côte d'Ivoire vote", "Côte d'Ivoire voted on Saturday."))).toEqual(['CI'])
    expect(codes(tag('Czechia coal', 'Czechia will stop burning coal.'))).toEqual(['CZ'])
    expect(codes(tag('Czech Republic budget', 'The Czech Republic passed a budget.'))).toEqual(['CZ'])
    expect(
      codes(tag('Farmers block roads in Holland', 'Farmers blocked motorways across Holland on Monday.')),
    ).toEqual(['NL'])
    expect(
      codes(tag('Premiere in London', 'LONDON — Tom Holland walked the red carpet in London on Wednesday.')),
    ).toEqual(['GB'])
  })

  it('reads Paris, Texas as Texas and Paris alone as France', () => {
    expect(
      codes(tag('Floods hit Paris, Texas', 'Heavy rain flooded streets in Paris, Texas, on Monday.')),
    ).toEqual(['US'])
    expect(
      codes(tag('Strikes close Paris metro', 'Strikes shut most of the Paris metro on Thursday.')),
    ).toEqual(['FR'])
  })
})

describe('towns and regions', () => {
  it('leads from a town or region to its country when nothing else names one', () => {
    for (const [place, code] of [
      ['Kharkiv', 'UA'],
      ['Donbas', 'UA'],
      ['Darfur', 'SD'],
      ['Mosul', 'IQ'],
      ['Tigray', 'ET'],
      ['Gaza', 'PS'],
    ]) {
      expect(
        codes(
          tag(
            `Shelling hits ${place}`,
            `Shelling hit ${place} overnight, killing three people, officials said.`,
          ),
        ),
        place,
      ).toEqual([code])
    }
  })

  it('counts a small town only when the story is set there', () => {
    expect(
      codes(tag('Two killed in Bucha', 'Two people were killed in Bucha overnight, police said.')),
    ).toEqual(['UA'])
    expect(
      tag('Police said the road was closed', 'Police said the road near the bridge was closed for repairs.'),
    ).toEqual([])
  })

  it('does not read everyday words as towns (As, Nov, Western District)', () => {
    expect(
      tag(
        'Laptop sales slow',
        'As prices rose, sales fell on Nov 8. As a rule, buyers wait. The Western District court was closed.',
      ),
    ).toEqual([])
  })

  it('does not let a repeated small town outweigh a capital (Tottenham, London)', () => {
    const text =
      'Tottenham named a new manager on Wednesday. Negotiations between the London side and the coach ' +
      'were quick. Tottenham said in a statement that it was delighted, and fans in London cheered.'
    expect(codes(tag('Tottenham appoint new manager', text))).toEqual(['GB'])
  })

  it('does not read an acronym as a town (NATO, EU)', () => {
    expect(
      tag('NATO and EU ministers meet', 'NATO and EU ministers met on Tuesday to discuss defence spending.'),
    ).toEqual([])
  })
})

describe('stories about no country', () => {
  it("gives a phone review no country, though it names the maker's home", () => {
    expect(
      tag(
        'Galaxy S30 review: brighter screen',
        'The South Korean company has made its brightest screen yet. The battery lasts five days in our tests.',
      ),
    ).toEqual([])
  })

  it('gives a science explainer and a software release no country', () => {
    expect(
      tag(
        'Why do we dream?',
        'Most dreaming happens during REM sleep. Researchers at a Swiss university found that memory suffers without it.',
      ),
    ).toEqual([])
    expect(
      tag('Firefox 150 released', 'Mozilla released Firefox 150 with tab groups and faster start-up.'),
    ).toEqual([])
  })

  it("does not tag the outlet's own country when it is quoted", () => {
    const tags = tag(
      'Moldova votes on EU path',
      "CHISINAU — Moldovans voted on Sunday. Moldova's president told the Kyiv Independent that votes were bought.",
      { siteName: 'The Kyiv Independent' },
    )
    expect(codes(tags)).toEqual(['MD'])
  })
})

describe('languages', () => {
  it('stems inflected names in Russian, Ukrainian, Polish, Czech and German', () => {
    expect(
      codes(
        tag('Визит', 'Президент Беларуси прибыл в Москву. Польша и Литва выразили протест.', { lang: 'ru' }),
      ),
    ).toEqual(expect.arrayContaining(['BY', 'RU', 'PL', 'LT']))
    expect(codes(tag('Візит', 'Делегація Білорусі прибула до Польщі та Росії.', { lang: 'uk' }))).toEqual(
      expect.arrayContaining(['BY', 'PL', 'RU']),
    )
    expect(
      codes(tag('Wizyta', 'Prezydent Białorusi spotkał się z przedstawicielami Rosji.', { lang: 'pl' })),
    ).toEqual(expect.arrayContaining(['BY', 'RU']))
    expect(codes(tag('Návštěva', 'Prezident Běloruska jednal se zástupci Ruska.', { lang: 'cs' }))).toEqual(
      expect.arrayContaining(['BY', 'RU']),
    )
    expect(
      codes(tag('Besuch', 'Der Präsident Weißrusslands traf Vertreter Russlands.', { lang: 'de' })),
    ).toEqual(expect.arrayContaining(['BY', 'RU']))
  })

  it('does not read German nouns as places (Mann, Römer)', () => {
    const text = 'Ein Mann mit Hut kaufte einen Kindersitz von Britax Römer. Der Mann war zufrieden.'
    expect(tag('Kindersitz im Test', text, { lang: 'de' })).toEqual([])
  })

  it('does not read a small capital that is also a name as its country (Douglas, Victoria)', () => {
    expect(
      tag('Douglas wins the final', 'Douglas and Victoria celebrated after the final on Sunday.'),
    ).toEqual([])
  })

  it('leads from cities written in Cyrillic or Chinese to their country', () => {
    expect(
      codes(tag('Удар по Харкову', 'Троє людей загинули внаслідок удару по Харкову.', { lang: 'uk' })),
    ).toEqual(['UA'])
    expect(
      codes(tag('Обстрел Донецка', 'В Донецке прогремели взрывы, сообщили власти.', { lang: 'ru' })),
    ).toEqual(['UA'])
    expect(codes(tag('上海股市大涨', '上海股市周一大涨百分之三。', { lang: 'zh' }))).toEqual(['CN'])
  })

  it('finds names in Chinese and Japanese text without spaces', () => {
    expect(codes(tag('白俄罗斯总统访问俄罗斯', '白俄罗斯总统周二抵达莫斯科。', { lang: 'zh' }))).toEqual(
      expect.arrayContaining(['BY', 'RU']),
    )
    expect(
      codes(tag('南スーダンで選挙延期', '南スーダン政府は選挙の延期を発表した。', { lang: 'ja' })),
    ).toEqual(['SS'])
  })

  it('reads French, Spanish, Portuguese and Italian names and adjectives', () => {
    expect(
      codes(
        tag('La Biélorussie et la Russie', 'Des soldats russes sont arrivés en Biélorussie.', { lang: 'fr' }),
      ),
    ).toEqual(expect.arrayContaining(['BY', 'RU']))
    expect(
      codes(tag('Venezuela cierra la frontera', 'Miles de venezolanos quedaron varados.', { lang: 'es' })),
    ).toEqual(['VE'])
    expect(
      codes(tag('Brasil e Argentina', 'O Brasil assinou um acordo com a Argentina.', { lang: 'pt' })),
    ).toEqual(expect.arrayContaining(['BR', 'AR']))
    expect(
      codes(
        tag("L'Italia e la Libia", 'Il governo italiano ha firmato un accordo con la Libia.', { lang: 'it' }),
      ),
    ).toEqual(expect.arrayContaining(['IT', 'LY']))
  })
})
