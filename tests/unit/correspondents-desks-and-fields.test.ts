import { describe, expect, it } from 'vitest'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { namesInByline } from '../../src/main/correspondents'
import { extractArticle } from '../../src/main/ingest/extract'
import { bridgeStory } from '../fixtures/correspondents/bridge-story'

/*
 * The classes the last misses on the development part of the real pages
 * (tests/fixtures/correspondents/article-extraction-labels.json) fell into, on pages written like
 * those, never copied from them: an outlet's section signing as its desk, a byline among a CMS's
 * line of fields, a paper's title printed under its reporters' names, an agency closing the story.
 */

/** Who the reader is shown as having written the page, with their kind. */
function creditedOn(
  head: string,
  header: string,
  url = 'https://www.riverpost.example/news/bridge',
  site = 'River Post',
  footer = '',
): string[] {
  const html = `<!doctype html><html><head><title>Bridge to close to lorries</title>
<meta property="og:site_name" content="${site}">${head}</head>
<body><article><h1>Bridge to close to lorries</h1>${header}${bridgeStory}${footer}</article></body></html>`
  const request = { kind: 'html' as const, html, url }
  return withCorrespondents(extractArticle(request), request).correspondents.map(
    (c) => `${c.name} (${c.kind})`,
  )
}

describe('the outlet’s section signing as its desk', () => {
  it.each([
    ['Telegraph Sport', 'https://www.telegraph.co.uk/tennis/bridge', 'The Telegraph'],
    ['River Post Politics', 'https://www.riverpost.example/news/bridge', 'River Post'],
    ['Kurier Kultur', 'https://www.kurier.example/kultur/bridge', 'Kurier'],
  ])('credits %j as the desk, not as the site', (desk, url, site) => {
    expect(creditedOn('', `<div class="byline">${desk}</div>`, url, site)).toEqual([`${desk} (team)`])
  })

  it('credits the desk, never the site’s own name that ends in a section’s word, nor the desk beside a person', () => {
    const on = (byline: string, url: string, site: string): string[] =>
      creditedOn('', `<div class="byline">${byline}</div>`, url, site)
    expect(on('Telegraph Sport', 'https://www.telegraph.co.uk/x', 'The Telegraph')).toEqual([
      'Telegraph Sport (team)',
    ])
    expect(on('Live Science', 'https://www.livescience.example/x', 'Live Science')).toEqual([])
    expect(
      on('By Jill Carter, River Post Politics', 'https://www.riverpost.example/x', 'River Post'),
    ).toEqual(['Jill Carter (person)'])
  })
})

describe('a byline among the fields of a CMS’s information line', () => {
  it.each([
    '05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: bairro, veículos',
    '12/03/2024 - Pubblicato da: Clarissa Borba - Categoria: Cronaca',
  ])('credits the signed field of %j, over a department in the author meta', (line) => {
    const head = '<meta name="author" content="PMJS - Coordenadoria de TI">'
    expect(creditedOn(head, `<p>${line}</p>`)).toEqual(['Clarissa Borba (person)'])
  })

  it('reads the field of a line of fields, never a heading "Published By" or a sentence with dashes', () => {
    expect(namesInByline('Publicado por: Clarissa Borba')).toEqual(['Clarissa Borba'])
    expect(namesInByline('Published By')).toEqual([])
    expect(
      creditedOn('', '<p>Published on Monday - the council says - by the harbour office: more to follow</p>'),
    ).toEqual([])
  })
})

describe('a paper’s title under its reporters’ names', () => {
  it.each(['Sioux Falls Argus Leader', 'The Des Moines Register', 'The Cincinnati Enquirer'])(
    'credits the reporters, not %j',
    (paper) => {
      const header = `<div class="byline-section"><div class="attribution">
<span class="author">Lisa Kaczke and Trevor J. Mitchell</span>
<span class="publication">${paper}</span></div><div class="publish-date">Published 10:02 AM EST Nov 19, 2019</div></div>`
      expect(creditedOn('', header)).toEqual(['Lisa Kaczke (person)', 'Trevor J. Mitchell (person)'])
    },
  )
})

describe('an agency named after the story’s last sentence', () => {
  it('credits the agency a story closes with, beside nobody else', () => {
    const footer = '<p>More flights carrying deportees are expected to land in New Delhi next month. PTI</p>'
    expect(creditedOn('', '', undefined, undefined, footer)).toEqual(['PTI (agency)'])
  })
})
