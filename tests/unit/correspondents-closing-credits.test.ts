import { describe, expect, it } from 'vitest'
import { creditedOn, readCorrespondentPages } from '../helpers/correspondent-pages'

/*
 * Pages of tests/fixtures/correspondents/pages.json written for the classes of the author-box round
 * (docs/correspondents.md): an author box at the story's end (by its class or its heading, in
 * several languages and CMSs), a labelled signature closing the story, a personal site whose
 * publisher is its owner, a picture's credit printed where the theme prints bylines. Each must be right; the pages that credit nobody, or the byline, are the
 * look-alikes each class must leave alone.
 */
describe('correspondents read from author boxes and closing credits', () => {
  const pages = readCorrespondentPages()

  it.each([
    'author-box-wordpress-en',
    'author-box-heading-de',
    'author-box-drupal-fr',
    'author-box-about-es',
    'author-box-about-name-it',
    'author-box-loses-to-byline',
    'author-boxes-of-a-team',
    'author-box-head-not-a-name',
    'closing-labelled-signature-de',
    'closing-labelled-signature-en',
    'closing-labelled-photo-credit',
    'person-publisher-blog',
    'organisation-publisher-as-author',
    'photo-credit-in-author-class',
    'author-link-to-profile-photo-page',
  ])('credits the exact list on the class page %s', (id) => {
    const page = pages.find((p) => p.id === id)
    expect(page).toBeDefined()
    if (page === undefined) return
    expect(creditedOn(page)).toEqual(page.expected)
  })
})
