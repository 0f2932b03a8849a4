import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, newsPage } from '../fixtures/extract-pages'

const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS

const article = extractArticle({
  kind: 'html',
  url: 'https://islandtimes.example/news/ferry-terminal',
  html: newsPage(`
<p>${first}</p>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy.jpg" alt="The pier"><figcaption>The northern pier in January.</figcaption></figure>
<p>${second}</p>
<figure><img src="/img/small.jpg" srcset="/img/w400.jpg 400w, /img/w1600.jpg 1600w, /img/w800.jpg 800w" alt="Quay"></figure>
<p>${third}</p>
<picture><source srcset="/img/pic-1x.webp 1x, /img/pic-2x.webp 2x" type="image/webp"><img src="/img/pic-fallback.jpg" alt="Ferry"></picture>
<p>${fourth}</p>
<img class="lazyload" src="/img/placeholder.gif" alt="Road"><noscript><img src="/img/real-road.jpg" alt="Road"></noscript>
<p>${fifth} Read the <a href="../reports/harbour.pdf">harbour report</a>.</p>`),
})

describe('lazy-loaded images', () => {
  it('moves data-src into a plain absolute src', () => {
    expect(article.html).toContain('src="https://islandtimes.example/img/lazy.jpg"')
    expect(article.html).not.toContain('data-src')
    expect(article.html).not.toContain('data:image')
  })

  it('picks the widest srcset candidate as src', () => {
    expect(article.html).toContain('src="https://islandtimes.example/img/w1600.jpg"')
    expect(article.html).not.toContain('srcset')
  })

  it('reduces <picture> to its <img> with the densest source', () => {
    expect(article.html).not.toContain('<picture')
    expect(article.html).not.toContain('<source')
    expect(article.html).toContain('src="https://islandtimes.example/img/pic-2x.webp"')
  })

  it('replaces a placeholder with the image from its <noscript> fallback', () => {
    expect(article.html).toContain('src="https://islandtimes.example/img/real-road.jpg"')
    expect(article.html).not.toContain('placeholder.gif')
    expect(article.html).not.toContain('noscript')
  })

  it('keeps figures and captions, resolves links, and leaves captions out of the story text', () => {
    expect(article.html).toContain('<figcaption>The northern pier in January.</figcaption>')
    expect(article.html).toContain('href="https://islandtimes.example/reports/harbour.pdf"')
    expect(article.text).not.toContain('The northern pier in January.')
  })

  it('falls back to the first image in the story for the lead image', () => {
    expect(article.leadImageUrl).toBe('https://islandtimes.example/img/lazy.jpg')
  })
})

describe('pictures embedded in the page itself', () => {
  const chart = `data:image/png;base64,${'iVBORw0KGgo'.padEnd(400, 'A')}`
  const inline = extractArticle({
    kind: 'html',
    url: 'https://islandtimes.example/news/chart',
    html: newsPage(`
<p>${first}</p>
<figure><img src="${chart}" alt="Ferry passengers by month"><figcaption>Passengers by month.</figcaption></figure>
<p>${second}</p>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""> ${third}</p>
<p>${fourth}</p>`),
  })

  it('keeps a data: image that has no other source, since it is the picture itself', () => {
    expect(inline.html).toContain(`src="${chart}"`)
  })

  it('drops a spacer-sized data: image that has no other source', () => {
    expect(inline.html).not.toContain('R0lGODlhAQABAAAAACw=')
  })
})
