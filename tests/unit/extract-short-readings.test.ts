import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { FALLBACK_WARNINGS } from '../../src/main/ingest/extract/wording'
import { STORY_PARAGRAPHS } from '../fixtures/extract-pages'

/*
 * A usual reading of 50 to 120 words is a brief or a miss: the clean-up can take the story away
 * and leave Readability a box of the site's own prose. Then a reading of the whole story on the page
 * as served replaces it; a page that is a brief keeps its brief.
 */

const ABOUT_US =
  'Island Times is the independent daily of the islands, published every morning since 1921 by a cooperative of its readers and journalists. Our newsroom in Valletta covers politics, business, culture and sport, and our correspondents report from every town and village. Subscribers receive the printed paper, the evening newsletter and the weekend magazine, and may join the readers’ council that meets each spring.'

function read(html: string): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/ferry' })
}

function page(
  main: string,
  beside = `<div class="publisher"><h3>About Island Times</h3><p>${ABOUT_US}</p></div>`,
): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Ferry terminal delayed again</title></head><body>
<main><h1>Ferry terminal delayed again</h1>${main}</main>
${beside}
</body></html>`
}

describe('a short usual reading', () => {
  it('gives way to the whole story when the clean-up took the story away', () => {
    // Each paragraph sits in a box named as a sharing widget, which the clean-up removes, so the
    // usual reading finds only the publisher's box of 60-odd words.
    const boxed = STORY_PARAGRAPHS.map((p) => `<div class="share-note"><p>${p}</p></div>`).join('')
    const article = read(page(boxed))
    expect(article.text).toContain(STORY_PARAGRAPHS[0])
    expect(article.text).toContain(STORY_PARAGRAPHS[4])
    expect(article.warnings).toContain(FALLBACK_WARNINGS['plain-readability'])
  })

  it('stays when it is the brief the page prints, however long a box beside it is', () => {
    // The largest block of text is the sidebar's, which the usual reading rightly leaves out.
    const brief = STORY_PARAGRAPHS.slice(0, 2)
      .map((p) => `<p>${p}</p>`)
      .join('')
    const sidebar = `<div class="sidebar"><p>${ABOUT_US} ${ABOUT_US} ${ABOUT_US}</p></div>`
    const article = read(page(`<article>${brief}</article>`, sidebar))
    expect(article.text).toBe(STORY_PARAGRAPHS.slice(0, 2).join('\n\n'))
    expect(article.warnings.some((warning) => Object.values(FALLBACK_WARNINGS).includes(warning))).toBe(false)
  })
})
