import { describe, expect, it } from 'vitest'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { extractArticle } from '../../src/main/ingest/extract'

/*
 * Two classes of the development part of trafilatura-eval's misses (December 2026): a CMS's first
 * name alone where the same Person's bio gives the full name, and a story the outlet signs itself
 * beside a list of other stories with their own bylines. Pages written like those, never copied.
 */

const story = [
  'Der Gemeinderat hat am Dienstagabend beschlossen, die alte Hafenbrücke ab dem kommenden Frühjahr für Lastwagen zu sperren, nachdem Ingenieure vor dem Verschleiß des Stahlrahmens gewarnt hatten.',
  'Anwohner auf beiden Seiten des Flusses begrüßten die Entscheidung, fürchten aber, dass der Umweg den Schwerverkehr für Jahre durch die engen Gassen der Altstadt führen wird.',
  'Eine neue Brücke ist geplant, doch die Finanzierung steht noch aus, und die ersten Entwürfe sollen nicht vor dem Herbst öffentlich gezeigt werden.',
]
  .map((text) => `<p>${text}</p>`)
  .join('\n')

function creditedOn(head: string, body: string, site = 'Flussbote'): string[] {
  const html = `<!doctype html><html><head><title>Brücke wird für Lastwagen gesperrt</title>
<meta property="og:site_name" content="${site}">${head}</head>
<body>${body}</body></html>`
  const request = { kind: 'html' as const, html, url: 'https://www.flussbote.example/lokales/bruecke' }
  return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
}

const article = (header: string): string =>
  `<article><h1>Brücke wird für Lastwagen gesperrt</h1>${header}${story}</article>`

const graph = (person: Record<string, unknown>): string =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        headline: 'Brücke wird für Lastwagen gesperrt',
        author: { '@id': 'https://www.flussbote.example/#/schema/person/1' },
      },
      { '@type': 'Person', '@id': 'https://www.flussbote.example/#/schema/person/1', ...person },
    ],
  })}</script>`

describe('a first name alone, completed from the same Person’s bio', () => {
  it.each([
    ['a dash', 'Tobias Kleinert - Maschinenbauer, Radfahrer und Projektleiter.', 'Tobias Kleinert'],
    ['"ist"', 'Tobias Kleinert ist Redakteur im Lokalteil und fährt jeden Tag Rad.', 'Tobias Kleinert'],
    ['a particle', 'Tobias von Hagen, Redakteur im Lokalteil.', 'Tobias von Hagen'],
  ])('takes the surname the bio prints after the first name, then %s', (_, description, name) => {
    const header = '<div class="post-author"><a href="/autor/tobias/">Tobias</a></div>'
    expect(creditedOn(graph({ name: 'Tobias', description }), article(header))).toEqual([name])
  })

  it('keeps the first name when the bio goes on as a sentence', () => {
    const header = '<div class="post-author"><a href="/autor/tobias/">Tobias</a></div>'
    const description = 'Tobias schreibt seit Jahren über Brücken und Radwege in der Stadt.'
    expect(creditedOn(graph({ name: 'Tobias', description }), article(header))).toEqual(['Tobias'])
  })

  it('keeps the first name when the bio is about someone else', () => {
    const header = '<div class="post-author"><a href="/autor/tobias/">Tobias</a></div>'
    const description = 'Mit Anna Berger - Fotografin - unterwegs in der Stadt.'
    expect(creditedOn(graph({ name: 'Tobias', description }), article(header))).toEqual(['Tobias'])
  })
})

describe('the outlet signing its own story beside a list of other stories', () => {
  const list = ['Elena Kurz', 'Heiko Mittler', 'Manuel Glaser']
    .map(
      (name, i) =>
        `<div class="post-item"><h3><a href="/lokales/${i}">Weitere Meldung ${i}</a></h3><span class="author-name">${name}</span></div>`,
    )
    .join('')

  it('credits nobody when the story’s byline is the outlet and the other bylines name others', () => {
    const header = '<div class="author-name">Flussbote</div>'
    expect(creditedOn('', `${article(header)}<div class="more-posts">${list}</div>`)).toEqual([])
  })

  it('credits nobody in French either (", par Attac Bretagne" then the list)', () => {
    const header = '<div class="auteur">, par <a href="/auteur/attac">Attac Bretagne</a></div>'
    expect(
      creditedOn('', `${article(header)}<div class="more-posts">${list}</div>`, 'Attac Bretagne'),
    ).toEqual([])
  })

  it('still credits the story’s own signed person above such a list', () => {
    const header = '<div class="author-name">Jana Winter</div>'
    expect(creditedOn('', `${article(header)}<div class="more-posts">${list}</div>`)).toEqual(['Jana Winter'])
  })
})

describe('a first name alone, completed from the byline in the story’s own sidebar', () => {
  const sidebar = (name: string): string =>
    `<section class="cc--article-sidebar" aria-label="Article Sidebar"><div class="full-name-wrapper">
