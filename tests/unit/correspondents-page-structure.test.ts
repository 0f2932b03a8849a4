import { describe, expect, it } from 'vitest'
import { creditedOn, readCorrespondentPages } from '../helpers/correspondent-pages'

/*
 * Pages of tests/fixtures/correspondents/pages.json written for the page-structure classes read on
 * the development part of trafilatura-eval (docs/correspondents.md): bylines printed without a label
 * or a class that says so, a story framed by a block named like a widget, a review's data sheet.
 * Each must be right, not only the set above its floor; the pages that credit nobody are the
 * look-alikes each class must not credit.
 */
describe('correspondents read from the page structure', () => {
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
    'story-in-widget-frame-en',
    'story-in-widget-frame-de',
    'story-in-widget-frame-fr',
    'story-in-widget-frame-es',
    'book-sheet-author-de',
    'book-sheet-author-en',
    'book-sheet-author-fr',
    'book-sheet-author-it',
    'byline-among-fields',
  ])('credits the exact list on the class page %s', (id) => {
    const page = pages.find((p) => p.id === id)
    expect(page).toBeDefined()
    if (page === undefined) return
    expect(creditedOn(page)).toEqual(page.expected)
  })
})
