import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'

const eutoday = readFileSync(new URL('../fixtures/eutoday-belarus-russia.txt', import.meta.url), 'utf8')

describe('plain-text articles', () => {
  const article = extractArticle({ kind: 'text', text: eutoday, fileName: 'eutoday-belarus-russia.txt' })

  it('takes the first non-empty line as the headline', () => {
    expect(article.title).toBe('Belarus: Russia prepared to offer "military assistance" to Lukashenko')
  })

  it('keeps the nine paragraphs of the story, from the first to the last', () => {
    const paragraphs = article.text.split('\n\n')
    expect(paragraphs).toHaveLength(9)
    expect(paragraphs[0]).toMatch(/^Russia has confirmed/)
    expect(paragraphs[8]).toMatch(/in glowing terms\.$/)
  })

  it('leaves the social call, the correspondents bio and "Related posts" out of the text and the html', () => {
    for (const field of [article.text, article.html]) {
      expect(field).not.toContain('Follow EU Today on Social media')
      expect(field).not.toContain('Our team of independent correspondents')
      expect(field).not.toContain('Related posts')
      expect(field).not.toContain('EUToday Correspondents')
    }
  })

  it('reads the name above the bio as the byline', () => {
    expect(article.byline).toBe('EUToday Correspondents')
  })

  it('writes the paragraphs as escaped <p> elements', () => {
    expect(article.html.match(/<p>/g)).toHaveLength(9)
    expect(article.html).toContain('&#34;external pressure&#34;')
    expect(article.html).not.toMatch(/<p>[^<]*"[^<]*<\/p>/)
  })

  it('counts words and leaves the tags for later steps empty', () => {
    expect(article.wordCount).toBeGreaterThan(300)
    expect(article.correspondents).toEqual([])
    expect(article.countries).toEqual([])
  })

  it('keeps a trailing paragraph of story that merely ends without a full stop', () => {
    const text =
      'Headline\n\nFirst paragraph of the story, long enough to read as prose.\n\nIt ended there and then'
    expect(extractArticle({ kind: 'text', text, fileName: null }).text).toContain('It ended there and then')
  })
})
