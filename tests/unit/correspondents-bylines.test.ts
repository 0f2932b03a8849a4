import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  agenciesInDateline,
  creditCorrespondents,
  kindOf,
  namesInByline,
} from '../../src/main/correspondents'
import { bylineLines } from '../../src/main/correspondents/printed-byline'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'
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
    // Credits for other work than writing: translating, editing.
    ['Von:\nAdrian Padeanu\nÜbersetzt von:\nRoland Hildebrandt', ['Adrian Padeanu']],
    ['Reported by Jill Serjeant; Editing by Mark Porter', ['Jill Serjeant']],
    ['Par Claire Martin, traduit par Jean Morel', ['Claire Martin']],
    // The labels of an author's archive link.
    ['View all posts by Daniel Lemire', ['Daniel Lemire']],
    ['Weitere Artikel von Yirou Chen\nAlle Autoren', ['Yirou Chen']],
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
  it('finds a labelled credit near the end, above the photo credits and tags', () => {
    const text = [
      'Die ersten Löschfahrzeuge',
      'Nach dem Krieg wurden die Fahrzeuge aus Altbeständen umgebaut.',
      'Die Wehren der Städte bekamen zuerst neue Drehleitern.',
      'Auf dem Land fuhren die alten Wagen noch zwanzig Jahre.',
      'Die Serie wird fortgesetzt.',
      'Text: Klausmartin Friedrich',
      'Fotos: Helmut Elstrodt, Frank-Hartmut Jäger',
      'Tags: Feuerwehr, Oldtimer',
    ].join('\n\n')
    expect(bylineLines(text)).toEqual(['Text: Klausmartin Friedrich'])
  })

  it('credits the EUToday seed to its team, once, without the bio', () => {
    const text = readFileSync(new URL('../fixtures/eutoday-belarus-russia.txt', import.meta.url), 'utf8')
    const request = { kind: 'text' as const, text, fileName: 'eutoday-belarus-russia.txt' }
    const article = withCorrespondents(extractArticle(request), request)
    expect(article.correspondents).toEqual([{ name: 'EUToday Correspondents', kind: 'team' }])
  })
})

describe('choosing among a page’s signals', () => {
  const credit = (head: string, body: string): string[] =>
    creditCorrespondents({
      document: readPageTree(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document,
      url: 'https://news.example/world/story',
      byline: null,
      text: 'The story.',
      siteName: 'Example News',
    }).map((c) => c.name)

  it('does not add the authors of related stories linked around the page to the byline', () => {
    const jsonLd = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Amelie Nishizawa"}}</script>`
    const related = ['Amelie Nishizawa', 'Chiara Terzuolo', 'Amelie Nishizawa']
      .map(
        (name) => `<div class="story"><a rel="author" href="/author/${name.split(' ')[0]}">${name}</a></div>`,
      )
      .join('')
    expect(credit(jsonLd, `<article><p>The story.</p></article>${related}`)).toEqual(['Amelie Nishizawa'])
  })

  it('still widens to every author one byline prints', () => {
    const jsonLd = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Roland Brockmann"}}</script>`
    const byline = '<p class="byline">Von Roland Brockmann und Sebastian Drescher</p>'
    expect(credit(jsonLd, `<article>${byline}<p>The story.</p></article>`)).toEqual([
      'Roland Brockmann',
      'Sebastian Drescher',
    ])
  })

  it('reads the byline inside a page whose <body> class names its layout ("no-sidebars")', () => {
    const html = `<!doctype html><html><head></head><body class="html not-front no-sidebars"><article>
      <div class="header-info__author"><a href="/page/ophelie-ostermann">Ophélie Ostermann</a></div>
      <p>The story.</p></article></body></html>`
    const credited = creditCorrespondents({
      document: readPageTree(html).document,
      url: 'https://news.example/world/story',
      byline: 'link78',
      text: 'The story.',
      siteName: 'Example News',
    })
    expect(credited.map((c) => c.name)).toEqual(['Ophélie Ostermann'])
  })

  it('credits the paragraph that signs the story at its end, when the extracted text lost it', () => {
    const story = '<p>The talks ran late.</p><p>Neither side would confirm the details.</p>'
    const signed =
      '<p><em>Von <span itemscope itemtype="http://schema.org/Person">Cosima Künzel</span></em></p>'
    expect(credit('', `<article>${story.repeat(4)}${signed}</article>`)).toEqual(['Cosima Künzel'])
    // A signature ends the story; a "Von …" line deep in its middle is something else.
    const middle = `<article>${story.repeat(3)}<p>Von Cosima Künzel</p>${story.repeat(2)}</article>`
    expect(credit('', middle)).toEqual([])
  })

  it('reads the author from twitter:data1 when its label says so in the page’s language', () => {
    const head =
      '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Christoph Hein">'
    expect(credit(head, '<article><p>The story.</p></article>')).toEqual(['Christoph Hein'])
    const reading =
      '<meta name="twitter:label1" content="Geschätzte Lesezeit"><meta name="twitter:data1" content="3 Minuten">'
    expect(credit(reading, '<article><p>The story.</p></article>')).toEqual([])
  })
})
