import { describe, expect, it } from 'vitest'
import { savedFromAddress, savedPageAddress } from '../../src/main/ingest/saved-page-address'
import { contentKey, sameSite } from '../../src/main/ingest/content-key'

describe('savedFromAddress: where a saved page came from', () => {
  it('reads the comment Chromium and Edge write before <html>', () => {
    const page =
      '<!DOCTYPE html>\n<!-- saved from url=(0043)https://www.bbc.com/news/world-12345678 -->\n<html>'
    expect(savedFromAddress(page)).toBe('https://www.bbc.com/news/world-12345678')
  })

  it('reads SingleFile’s comment', () => {
    const page =
      '<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://apnews.com/article/x-1 \n saved date: Tue Dec 01 2026 -->'
    expect(savedFromAddress(page)).toBe('https://apnews.com/article/x-1')
  })

  it('ignores a comment deep in the page and addresses that are not web addresses', () => {
    expect(
      savedFromAddress(`<html>${' '.repeat(5000)}<!-- saved from url=(0019)https://example.com/ -->`),
    ).toBeNull()
    expect(savedFromAddress('<!-- saved from url=(0016)file:///etc/passwd -->')).toBeNull()
  })

  it('falls back to the canonical or og:url address extraction found, only when absolute http(s)', () => {
    expect(savedPageAddress('<html>', 'https://example.com/story')).toBe('https://example.com/story')
    expect(savedPageAddress('<html>', 'javascript:alert(1)')).toBeNull()
    expect(savedPageAddress('<html>', null)).toBeNull()
  })
})

describe('contentKey: the same article, whatever its source', () => {
  const opening =
    'Thousands of people gathered in the centre of the capital on Sunday for the largest protest the country has seen in a decade.'

  it('ignores case, punctuation, quotes and a text that repeats its headline', () => {
    const a = contentKey('Crowds fill the capital', opening)
    expect(
      contentKey('CROWDS FILL THE CAPITAL!', `Crowds fill the capital\n\n“${opening.toUpperCase()}”`),
    ).toBe(a)
  })

  it('tells apart texts that share only a headline, and gives none for a short note', () => {
    expect(contentKey('Crowds fill the capital', opening)).not.toBe(
      contentKey(
        'Crowds fill the capital',
        'A different opening about another place and another week, told at length here.',
      ),
    )
    expect(contentKey('Note', 'Buy milk and bread')).toBeNull()
  })

  it('compares sites by name, and an unknown site matches any', () => {
    expect(sameSite('BBC News', 'bbc news')).toBe(true)
    expect(sameSite('BBC News', 'Reuters')).toBe(false)
    expect(sameSite(null, 'Reuters')).toBe(true)
  })
})
