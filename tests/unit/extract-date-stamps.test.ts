import { describe, expect, it } from 'vitest'
import { extractInNewsPage, STORY_PARAGRAPHS } from '../fixtures/extract-pages'

/*
 * The line that stamps when a page was published or changed, known by its markup (`<time>`,
 * schema.org's `datePublished`/`dateModified`, a date-named class), not by its words: the same
 * shape on an American chain's papers, The Guardian and a Brazilian blog.
 */

const story = STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')

function paragraphsOf(article: string): string[] {
  return extractInNewsPage(article).text.split('\n\n')
}

describe('publication stamps', () => {
  it('drops a stamp line with its label, in any language', () => {
    const stamps = [
      '<p><span class="timestamp">Updated <time datetime="2019-11-20T06:39:53Z">1:39 am EST, Wednesday, November 20, 2019</time></span></p>',
      '<p><time datetime="2019-11-18T18:54:53+0000">Mon 18 Nov 2019 18.54 GMT</time> <time datetime="2019-11-18T18:56:26+0000">Last modified on Mon 18 Nov 2019 18.56 GMT</time></p>',
      '<p><span itemprop="datePublished">sexta-feira, 22 de outubro de 2010 às 20:13</span></p>',
      '<p>수정 <time datetime="2026-02-04">2026.02.04 09:12</time></p>',
    ]
    for (const stamp of stamps) {
      expect([stamp, paragraphsOf(`${stamp}${story}`)]).toEqual([stamp, STORY_PARAGRAPHS])
    }
  })

  it('keeps dates inside the story: a sentence, a schedule, a recipe’s times', () => {
    const sentence = `The council will vote on <time datetime="2026-03-02">2 March</time>, the mayor said, after the hearings end.`
    const article = `<p>${sentence}</p>${story}
<table><tr><td><time datetime="2026-03-09">9 March</time></td><td>First crossing</td></tr></table>
<p>Preparation <time itemprop="prepTime" datetime="PT15M">15 min</time></p>`
    const text = extractInNewsPage(article).text
    expect(text).toContain('The council will vote on 2 March, the mayor said')
    expect(text).toContain('9 March')
    expect(text).toContain('15 min')
  })
})