<div class="f--field"><p class="label"><strong>By</strong></p></div><!-- f--field f--text -->
<div class="f--field"><p class="full-name">${name}</p></div><!-- f--field f--text --></div>
<div class="date-wrapper"><div class="f--field"><p class="label"><strong>Date</strong></p></div>
<div class="f--field"><p class="date">5. Februar 2020</p></div></div></section>`

  it('gives the CMS’s "Tobias" the full name the sidebar prints after "By"', () => {
    const ldTobias = graph({ name: 'Tobias' })
    expect(creditedOn(ldTobias, `${article('')}${sidebar('Tobias Kleinert')}`)).toEqual(['Tobias Kleinert'])
  })

  it('leaves the first name alone when the sidebar names someone else', () => {
    const ldTobias = graph({ name: 'Tobias' })
    expect(creditedOn(ldTobias, `${article('')}${sidebar('Anna Berger')}`)).toEqual(['Tobias'])
  })
})

describe('the author meta of a page that is no article', () => {
  const staticPage = (meta: string, main: string): string[] => {
    const html = `<!doctype html><html><head><title>Baumgutachten</title>
<meta name="author" content="${meta}"></head>
<body><div id="main"><h1>Baumgutachten</h1>${main}${story}${story}${story}</div>
<div id="fuss">Büro Brandt · Lüder Brandt · Hauptstraße 4 · Impressum</div></body></html>`
    const request = { kind: 'html' as const, html, url: 'http://www.buero-brandt.example/gutachten.htm' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it('credits nobody from the site owner’s meta on a static page', () => {
    expect(staticPage('Lüder Brandt', '')).toEqual([])
  })

  it('still credits what such a page prints as its byline', () => {
    expect(staticPage('Lüder Brandt', '<p class="byline">Von Anna Berger</p>')).toEqual(['Anna Berger'])
  })

  it('still credits the author meta of a page marked as an article', () => {
    const head = '<meta name="author" content="Lüder Brandt">'
    expect(creditedOn(head, `${article('')}<div>Lüder Brandt</div>`)).toEqual(['Lüder Brandt'])
  })
})

describe('a byline Readability read from the site’s footer', () => {
  const page = (inStory: string, footer: string): string[] => {
    const html = `<!doctype html><html><head><title>Korsetts online kaufen</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Mieder-Mode"></head>
<body><div id="page"><article><h1>Korsetts online kaufen</h1>${story}${inStory}</article></div>
<footer class="site-info"><ul class="links"><li><a href="/impressum">Impressum</a></li>${footer}</ul></footer></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://mieder-mode.example/korsetts/' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it('credits nobody for the owner’s profile link printed on every page', () => {
    const footer =
      '<li class="last"><a href="https://profiles.example/1158" rel="author">Zoe Delacroix</a></li>'
    expect(page('', footer)).toEqual([])
  })

  it('still credits the byline in the footer of the story’s own <article>', () => {
    const own =
      '<footer class="entry-meta">von <span class="author vcard"><a rel="author" href="/author/mb/">Mathias Berg</a></span></footer>'
    expect(page(own, '')).toEqual(['Mathias Berg'])
  })
})

describe('a byline in a <footer> of the story’s <main>, outside any <article>', () => {
  // The Telegraph's kind of markup: the headline and a <footer class="article-author"> under it in
  // a <main> marked up as the Article, the story's text in an <article> of its own after them.
  const page = (byline: string, teaser = ''): string[] => {
    const html = `<!doctype html><html><head><title>Brücke wird für Lastwagen gesperrt</title>
<meta property="og:site_name" content="Flussbote"></head>
<body><main itemscope itemtype="https://schema.org/NewsArticle"><header><h1>Brücke wird für Lastwagen gesperrt</h1></header>
${byline}<article itemprop="articleBody">${story}</article>${teaser}</main>
<footer class="site-footer"><a href="/impressum">Impressum</a></footer></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://www.flussbote.example/lokales/bruecke' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it('credits the name in that footer', () => {
    const footer =
      '<footer class="article-author"><div class="byline"><span class="byline__author-name" itemprop="author"><a href="/autoren/lena-hart/">Lena Hart</a></span></div></footer>'
    expect(page(footer)).toEqual(['Lena Hart'])
  })

  it('credits nobody for a name in a teaser’s footer further down that <main>', () => {
    const teaser =
      '<section class="teaser-list"><div class="teaser"><h3><a href="/andere">Neue Buslinie</a></h3><footer class="teaser-meta"><span class="byline__author-name"><a href="/autoren/jan-roth/">Jan Roth</a></span></footer></div></section>'
    expect(page('', teaser)).toEqual([])
  })
})
