import { describe, expect, it } from 'vitest'
import { extractInNewsPage, STORY_PARAGRAPH_ELEMENTS, STORY_PARAGRAPHS } from '../fixtures/extract-pages'

/*
 * A caption printed in a bare box of its own (`<div class="dida">`, `<div class="caption">`, a
 * line of text and nothing else) is a caption in the copy too: kept in the HTML, out of the text.
 * Readability rebuilds such a box as a new paragraph without its class, which made it story text.
 * A bare box of story text stays story text.
 */

const [first, second, third, fourth, fifth] = STORY_PARAGRAPH_ELEMENTS

describe('captions in bare boxes', () => {
  it.each([
    ['dida', 'Grafico dei passeggeri del traghetto nel 2019'],
    ['image-caption', 'The northern pier after the storm of January'],
    ['legende', 'La jetée après la tempête de janvier'],
  ])('keeps a <div class="%s"> line out of the text and in the HTML', (name, caption) => {
    const article = extractInNewsPage(
      `${first}${second}<div class="photo"><img src="/pier.jpg" alt=""><div class="${name}">${caption}</div></div>${third}${fourth}${fifth}`,
    )
    expect(article.text).not.toContain(caption)
    expect(article.html).toContain(caption)
    for (const paragraph of STORY_PARAGRAPHS) expect(article.text).toContain(paragraph)
  })

  it('keeps a bare box of story text in the text', () => {
    const sentence =
      'The harbour master added that the old terminal would stay open until the last day, so that no crossing is lost.'
    const article = extractInNewsPage(
      `${first}${second}<div class="text-block">${sentence}</div>${third}${fourth}${fifth}`,
    )
    expect(article.text).toContain(sentence)
  })
})
