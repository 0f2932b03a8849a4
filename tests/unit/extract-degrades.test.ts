import { describe, expect, it, vi } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { FALLBACK_WARNINGS } from '../../src/main/ingest/extract/wording'
import { STORY_PARAGRAPHS, newsPage, storyHtml } from '../fixtures/extract-pages'

// The clean-up of what Readability kept throws, as a DOM quirk would make it: the page must still
// be read, with the step skipped and named.
vi.mock('../../src/main/ingest/extract/post-clean', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/main/ingest/extract/post-clean')>()
  return {
    ...original,
    postClean: (): void => {
      throw new TypeError("Cannot read properties of null (reading 'tagName')")
    },
  }
})

const STORY = STORY_PARAGRAPHS.join('\n\n')

function extractHtml(html: string): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/ferry' })
}

describe('a clean-up step that throws', () => {
  it('is skipped and noted, and the story is still read', () => {
    const article = extractHtml(newsPage(storyHtml()))
    expect(article.text).toBe(STORY)
    expect(article.warnings).toContain(
      'Dateline could not finish every step of reading this page (it skipped tidying the story), so the copy may be less tidy than usual.',
    )
  })
})

describe('fallbacks, named in warnings', () => {
  it('reads the JSON-LD articleBody when the page shows no story', () => {
    const data = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Ferry',
      articleBody: STORY_PARAGRAPHS.join('\n\n'),
    })
    const page = `<!DOCTYPE html><html><head><title>Ferry</title><script type="application/ld+json">${data}</script></head><body><div id="app">Loading…</div></body></html>`
    const article = extractHtml(page)
    expect(article.text).toBe(STORY)
    expect(article.warnings).toContain(FALLBACK_WARNINGS['json-ld'])
  })

  it('still refuses a page with no text at all', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Gallery</title></head><body><div><img src="/a.jpg"></div></body></html>'
    expect(() => extractHtml(page)).toThrow('This page is not an article: it has no readable text.')
  })
})
