import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { newsPage, storyHtml } from '../fixtures/extract-pages'

const head = `
<title>Ferry terminal delayed again | Island Times</title>
<meta name="description" content="The new terminal will open in the spring, two years late.">
<meta property="og:title" content="Ferry terminal delayed again - Island Times">
<meta property="og:site_name" content="Island Times">
<meta property="og:image" content="/media/terminal.jpg">
<meta property="og:url" content="https://islandtimes.example/news/ferry-terminal?utm_source=feed">
<meta name="author" content="By Maria Camilleri">
<meta property="article:published_time" content="2026-03-03T09:30:00+01:00">
<link rel="canonical" href="/news/ferry-terminal">`

function extract(
  page: string,
  url = 'https://islandtimes.example/news/ferry-terminal?ref=home',
): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html: page, url })
}

describe('page metadata', () => {
  const article = extract(newsPage(storyHtml(), head).replace('<html lang="en">', '<html lang="en-gb">'))

  it('takes the headline without the site name suffix', () => {
    expect(article.title).toBe('Ferry terminal delayed again')
  })

  it('reads the author as a plain name, without "By"', () => {
    expect(article.byline).toBe('Maria Camilleri')
  })

  it('reads the site name, publication time and language', () => {
    expect(article.siteName).toBe('Island Times')
    expect(article.publishedAt).toBe('2026-03-03T09:30:00+01:00')
    expect(article.lang).toBe('en-GB')
  })

  it('resolves the canonical address and the lead image against the page address', () => {
    expect(article.url).toBe('https://islandtimes.example/news/ferry-terminal?ref=home')
    expect(article.canonicalUrl).toBe('https://islandtimes.example/news/ferry-terminal')
    expect(article.leadImageUrl).toBe('https://islandtimes.example/media/terminal.jpg')
  })

  it('uses the page description as the excerpt', () => {
    expect(article.excerpt).toBe('The new terminal will open in the spring, two years late.')
    expect(article.readerable).toBe(true)
    expect(article.warnings).toEqual([])
  })

  it('falls back to JSON-LD for the author, date, publisher and image', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Island Times' },
        {
          '@type': 'NewsArticle',
          headline: 'Ferry terminal delayed again',
          author: [
            { '@type': 'Person', name: 'Maria Camilleri' },
            { '@type': 'Person', name: 'Joe Borg' },
          ],
          datePublished: '2026-03-03',
          publisher: { '@type': 'Organization', name: 'Island Times Ltd' },
          image: { '@type': 'ImageObject', url: 'https://cdn.example/terminal.jpg' },
        },
      ],
    })
    const page = newsPage(
      storyHtml(),
      `<title>Ferry</title><script type="application/ld+json">${jsonLd}</script>`,
    )
    const fromJsonLd = extract(page)
    expect(fromJsonLd.byline).toBe('Maria Camilleri, Joe Borg')
    expect(fromJsonLd.publishedAt).toBe('2026-03-03')
    expect(fromJsonLd.siteName).toBe('Island Times Ltd')
    expect(fromJsonLd.leadImageUrl).toBe('https://cdn.example/terminal.jpg')
  })

  it('turns og:locale and a <time> element into a language and an ISO date when nothing better is given', () => {
    const page = newsPage(
      `<p><time datetime="2026-02-01T08:00:00Z">1 February</time></p>${storyHtml()}`,
      '<title>Ferry</title><meta property="og:locale" content="fr_FR">',
    ).replace('<html lang="en">', '<html>')
    const article = extract(page, 'https://islandtimes.example/a')
    expect(article.lang).toBe('fr-FR')
    expect(article.publishedAt).toBe('2026-02-01T08:00:00Z')
    expect(article.canonicalUrl).toBe('https://islandtimes.example/a')
  })
})
