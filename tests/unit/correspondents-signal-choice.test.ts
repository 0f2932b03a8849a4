import { describe, expect, it } from 'vitest'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { extractArticle } from '../../src/main/ingest/extract'
import { bridgeStory } from '../fixtures/correspondents/bridge-story'

/*
 * Which signal a reader's credit is read from, in the classes the misses on the development part of
 * the real pages (tests/fixtures/correspondents/article-extraction-labels.json) fell into: the names
 * a reader credits, from pages written like those, never copied from them.
 */

function creditedOn(
  head: string,
  header: string,
  url = 'https://www.riverpost.example/news/bridge',
  site = 'River Post',
): string[] {
  const html = `<!doctype html><html><head><title>Bridge to close to lorries</title>
<meta property="og:site_name" content="${site}">${head}</head>
<body><article><h1>Bridge to close to lorries</h1>${header}${bridgeStory}</article></body></html>`
  const request = { kind: 'html' as const, html, url }
  return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
}

const ld = (author: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge to close to lorries', author })}</script>`

describe('choosing the signal a reader credits', () => {
  it('reads no script code inside a byline element as a name', () => {
    const header =
      '<div class="post-autor"><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>'
    expect(creditedOn('', header)).toEqual([])
  })

  it.each([
    [
      'a link to the archive',
      '<div class="author-info"><b>Marcus Lindqvist</b><br><a href="/a">View More Articles</a></div>',
    ],
    ['a job title', '<div class="author-name">Marcus Lindqvist<br>Senior Contributor</div>'],
    ['the date', '<div class="byline">Marcus Lindqvist<div>November 19th, 2019 at 8:40 AM</div></div>'],
    [
      'share buttons',
      '<div class="byline">Marcus Lindqvist<div>Share This Article</div><a href="#">Email</a></div>',
    ],
  ])('does not widen a structured author by %s on its own line of the byline', (_, header) => {
    expect(creditedOn(ld({ '@type': 'Person', name: 'Marcus Lindqvist' }), header)).toEqual([
      'Marcus Lindqvist',
    ])
  })

  it('still widens a structured first author by the others printed on the byline line', () => {
    const header =
      '<div class="byline">By Marcus Lindqvist and Helen Okafor<div>November 19th, 2019</div></div>'
    expect(creditedOn(ld({ '@type': 'Person', name: 'Marcus Lindqvist' }), header)).toEqual([
      'Marcus Lindqvist',
      'Helen Okafor',
    ])
  })

  it('widens by names linked one after another, as touching links print', () => {
    const header =
      '<div class="byline">By <a href="/a/1">Marcus Lindqvist</a>, <a href="/a/2">Helen Okafor</a><time>2019-11-18</time></div>'
    expect(creditedOn(ld({ '@type': 'Person', name: 'Marcus Lindqvist' }), header)).toEqual([
      'Marcus Lindqvist',
      'Helen Okafor',
    ])
  })

  it.each([
    ['a job title run on', '<p class="byline">By: Marcus Lindqvist Business Columnist</p>'],
    ['a link to their stories', '<p class="byline">Reporter: Marcus Lindqvist\'s Most Recent Stories</p>'],
  ])('keeps the structured name when the signed byline prints it with %s', (_, header) => {
    expect(creditedOn(ld({ '@type': 'Person', name: 'Marcus Lindqvist' }), header)).toEqual([
      'Marcus Lindqvist',
    ])
  })

  it.each([
    ['By ROBERT BURNS, AP National Security Writer', ['Robert Burns', 'AP']],
    ['By TOM KRISHER, AP Auto Writer', ['Tom Krisher', 'AP']],
    ['By Lena Hart, Reuters Health', ['Lena Hart', 'Reuters']],
  ])('credits the agency whose desk a byline names beside the person: %s', (byline, names) => {
    expect(creditedOn(ld({ '@type': 'Person', name: byline }), '')).toEqual(names)
  })

  it('credits no agency for a given name spelt like one', () => {
    expect(creditedOn(ld({ '@type': 'Person', name: 'Ap Dijksterhuis' }), '')).toEqual(['Ap Dijksterhuis'])
  })

  it("reads the outlet's desk beside a person as their affiliation, under a short name too", () => {
    const head = '<meta name="author" content="Jill Carter, RPN Business">'
    const byline = '<p class="byline">By Jill Carter, RPN Business</p>'
    expect(creditedOn(head, byline, 'https://www.rpn.example/news/bridge', 'RPN')).toEqual(['Jill Carter'])
  })

  it('reads a printed byline with the date run on after the name', () => {
    const header =
      '<p class="article__meta">By <a href="/staff/lena-hart/">Lena Hart</a> on Monday, November 18th, 2019 at 11:04 a.m.</p>'
    expect(creditedOn('', header)).toEqual(['Lena Hart'])
  })

  it("credits nobody from a search form's sort-by links", () => {
    const header =
      '<div id="edit-sort-by" class="form-select"><div><a href="/search">Relevance</a></div><div><a href="/search?sort_by=title">Title</a></div><div><a href="/search?sort_by=date">Date</a></div></div>'
    expect(creditedOn('', header)).toEqual([])
  })

  it('credits the agency of a dateline printed under the byline, the date and a picture count', () => {
    const head = ld({ '@type': 'Person', name: 'JANIE HAR' })
    const html = `<!doctype html><html><head><title>Power cut</title>${head}</head><body><article><h1>Power cut</h1>
<p>JANIE HAR</p><p>Nov. 20, 2019 Updated: Nov. 20, 2019 1:35 a.m.</p><p>4</p>
<p>SAN FRANCISCO (AP) — The utility was set to begin shutting off power on Wednesday to some 375,000 people in 18 counties.</p>${bridgeStory}</article></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://www.valleytimes.example/news/power' }
    const credited = withCorrespondents(extractArticle(request), request).correspondents
    expect(credited.map((c) => `${c.name} (${c.kind})`)).toEqual(['Janie Har (person)', 'AP (agency)'])
  })

  const long = `${bridgeStory}\n${bridgeStory}\n${bridgeStory}`
  const yoast = (name: string): string =>
    `<script type="application/ld+json">${JSON.stringify({
      '@graph': [
        {
          '@type': 'Article',
          headline: 'Bridge to close to lorries',
          author: { '@id': '#/schema/person/1' },
        },
        { '@type': 'Person', '@id': '#/schema/person/1', name },
      ],
    })}</script>`
  const page = (head: string, header: string): string[] => {
    const html = `<!doctype html><html><head><title>Bridge</title>${head}</head><body><article><h1>Bridge to close to lorries</h1>${header}${long}</article></body></html>`
    const request = { kind: 'html' as const, html, url: 'https://www.riverpost.example/news/bridge' }
    return withCorrespondents(extractArticle(request), request).correspondents.map((c) => c.name)
  }

  it('credits nobody for a CMS account the page never prints', () => {
    expect(page(yoast('Josh'), '')).toEqual([])
    expect(page('<meta name="author" content="RPNWEB">', '')).toEqual([])
  })

  it('still credits a structured author the page prints, and the signature it prints instead', () => {
    expect(
      page(yoast('Josh Reed'), '<p>Posted on 3 May 2024</p><div class="bio">About Josh Reed</div>'),
    ).toEqual(['Josh Reed'])
    expect(page(yoast('Josh'), '<p class="byline">By Helen Okafor</p>')).toEqual(['Helen Okafor'])
  })

  it('completes a first name alone from the JSON-LD familyName', () => {
    const head = ld({ '@type': 'Person', name: 'Helen', givenName: 'Helen', familyName: 'Okafor' })
    expect(creditedOn(head, '')).toEqual(['Helen Okafor'])
  })
})
