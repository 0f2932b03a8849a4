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
    ['Ein Kommentar von Anna Schmidt', ['Anna Schmidt']],
    ['本报记者 王小明 通讯员 李华', ['王小明', '李华']],
    ['文｜王小明', ['王小明']],
    ['作者：王小明 来源：新华网', ['王小明']],
    ['日本経済新聞社', []],
    ['山田 太郎', ['山田 太郎']],
    ['文在寅', ['文在寅']],
    ['ジョン・スミス', ['ジョン・スミス']],
    ['Anna Schmidt, Universität Wien', ['Anna Schmidt']],
    ['Redaktion Süddeutsche Zeitung', ['Redaktion Süddeutsche Zeitung']],
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
    // A connector inside a headline-like sentence ("impactó a …") joins no names.
    ['Karen Doggenweiler sorprendió con radical cambio de look: impactó a Mauricio Pinilla', []],
    ['Auteur : Kossivi Tiassou\nEdition : Marie-Ange Pioerron', ['Kossivi Tiassou']],
    ['Text & Fotos: Ivan Valetny', ['Ivan Valetny']],
    // Accounts and labels that are nobody's name, in several languages.
    ['Super User', []],
    ['publisher', []],
    ['Фото', []],
    // A desk's credit whose "and" joins no names.
    ['By Staff and agencies', ['Staff and agencies']],
    ['STAFF AND NEWS SERVICE REPORTS', ['Staff and news service reports']],
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

  describe('the outlet is never a correspondent', () => {
    const creditOn = (site: string, url: string, head: string, body: string, text = 'The story.'): string[] =>
      creditCorrespondents({
        document: readPageTree(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`)
          .document,
        url,
        byline: null,
        text,
        siteName: site,
      }).map((c) => c.name)
    const author = (name: string, type = 'Person'): string =>
      `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"${type}","name":"${name}"},"publisher":{"@type":"Organization","name":"Lübecker Nachrichten"}}</script>`

    it('not under the short name its site name begins with ("LN - Lübecker Nachrichten")', () => {
      const body = '<article><p>The story.</p></article>'
      expect(creditOn('LN - Lübecker Nachrichten', 'https://www.ln-online.de/a', author('LN'), body)).toEqual(
        [],
      )
    })

    it('not when a byline equal to the publisher’s name is marked up as a Person', () => {
      const body = '<article><p class="byline">By Lübecker Nachrichten</p><p>The story.</p></article>'
      expect(creditOn('LN Online', 'https://news.example/a', author('Lübecker Nachrichten'), body)).toEqual(
        [],
      )
    })

    it('but the person a blog is named for is its author ("Daniel Lemire’s blog")', () => {
      const body =
        '<article><a rel="author" href="/author/lemire">Daniel Lemire</a><p>The story.</p></article>'
      expect(creditOn("Daniel Lemire's blog", 'https://lemire.me/blog/a', '', body)).toEqual([
        'Daniel Lemire',
      ])
    })

    it('and the agency of a dateline on the agency’s own site is the outlet', () => {
      const text = 'LOS ANGELES (Reuters) - The film scored an upset win on Sunday.'
      const head = '<meta name="author" content="Jill Serjeant">'
      expect(creditOn('Reuters', 'https://www.reuters.com/article/a', head, '<p>x</p>', text)).toEqual([
        'Jill Serjeant',
      ])
    })

    it('and the places after its name are not people ("hessenschau.de, Frankfurt, Germany")', () => {
      const head = '<meta name="author" content="hessenschau.de, Frankfurt, Germany">'
      expect(creditOn('hessenschau.de', 'https://www.hessenschau.de/a', head, '<p>x</p>')).toEqual([])
    })
  })

  it('does not read a search form’s "Von:" date filter as a byline label', () => {
    const form =
      '<form class="search"><span>Von:</span> <input name="from"> <span>Erweiterte Suche</span></form>'
    expect(credit('', `${form}<article><p>The story.</p></article>`)).toEqual([])
  })

  it('finds a printed byline above the <article> that holds the story’s text', () => {
    const above = '<div class="metaInfo">Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022</div>'
    expect(credit('', `${above}<article><p>The story.</p></article>`)).toEqual(['Pamela Sladky'])
  })

  it('widens a first name to its byline’s full names only, not to the section beside it', () => {
    const jsonLd = `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Stefanus"}}</script>`
    const byline = '<div class="author-meta">Stefanus<br>26. Januar 2022<br>Werkstatt<br>120</div>'
    expect(credit(jsonLd, `<article>${byline}<p>The story.</p></article>`)).toEqual(['Stefanus'])
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
