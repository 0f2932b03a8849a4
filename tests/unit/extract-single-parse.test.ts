import { describe, expect, it, vi } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { withCorrespondents } from '../../src/main/ingest/credit-extracted'
import { createInlineExtractor } from '../../src/main/ingest/extractor'
import { FALLBACK_WARNINGS } from '../../src/main/ingest/extract/wording'
import { STORY_PARAGRAPHS, newsPage, storyHtml } from '../fixtures/extract-pages'

// linkedom is wrapped to count how often the page itself is parsed in one job (Readability's own
// copy of the story is parsed too; only parses of the whole page count).
const parses = vi.hoisted(() => ({ pages: [] as string[] }))
vi.mock('linkedom', async (importOriginal) => {
  const original = await importOriginal<typeof import('linkedom')>()
  return {
    ...original,
    parseHTML: (...args: Parameters<typeof original.parseHTML>): ReturnType<typeof original.parseHTML> => {
      parses.pages.push(String(args[0]))
      return original.parseHTML(...args)
    },
  }
})

// The byline sits in an author box that the clean-up removes before Readability: the
// correspondents step must read the page as served, not the tree the extraction rewrote.
const page = newsPage(
  `<div class="author-box"><span class="byline">By <a rel="author" href="/authors/mara-vella">Mara Vella</a></span></div>${storyHtml()}`,
)
const request = { kind: 'html' as const, html: page, url: 'https://islandtimes.example/news/ferry' }

describe('one extraction job', () => {
  it('parses the page once and credits the byline from the page as served', async () => {
    parses.pages = []
    const extractor = createInlineExtractor()
    const article = await extractor.extract(request)
    expect(parses.pages.filter((html) => html === page)).toHaveLength(1)
    expect(article.text).toContain(STORY_PARAGRAPHS[0])
    expect(article.correspondents.map((c) => c.name)).toEqual(['Mara Vella'])
  })

  it('credits the same people as reading the page again would', async () => {
    const again = withCorrespondents(extractArticle(request), request)
    const once = await createInlineExtractor().extract(request)
    expect(once.correspondents).toEqual(again.correspondents)
    expect(once.text).toBe(again.text)
  })

  it('reads a page that needs a fallback from copies of that one parse', async () => {
    // Each paragraph sits in a box named as a sharing widget, which the clean-up removes: the usual
    // reading finds nothing, and plain Readability on an untouched tree of the page finds the story.
    const boxed = STORY_PARAGRAPHS.map((p) => `<div class="share-note"><p>${p}</p></div>`).join('')
    const html = `<!DOCTYPE html><html><head><title>Ferry</title></head><body><main>${boxed}</main></body></html>`
    const job = { kind: 'html' as const, html, url: null }
    const parsedAgain = extractArticle(job)
    parses.pages = []
    const article = await createInlineExtractor().extract(job)
    expect(article.warnings).toContain(FALLBACK_WARNINGS['plain-readability'])
    expect(article.text).toBe(parsedAgain.text)
    expect(article.text).toContain(STORY_PARAGRAPHS[4])
    expect(parses.pages.filter((parsed) => parsed === html)).toHaveLength(1)
  })
})
