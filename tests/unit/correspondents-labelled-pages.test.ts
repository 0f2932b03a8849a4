import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { creditedOn, pageHtml, readCorrespondentPages } from '../helpers/correspondent-pages'

/*
 * The labelled pages of tests/fixtures/correspondents/: several authors, agencies in bylines and
 * datelines, shouted names, dates and places in bylines, JSON-LD graphs, non-Latin names, and pages
 * with no author at all. A page counts only when the whole list (names, order and kinds) is right.
 * The floor sits below the measured figure (docs/benchmarks.md) to leave room, not regressions.
 */
const FLOORS = { pages: 0.9, 'held-out': 0.8 } as const

describe('correspondents on the labelled pages', () => {
  const pages = readCorrespondentPages()

  it.each(['pages', 'held-out'] as const)(
    'credits the exact list of correspondents on the %s set above its floor',
    (set) => {
      const pages = readCorrespondentPages(set)
      const misses: string[] = []
      for (const page of pages) {
        const request = { kind: 'html' as const, html: pageHtml(page), url: page.url }
        const got = withCorrespondents(extractArticle(request), request).correspondents
        const shown = (list: { name: string; kind: string }[]): string =>
          list.map((c) => `${c.name} (${c.kind})`).join('; ') || '(none)'
        if (shown(got) !== shown(page.expected)) {
          misses.push(`${page.id}: expected ${shown(page.expected)}, got ${shown(got)}`)
        }
      }
      const exact = (pages.length - misses.length) / pages.length
      console.info(
        `correspondents (${set}): ${pages.length} labelled pages, exact ${exact.toFixed(3)}` +
          (misses.length > 0 ? `\n  ${misses.join('\n  ')}` : ''),
      )
      expect(exact).toBeGreaterThanOrEqual(FLOORS[set])
    },
  )

  // Pages written for the miss classes read on the development part of trafilatura-eval
  // (docs/correspondents.md): each must be right, not only the set above its floor.
  it.each([
    'layout-class-on-body',
    'label-element-strong',
    'label-element-heading-agency-mark',
    'label-in-own-block',
    'label-before-line-breaks',
    'printed-article-by-in-block',
    'printed-column-by-beats-first-name',
    'signed-at-the-end',
    'editor-label-not-author',
    'signed-over-posting-account',
    'signed-over-meta-author',
    'account-kept-when-signatures-disagree',
    'layout-sidebar-class-around-story',
    'layout-content-sidebar-wrap',
    'teaser-header-holds-headline',
    'outlet-desk-beside-person',
    'outlet-desk-before-outlet-name',
    'degrees-after-names',
    'company-address-in-author-meta',
    'country-in-author-meta',
    'anonymous-json-ld',
    'inverted-citation-author',
    'ja-title-and-place-around-name',
    'ja-title-before-name',
    'ko-agency-dateline-and-gija',
    'zh-our-reporters-spaced',
    'zh-agency-reporter-meta',
    'zh-editor-is-not-author',
    'ar-two-names-joined-waw',
    'ar-agency-in-arabic',
    'ru-shouted-surname',
    'fr-shouted-surname-particle',
    'en-arabic-particle-in-json-ld',
    'en-for-the-outlet',
    'es-lower-case-typed-name',
    'es-agency-and-its-place',
    'it-our-envoy',
    'de-handle-is-nobody',
    'fr-foundation-is-nobody',
    'en-place-and-title-after-name',
    'de-organisation-and-its-acronym',
    'en-reference-list-is-not-byline',
    'de-copyright-in-creator',
  ])('credits the exact list on the class page %s', (id) => {
    const page = pages.find((p) => p.id === id)
    expect(page).toBeDefined()
    if (page === undefined) return
    expect(creditedOn(page)).toEqual(page.expected)
  })

  it('has pages without an author, so an empty list is tested too', () => {
    expect(pages.filter((page) => page.expected.length === 0).length).toBeGreaterThanOrEqual(4)
  })
})
