import { describe, expect, it } from 'vitest'
import { defaultSettings } from '@shared/settings'
import { buildReaderDocument, mediaSource } from '../../src/renderer/src/lib/reader-document'
import { openableHref } from '../../src/renderer/src/lib/external-link'

function frameDocument(mediaBaseUrl: string, html = '<p>Story</p>'): string {
  return buildReaderDocument({
    html,
    title: 'A <b>title</b>',
    lang: 'en" onload="x',
    settings: { ...defaultSettings, fontSize: 21, fontFamily: 'sans', lineWidth: 60 },
    theme: 'dark',
    mediaBaseUrl,
  })
}

describe('the article frame document', () => {
  it('forbids scripts, forms and every load but stored pictures, in both hosts', () => {
    const browser = frameDocument('http://127.0.0.1:4417/')
    expect(browser).toContain(
      `content="default-src 'none'; img-src http://127.0.0.1:4417 data:; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'"`,
    )
    expect(frameDocument('dateline-media://library/')).toContain('img-src dateline-media: data:')
    expect(mediaSource('dateline-media://library/')).toBe('dateline-media:')
  })

  it('escapes the title and refuses a language that is not a language tag', () => {
    const doc = frameDocument('http://127.0.0.1:4417/')
    expect(doc).toContain('<title>A &#60;b&#62;title&#60;/b&#62;</title>')
    expect(doc).not.toContain('onload')
  })

  it('applies the reader settings: font, size, measure and theme', () => {
    const doc = frameDocument('http://127.0.0.1:4417/')
    expect(doc).toContain('font-size: 21px')
    // 60 characters of text: a letter is about 0.8 of a '0'.
    expect(doc).toContain('max-width: 48ch')
    expect(doc).toContain('color-scheme: dark')
  })
})

describe('links clicked in an article', () => {
  it('open only web and mail addresses; script and app-relative links do nothing', () => {
    expect(openableHref('https://example.com/a')).toBe('https://example.com/a')
    expect(openableHref('mailto:desk@example.com')).toBe('mailto:desk@example.com')
    expect(openableHref('javascript:alert(1)')).toBeNull()
    expect(openableHref('/api/articles.delete')).toBeNull()
    expect(openableHref('file:///etc/passwd')).toBeNull()
    expect(openableHref(null)).toBeNull()
  })
})
