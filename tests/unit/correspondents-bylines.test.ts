import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agenciesInDateline, kindOf, namesInByline } from '../../src/main/correspondents'
import { extractArticle } from '../../src/main/ingest/extract'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'

describe('cleaning a byline as a reader would', () => {
  it.each([
    ['By JOHN SMITH and Anna Müller in Minsk | Updated 3 March 2024, 12:04', ['John Smith', 'Anna Müller']],
    ['Von Roland Brockmann und Sebastian Drescher', ['Roland Brockmann', 'Sebastian Drescher']],
    ['Par Claire Martin et Jean Morel', ['Claire Martin', 'Jean Morel']],
    [
      'Por Isabel Caro, Rocío Latorre y José Miguel Wilson',
      ['Isabel Caro', 'Rocío Latorre', 'José Miguel Wilson'],
    ],
    ['Av Karin Lindqvist', ['Karin Lindqvist']],
    ['di Giovanni Gaggero', ['Giovanni Gaggero']],
    ['By Martin Luther King, Jr. and Ann Lee', ['Martin Luther King, Jr.', 'Ann Lee']],
    ['Pierre Dupont pierre.dupont@example.fr · 14 commentaires', ['Pierre Dupont']],
    ['James Landale, Diplomatic correspondent', ['James Landale']],
    ['Posted on September 21, 2020 by Adi Tzlil', ['Adi Tzlil']],
    ['E. BARRENECHE / J. I. DA SILVA', ['E. Barreneche', 'J. I. da Silva']],
    ['Автор: Анна Иванова', ['Анна Иванова']],
    ['作者：李华、张伟', ['李华', '张伟']],
    ['Updated 14:05 GMT, 3 March 2024', []],
    ['https://www.facebook.com/someone', []],
    // A surname that is also a job title stays; the same word written as a title goes.
    ['By Anna Reporter', ['Anna Reporter']],
    ['Jane Doe Staff Reporter', ['Jane Doe']],
  ])('reads %j as %j', (raw, names) => {
    expect(namesInByline(raw)).toEqual(names)
  })

  it('tells a person, a team and an agency apart', () => {
    expect(kindOf('Our Foreign Staff')).toBe('team')
    expect(kindOf('EUToday Correspondents')).toBe('team')
    expect(kindOf('Agence France-Presse')).toBe('agency')
    expect(kindOf('dpa')).toBe('agency')
    expect(kindOf('Anna Petrova')).toBe('person')
  })

  it('credits the agency of a wire dateline, and none in ordinary prose', () => {
    expect(agenciesInDateline('NEW YORK (Reuters) - Stocks fell.')).toEqual(['Reuters'])
    expect(agenciesInDateline('VIENNA (AP) — Talks resumed.')).toEqual(['AP'])
    expect(agenciesInDateline('Headline\n\nBerlin (dpa) - Die Regierung…')).toEqual(['dpa'])
    expect(agenciesInDateline('The AP reported that talks resumed (in Vienna) on Monday.')).toEqual([])
  })
})

describe('who wrote a plain-text article', () => {
  it('credits the EUToday seed to its team, once, without the bio', () => {
    const text = readFileSync(new URL('../fixtures/eutoday-belarus-russia.txt', import.meta.url), 'utf8')
    const request = { kind: 'text' as const, text, fileName: 'eutoday-belarus-russia.txt' }
    const article = withCorrespondents(extractArticle(request), request)
    expect(article.correspondents).toEqual([{ name: 'EUToday Correspondents', kind: 'team' }])
  })
})
