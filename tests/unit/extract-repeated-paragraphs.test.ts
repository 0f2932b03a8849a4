import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, newsPage } from '../fixtures/extract-pages'

const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS

function textOf(article: string): string {
  return extractArticle({ kind: 'html', html: newsPage(article), url: null }).text
}

describe('a paragraph printed twice', () => {
  it('is read once when a paywall teaser repeats the body’s first paragraph', () => {
    const text = textOf(`<div class="story-teaser"><p>${first}</p></div>
<div class="story-body"><p>${first}</p><p>${second}</p><p>${third}</p><p>${fourth}</p><p>${fifth}</p></div>`)
    expect(text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('keeps a pull quote that repeats part of a paragraph, and short repeated lines', () => {
    const quote = 'the original design could not withstand the winter storms'
    const text =
      textOf(`<p>${first}</p><h3>The pier</h3><p>${second}</p><blockquote><p>${quote}</p></blockquote>
<p>${third}</p><h3>The pier</h3><p>${fourth}</p><p>${fifth}</p>`)
    expect(text.split('\n\n').filter((line) => line === 'The pier')).toHaveLength(2)
    expect(text.split('\n\n')).toContain(quote)
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph)
  })
})

describe('paragraphs the story itself repeats', () => {
  it('keeps a plan’s entries that recur on later days', () => {
    const meal =
      'Asian chicken zoodles with one cup of zucchini noodles, four ounces of chicken and a spoon of sesame dressing.'
    const day = (n: number): string => `<h3>Day ${n}</h3><p>${meal}</p><p>${STORY_PARAGRAPHS[n] ?? first}</p>`
    const text = textOf(`<p>${first}</p>${day(1)}${day(2)}${day(3)}`)
    expect(text.split('\n\n').filter((line) => line === meal)).toHaveLength(3)
  })
})
