import { describe, expect, it } from 'vitest'
import { extractInNewsPage, STORY_PARAGRAPHS } from '../fixtures/extract-pages'

/*
 * Pointers to other pages that are made of headings, or that a link wraps whole, and headings that
 * are left heading nothing at the end of the story. None has a word to match: the signals are the
 * shape (a heading that is all one link, in a list item or over no text of its own; a block inside
 * a card-sized link) and the position (the last block of the copy), so the same markup in any
 * language goes.
 */

const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS

function paragraphsOf(article: string): string[] {
  return extractInNewsPage(article).text.split('\n\n')
}

describe('headlines of other stories printed as linked headings', () => {
  it('drops "read more" list items made of a linked heading between the paragraphs', () => {
    const article = `<p>${first}</p><p>${second}</p>
<ul><li><h4><a href="/news/2026/ferry-prices">Ferry prices will rise again next spring, operator says</a></h4></li></ul>
<p>${third}</p>
<ul><li><h4><a href="/news/2026/bus-lines">새 버스 노선이 섬 북쪽에 생긴다</a></h4></li></ul>
<p>${fourth}</p><p>${fifth}</p>`
    const text = extractInNewsPage(article).text
    expect(text).not.toContain('Ferry prices will rise again')
    expect(text).not.toContain('새 버스 노선')
    expect(paragraphsOf(article)).toEqual(STORY_PARAGRAPHS)
  })

  it('drops a linked headline that heads only another link', () => {
    const article = `<p>${first}</p><p>${second}</p><p>${third}</p>
<h3><a href="/news/2026/choir">Le chœur de la vieille ville chante pour le port</a></h3>
<p><a href="/news/2026/choir-video">La vidéo du concert donné sur le quai nord samedi soir</a></p>
<p>${fourth}</p><p>${fifth}</p>`
    expect(extractInNewsPage(article).text).not.toContain('Le chœur de la vieille ville')
    expect(paragraphsOf(article)).toEqual(STORY_PARAGRAPHS)
  })

  it('keeps a linked section heading over its own paragraph', () => {
    const article = `<p>${first}</p><p>${second}</p>
<h2><a href="/topics/northern-pier">The northern pier</a></h2><p>${third}</p><p>${fourth}</p><p>${fifth}</p>`
    expect(paragraphsOf(article)).toEqual([first, second, 'The northern pier', third, fourth, fifth])
  })
})

describe('a card whose link wraps its blocks', () => {
  it('drops the list of cards after the story', () => {
    const article = `${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
<ul>
<li><a href="/news/2026/elections"><p><span>Militares atuarão para que processo eleitoral transcorra normalmente</span></p></a></li>
<li><a href="/news/2026/court"><p><span>Tribunal mantém decisão sobre o porto e adia audiência</span></p></a></li>
</ul>`
    const text = extractInNewsPage(article).text
    expect(text).not.toContain('Militares atuarão')
    expect(text).not.toContain('Tribunal mantém')
    expect(paragraphsOf(article)).toEqual(STORY_PARAGRAPHS)
  })

  it('keeps the paragraphs an unclosed link runs over', () => {
    // `<a href>` never closed: the parser carries the link over the paragraphs after it.
    const article = `<p>${first} See <a href="https://example.org/">the harbour site</p><p>${second}</p><p>${third}</p><p>${fourth}</p><p>${fifth}</p>`
    const text = extractInNewsPage(article).text
    for (const paragraph of [second, third, fourth, fifth]) expect(text).toContain(paragraph)
  })
})

describe('headings left heading nothing at the end of the story', () => {
  it('drops them, whatever their language', () => {
    for (const heading of [
      'Olympia 2022 - Nordische Kombination: Zeitplan',
      'Más noticias del puerto',
      '関連記事',
    ]) {
      const article = `${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<h2>${heading}</h2><table><tr></tr></table>`
      expect([heading, paragraphsOf(article)]).toEqual([heading, STORY_PARAGRAPHS])
    }
  })

  it('keeps a closing heading that is a sentence (a pull quote)', () => {
    const quote = 'The terminal will open in the spring, whatever the weather.'
    const article = `${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}<h4>${quote}</h4>`
    expect(paragraphsOf(article)).toEqual([...STORY_PARAGRAPHS, quote])
  })
})
