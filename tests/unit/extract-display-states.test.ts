import { describe, expect, it } from 'vitest'
import { neutraliseDisplayStates } from '../../src/main/ingest/extract/boilerplate'
import { parseWithLinkedom } from '../../src/main/ingest/extract/page-tree'

/*
 * Drupal prints `field--label-hidden` on nearly every field, and Readability reads "hidden" in a
 * class as a mark against the box: a story split into Drupal "paragraphs" entities, each a field
 * with a hidden label, was dropped for a teaser beside it. Inside a paragraphs field the token is
 * taken off; an element that is hidden stays so, and fields elsewhere keep it.
 */

describe('display states in class names', () => {
  it('takes the hidden-label token off inside a Drupal paragraphs field only', () => {
    const body = parseWithLinkedom(
      `<div id="p" class="field field--name-field-paragraphs field--type-entity-reference-revisions field--label-hidden">
<div class="paragraph paragraph--type--text"><div id="f" class="field field--name-field-text field--label-hidden"></div></div>
<div id="h" class="hidden visually-hidden sr-only"></div></div>
<div id="o" class="field field--name-body field--label-hidden"></div>`,
    ).body
    if (body === null) throw new Error('no body')
    neutraliseDisplayStates(body)
    expect(body.querySelector('#p')?.getAttribute('class')).toBe(
      'field field--name-field-paragraphs field--type-entity-reference-revisions',
    )
    expect(body.querySelector('#f')?.getAttribute('class')).toBe('field field--name-field-text')
    expect(body.querySelector('#h')?.getAttribute('class')).toBe('hidden visually-hidden sr-only')
    // Outside a paragraphs field the token is left: it helps Readability leave sidebar fields out.
    expect(body.querySelector('#o')?.getAttribute('class')).toBe('field field--name-body field--label-hidden')
  })
})
