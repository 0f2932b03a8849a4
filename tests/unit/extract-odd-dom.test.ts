import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

function extractHtml(html: string): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/ferry' })
}

const STORY = STORY_PARAGRAPHS.join('\n\n')
const HEAD = '<head><meta charset="utf-8"><title>Ferry terminal delayed again</title></head>'

describe('pages whose markup linkedom would build off the standard', () => {
  // The shape behind "Cannot read properties of null (reading 'tagName')": the story ends up
  // outside <body>, and Readability climbs from it past the document looking for BODY.
  it('reads a story that follows a stray </body>', () => {
    const page = `<!DOCTYPE html><html>${HEAD}<body><nav><a href="/">Home</a></nav></body><div class="story">${storyHtml()}</div></html>`
    expect(extractHtml(page).text).toBe(STORY)
  })

  it('reads a story after a block-level element inside <head>', () => {
    const page = `<!DOCTYPE html><html><head><title>Ferry</title><div class="gtm"></div></head><body><article>${storyHtml()}</article></body></html>`
    expect(extractHtml(page).text).toBe(STORY)
  })

  it('reads a story when an embedded document brings a second <html><body>', () => {
    const page = `<!DOCTYPE html><html>${HEAD}<body><article>${storyHtml()}</article><div class="ad"><html><body></body></html></div></body></html>`
    expect(extractHtml(page).text).toBe(STORY)
  })

  it('reads a story written after a stray </br> and </p>', () => {
    const page = `<!DOCTYPE html><html>${HEAD}<body></br></p><article>${storyHtml()}</article></body></html>`
    expect(extractHtml(page).text).toBe(STORY)
  })

  // 1,000 levels took 12 s in Readability on linkedom; 30,000 overflowed the stack. What is left at
  // 30,000 is mostly linkedom's own parse (about 1 s on a quiet machine), hence the wider bound.
  it.each([
    [1_000, 3_000],
    [30_000, 10_000],
  ])('reads a story nested %i levels deep in under %i ms', (depth, limitMs) => {
    const page = `<!DOCTYPE html><html>${HEAD}<body>${'<div>'.repeat(depth)}${storyHtml()}${'</div>'.repeat(depth)}</body></html>`
    const started = performance.now()
    const article = extractHtml(page)
    expect(article.text).toBe(STORY)
    expect(article.warnings).toContain(
      'This page’s markup is nested unusually deeply, so Dateline flattened it to read it; some of its layout may be lost.',
    )
    expect(performance.now() - started).toBeLessThan(limitMs)
  })

  it('keeps the paragraphs of deeply nested blocks apart when flattening', () => {
    const nested = STORY_PARAGRAPHS.map((p) => `<div><div>${p}</div></div>`).join('')
    const page = `<!DOCTYPE html><html>${HEAD}<body>${'<section>'.repeat(200)}${nested}${'</section>'.repeat(200)}</body></html>`
    expect(extractHtml(page).text).toBe(STORY)
  })
})
