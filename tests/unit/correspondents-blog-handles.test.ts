import { describe, expect, it } from 'vitest'
import { creditCorrespondents } from '../../src/main/correspondents'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'

/** Who a reader credits on a page served at `url` under the site name `site`. */
const creditOn = (site: string | null, url: string, body: string, head = ''): string[] =>
  creditCorrespondents({
    document: readPageTree(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document,
    url,
    byline: null,
    text: 'The story, told at some length.',
    siteName: site,
  }).map((c) => c.name)

describe('a blog whose owner signs with the word of its address', () => {
  it('credits the handle linked to its author page ("Creeny" on creeny.wordpress.com)', () => {
    const body =
      '<article><span class="byline">von <span class="author vcard"><a class="url fn n" rel="author" href="https://creeny.wordpress.com/author/creeny/">Creeny</a></span></span><p>Heute möchte ich nicht auf der Couch einnicken.</p></article>'
    expect(
      creditOn('Das Leben, der Meister und ich...', 'https://creeny.wordpress.com/2020/01/24/a/', body),
    ).toEqual(['Creeny'])
  })

  it('credits a signed handle the address contains ("vom Krimiblogger" on krimiblog.de)', () => {
    const body =
      '<article><h3>Das Musikvideo</h3><h4 class="vcard author">vom <span class="fn">Krimiblogger</span></h4><p>Okay, hat wieder nichts mit Krimi zu tun.</p></article>'
    expect(creditOn('archiv.krimiblog.de', 'https://archiv.krimiblog.de/2895', body)).toEqual([
      'Krimiblogger',
    ])
  })

  it('credits the one word a possessive site name names when it signs ("Mywakenews\'s Blog")', () => {
    const body =
      '<article><span class="byline">von <a rel="author" href="https://mywakenews.wordpress.com/author/mywakenews/">mywakenews</a></span><p>For all who want to wake up.</p></article>'
    expect(creditOn("Mywakenews's Blog", 'https://mywakenews.wordpress.com/2016/07/09/a/', body)).toEqual([
      'mywakenews',
    ])
  })

  it('but not the outlet named by its site name, even when signed ("von Telebasel")', () => {
    const body =
      '<article><p class="byline">von <a rel="author" href="/author/telebasel/">Telebasel</a></p><p>Die Polizei meldet einen Unfall.</p></article>'
    expect(creditOn('Telebasel', 'https://telebasel.ch/2019/10/19/a/', body)).toEqual([])
  })

  it('nor a bare word of the address printed without a label or an author link', () => {
    const body =
      '<article><p class="byline">Krimiblog-Archiv</p><p>Okay, hat wieder nichts mit Krimi zu tun.</p></article>'
    expect(creditOn('archiv.krimiblog.de', 'https://archiv.krimiblog.de/2895', body)).toEqual([])
  })
})
