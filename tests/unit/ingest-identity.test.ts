import { describe, expect, it } from 'vitest'
import {
  articleIdForContent,
  articleIdForUrl,
  chooseCanonicalUrl,
  normaliseArticleUrl,
} from '../../src/main/ingest/article-identity'
import { imageExtension } from '../../src/main/ingest/image-type'
import { GIF_1X1, JPEG_2X2, makePng, SVG_PICTURE, WEBP_HEAD } from '../helpers/images'

describe('imageExtension', () => {
  it.each([
    ['png', makePng()],
    ['jpg', JPEG_2X2],
    ['gif', GIF_1X1],
    ['webp', WEBP_HEAD],
    ['svg', SVG_PICTURE],
  ])('recognises a %s picture by its bytes', (extension, bytes) => {
    expect(imageExtension(bytes)).toBe(extension)
  })

  it('recognises an SVG that starts with a comment and a doctype', () => {
    const svg =
      '<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg viewBox="0 0 1 1"></svg>'
    expect(imageExtension(new TextEncoder().encode(svg))).toBe('svg')
  })

  it.each([
    ['an HTML error page', '<!doctype html><html><body>Not found</body></html>'],
    ['an HTML page that mentions <svg> further down', '<html><body><svg></svg></body></html>'],
    ['JSON', '{"error":"nope"}'],
    ['three bytes', 'GIF'],
  ])('rejects %s', (_what, text) => {
    expect(imageExtension(new TextEncoder().encode(text))).toBeNull()
  })
})

describe('normaliseArticleUrl', () => {
  it('drops utm_* parameters, fbclid and the fragment', () => {
    expect(
      normaliseArticleUrl(
        'https://News.Example/world/story?utm_source=x&utm_medium=y&id=7&fbclid=abc#comments',
      ),
    ).toBe('https://news.example/world/story?id=7')
  })

  it('gives the same form for the same article reached in different ways', () => {
    const forms = [
      'https://news.example/world/story/',
      'https://news.example/world/story?utm_campaign=z',
      'https://news.example:443/world/story#top',
    ].map(normaliseArticleUrl)
    expect(new Set(forms)).toEqual(new Set(['https://news.example/world/story']))
  })

  it('keeps parameters that pick the article, sorted', () => {
    expect(normaliseArticleUrl('https://news.example/a?page=2&id=9')).toBe(
      'https://news.example/a?id=9&page=2',
    )
  })
})

describe('chooseCanonicalUrl', () => {
  const page = 'https://www.news.example/world/2024/05/story?utm_source=feed'

  it('uses a believable canonical address on the same site', () => {
    expect(chooseCanonicalUrl(page, 'https://news.example/world/story-canonical')).toBe(
      'https://news.example/world/story-canonical',
    )
  })

  it('ignores a canonical that points at the home page', () => {
    expect(chooseCanonicalUrl(page, 'https://www.news.example/')).toBe(
      'https://www.news.example/world/2024/05/story',
    )
  })

  it('ignores a canonical that points at another site', () => {
    expect(chooseCanonicalUrl(page, 'https://aggregator.example/world/story')).toBe(
      'https://www.news.example/world/2024/05/story',
    )
  })

  it('ignores a canonical that is not a web address', () => {
    expect(chooseCanonicalUrl(page, 'javascript:alert(1)')).toBe(
      'https://www.news.example/world/2024/05/story',
    )
  })

  it('resolves a relative canonical against the page', () => {
    expect(chooseCanonicalUrl(page, '/world/story-canonical')).toBe(
      'https://www.news.example/world/story-canonical',
    )
  })

  it('falls back to the page when there is no canonical', () => {
    expect(chooseCanonicalUrl(page, null)).toBe('https://www.news.example/world/2024/05/story')
  })
})

describe('article ids', () => {
  it('are 16 hex characters, stable for one address and different for another', () => {
    const a = articleIdForUrl('https://news.example/a')
    expect(a).toMatch(/^[0-9a-f]{16}$/)
    expect(articleIdForUrl('https://news.example/a')).toBe(a)
    expect(articleIdForUrl('https://news.example/b')).not.toBe(a)
  })

  it('are the same for the same words whatever the spacing', () => {
    expect(articleIdForContent('One  two\nthree ')).toBe(articleIdForContent('One two three'))
  })
})

describe('whose canonical link is believed', () => {
  it('accepts one that points to another host of the same news site', () => {
    expect(
      chooseCanonicalUrl('https://amp.cnn.com/2026/11/25/story', 'https://www.cnn.com/2026/11/25/story'),
    ).toBe('https://www.cnn.com/2026/11/25/story')
    expect(chooseCanonicalUrl('https://m.bbc.co.uk/news/world-1', 'https://www.bbc.co.uk/news/world-1')).toBe(
      'https://www.bbc.co.uk/news/world-1',
    )
  })

  it('refuses one that claims another site on a shared host', () => {
    expect(chooseCanonicalUrl('https://evil.github.io/p/x', 'https://good.github.io/p/x')).toBe(
      'https://evil.github.io/p/x',
    )
  })
})
