import { describe, expect, it } from 'vitest'
import { creditCorrespondents } from '../../src/main/correspondents'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'

/*
 * A byline printed without a class is looked for in the story's first six paragraphs (and what
 * stands before them) and in its last two. Only paragraphs a reader sees as the story's count:
 * empty ones and those in asides, footers or comments do not move the window.
 */

const credit = (head: string, body: string): string[] =>
  creditCorrespondents({
    document: readPageTree(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document,
    url: 'https://news.example/world/story',
    byline: null,
    text: 'The story.',
    siteName: 'Example News',
  }).map((c) => c.name)

const story = (count: number): string =>
  Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} of the talks that ran late.</p>`).join('')
const signed = '<p>Von Cosima Künzel</p>'

describe('where a printed byline is looked for', () => {
  it('in the sixth paragraph, not in the seventh', () => {
    expect(credit('', `<article>${story(5)}${signed}${story(5)}</article>`)).toEqual(['Cosima Künzel'])
    expect(credit('', `<article>${story(6)}${signed}${story(5)}</article>`)).toEqual([])
  })

  it('counting neither empty paragraphs nor those of an aside or a comment box', () => {
    const around =
      '<p> </p><aside><p>Related: the earlier round.</p></aside><div class="comments"><p>Me too.</p></div>'
    expect(credit('', `<article>${story(5)}${around}${around}${signed}${story(5)}</article>`)).toEqual([
      'Cosima Künzel',
    ])
  })

  it('in the last two paragraphs of the story, not in the comments after it', () => {
    const comments = '<div class="comment-list"><p>Great piece.</p><p>Thanks for this.</p></div>'
    expect(credit('', `<article>${story(9)}${signed}${comments}</article>`)).toEqual(['Cosima Künzel'])
    expect(credit('', `<article>${story(9)}${signed}${story(2)}</article>`)).toEqual([])
  })

  it('reads author meta tags whatever the case and spacing of their names', () => {
    expect(credit('<meta property=" Article:Author " content="Jill Serjeant">', story(2))).toEqual([
      'Jill Serjeant',
    ])
  })
})
