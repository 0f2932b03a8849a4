import { describe, expect, it } from 'vitest'
import { DatelineError } from '@shared/errors'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, newsPage } from '../fixtures/extract-pages'

function extractHtml(html: string): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/ferry' })
}

describe('html articles', () => {
  it('separates paragraphs with a blank line and counts their words', () => {
    const article = extractHtml(newsPage(STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')))
    expect(article.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    expect(article.wordCount).toBe(STORY_PARAGRAPHS.join(' ').split(/\s+/).length)
    expect(article.html).not.toContain('<script')
  })

  it("uses the page's JSON-LD articleBody when the markup holds only a teaser", () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Ferry terminal delayed again',
      articleBody: STORY_PARAGRAPHS.join('\n\n'),
    })
    const teaser = `<p>${STORY_PARAGRAPHS[0]}</p><div class="paywall"><p>Subscribe to read the rest.</p></div>`
    const article = extractHtml(
      newsPage(teaser, `<title>Ferry</title><script type="application/ld+json">${jsonLd}</script>`),
    )
    expect(article.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    expect(article.html).toBe(STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n'))
  })

  it('puts the lead the page prints from its description before a JSON-LD articleBody without it', () => {
    const lead =
      'Die Hafenbehörde hat einen neuen Betreiber für die Fähren gewählt. Der Vertrag läuft zehn Jahre und gilt auch für das neue Terminal.'
    const page = (printedLead: string): string => {
      const jsonLd = JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'Ferry terminal delayed again',
        description: lead,
        articleBody: STORY_PARAGRAPHS.join('\n\n'),
      })
      const teaser = `${printedLead}<p>${STORY_PARAGRAPHS[0]}</p><div class="paywall"><p>Subscribe to read the rest.</p></div>`
      return newsPage(teaser, `<title>Ferry</title><script type="application/ld+json">${jsonLd}</script>`)
    }
    expect(extractHtml(page(`<p class="text-xl">${lead}</p>`)).text.split('\n\n')).toEqual([
      lead,
      ...STORY_PARAGRAPHS,
    ])
    // A description the page does not print is an abstract for search engines.
    expect(extractHtml(page('')).text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('warns when the page has little readable text', () => {
    const article = extractHtml(newsPage(`<p>${STORY_PARAGRAPHS[0]}</p>`))
    expect(article.warnings).toEqual([
      'This page may not be an article: Dateline found little readable text on it, so the copy may be incomplete.',
    ])
  })

  it('refuses a page with no readable text as NOT_AN_ARTICLE', () => {
    const empty =
      '<!DOCTYPE html><html><head><title>Gallery</title></head><body><div><img src="/a.jpg"></div><script>var x = 1</script></body></html>'
    let thrown: unknown
    try {
      extractHtml(empty)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatelineError)
    expect((thrown as DatelineError).code).toBe('NOT_AN_ARTICLE')
    expect((thrown as DatelineError).message).toBe('This page is not an article: it has no readable text.')
  })

  it('reads a fragment without <html> or <body>', () => {
    const article = extractHtml(STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''))
    expect(article.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
  })
})

describe('the text as a reader sees it', () => {
  it('joins words a soft hyphen splits, and keeps the hyphens in the HTML for line breaks', () => {
    const hyphenated = STORY_PARAGRAPHS.map(
      (p) =>
        `<p>${p.replace(/(authority|engineers|terminal)/gi, (w) => `${w.slice(0, 4)}&shy;${w.slice(4)}`)}</p>`,
    )
    const article = extractHtml(newsPage(hyphenated.join('')))
    expect(article.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    expect(article.html).toContain('\u00ad')
  })

  it('leaves ruby readings out of the text and keeps them in the HTML', () => {
    const sentence =
      '子どもへの虐待をなくすための法律ができて、親が子どもを教育するために体罰をすることが禁止されました。'
    const annotated = sentence
      .replace('虐待', '<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>')
      .replace('法律', '<ruby>法律<rt>ほうりつ</rt></ruby>')
    const paragraphs = Array.from({ length: 6 }, () => `<p>${annotated}</p>`).join('')
    const article = extractHtml(newsPage(paragraphs, '<title>体罰を禁止する法律</title>'))
    expect(article.text.split('\n\n')).toContain(sentence)
    expect(article.text).not.toContain('ほうりつ')
    expect(article.html).toContain('<rt>ぎゃくたい</rt>')
  })
})
