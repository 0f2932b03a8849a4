import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { pageHtml, readCorrespondentPages } from '../helpers/correspondent-pages'

/*
 * Pages of tests/fixtures/correspondents/pages.json written for the page-structure classes read on
 * the development part of trafilatura-eval (docs/correspondents.md): where a page prints its byline
 * without a label or a class that says so. Each must be right, not only the set above its floor;
 * the pages that credit nobody are the look-alikes each class must not credit.
 */
describe('correspondents printed without a label', () => {
  const pages = readCorrespondentPages()

  it.each([
    'closing-bold-signature',
    'closing-right-aligned-signature',
    'closing-strong-signature-es',
    'closing-italic-signature-it',
    'closing-signature-cyrillic',
    'bold-heading-before-list',
    'bold-names-of-an-interview',
    'dated-byline-de',
    'dated-byline-with-time',
    'dated-byline-en',
    'dated-byline-fr',
    'name-then-date-es',
    'dated-byline-it',
    'dated-byline-cyrillic',
    'dated-section-in-capitals',
  ])('credits the exact list on the class page %s', (id) => {
    const page = pages.find((p) => p.id === id)
    expect(page).toBeDefined()
    if (page === undefined) return
    const request = { kind: 'html' as const, html: pageHtml(page), url: page.url }
    const got = withCorrespondents(extractArticle(request), request).correspondents
    expect(got.map(({ name, kind }) => ({ name, kind }))).toEqual(page.expected)
  })
})
