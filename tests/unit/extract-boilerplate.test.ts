import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, newsPage } from '../fixtures/extract-pages'

const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS

const page = newsPage(`
<div class="share-bar"><a href="https://facebook.com/sharer">Facebook</a><a href="https://twitter.com/intent">Twitter</a><a href="mailto:?">Email</a></div>
<p>${first}</p>
<p>${second}</p>
<p>Advertisement</p>
<aside class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the day's island news in your inbox every morning.</p><form><input type="email"><button>Subscribe</button></form></aside>
<p>${third}</p>
<p>${fourth}</p>
<p>${fifth}</p>
<div class="author-bio"><p>Maria Camilleri is our transport correspondent. She has covered the harbour since 2009.</p></div>
<section class="related-posts"><h2>Related posts</h2><ul><li><a href="/a">Harbour fees to rise</a></li><li><a href="/b">New buses for the north</a></li></ul></section>
<div id="comments"><h3>3 comments</h3><p>Great news at last, I have waited for this terminal for years now.</p></div>`)

describe('boilerplate removal', () => {
  const article = extractArticle({ kind: 'html', html: page, url: 'https://islandtimes.example/news/ferry' })

  it('keeps every paragraph of the story, in order', () => {
    expect(article.text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('drops the share bar, the newsletter box, the related posts and the comments', () => {
    for (const furniture of [
      'Facebook',
      'Sign up for our free newsletter',
      'Related posts',
      'Harbour fees',
      'Great news at last',
    ]) {
      expect(article.html).not.toContain(furniture)
    }
  })

  it('drops lone "Advertisement" lines and the author bio', () => {
    expect(article.html).not.toContain('Advertisement')
    expect(article.html).not.toContain('transport correspondent')
  })

  it('keeps a story whose wrapper carries a furniture word in its class', () => {
    const wrapped = newsPage(
      `<div class="content and-w-sidebar">${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`,
    )
    const kept = extractArticle({ kind: 'html', html: wrapped, url: null })
    expect(kept.text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('keeps embedded posts that are part of the story', () => {
    const embed = `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>The terminal will be ready in March, says the minister.</p>— Island Transport (@islandtransport)</blockquote></div>`
    const html = newsPage(
      STORY_PARAGRAPHS.slice(0, 3)
        .map((p) => `<p>${p}</p>`)
        .join('') +
        embed +
        `<p>${fifth}</p>`,
    )
    const withEmbed = extractArticle({ kind: 'html', html, url: null })
    expect(withEmbed.text).toContain('The terminal will be ready in March, says the minister.')
  })
})

describe('class names that say what state the story is in', () => {
  // Regional papers' paywalls: the free part of the story sits in a wrapper flagged "non-paywall"
  // or "isPaywall", beside a long page of teasers, and is all a reader without a subscription sees.
  const teasers = Array.from(
    { length: 30 },
    (_, index) =>
      `<li><a href="/news/${index}">Island council debates the ${index}th amendment to the harbour plan today</a></li>`,
  ).join('')
  const paywalled = (flag: string): string =>
    newsPage(`<section class="row ${flag}"><div class="article-text"><p>${first}</p><p>${second}</p></div></section>
<div class="subscribe-offer"><p>Read the whole story with Island Times Plus, from 1 euro a month.</p></div>
<div class="teasers"><ul>${teasers}</ul></div>`)

  for (const flag of ['non-paywall', 'isPaywall', 'has-paywall']) {
    it(`keeps the free part of a story flagged "${flag}"`, () => {
      const article = extractArticle({
        kind: 'html',
        html: paywalled(flag),
        url: 'https://islandtimes.example/news/ferry',
      })
      expect(article.text).toContain(first)
      expect(article.text).toContain(second)
      expect(article.text).not.toContain('Island Times Plus')
    })
  }
})

describe('donation and membership appeals inside the story', () => {
  const APPEAL = 'Valley Public Radio is listener-supported. Donate today to keep local news free.'
  const appealPage = (boxClass: string): string =>
    newsPage(`<p>${first}</p><p>${second}</p><div class="${boxClass}"><p>${APPEAL}</p></div>
<p>${third}</p><p>${fourth}</p><p>${fifth}</p>`)

  it.each(['donate-inline', 'donation-box', 'support-us', 'membershipAppeal'])(
    'drops the appeal in a box named "%s" and keeps the paragraphs after it',
    (boxClass) => {
      const text = extractArticle({ kind: 'html', html: appealPage(boxClass), url: null }).text
      expect(text).not.toContain('Donate today')
      expect(text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
    },
  )

  it('keeps a sentence of the story about donations, in no such box', () => {
    const sentence =
      'The harbour charity asked residents to donate today, and said the money would buy a second lifeboat for the winter season.'
    const html = newsPage(`<p>${first}</p><p>${second}</p><p>${sentence}</p><p>${third}</p><p>${fourth}</p>`)
    expect(extractArticle({ kind: 'html', html, url: null }).text).toContain(sentence)
  })
})
