import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { cleanHeadline } from '../../src/main/ingest/extract/headline-cleanup'
import { newsPage, storyHtml } from '../fixtures/extract-pages'

function extract(
  head: string,
  url: string | null = 'https://www.example-news.com/world/story-1',
): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html: newsPage(storyHtml(), head), url })
}

const noOutlet = { outletNames: [], host: null, sections: [] }

describe('the site name', () => {
  it('prefers the name the address confirms to a section given as og:site_name', () => {
    const publisher = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Oil slides on oversupply fears',
      publisher: { '@type': 'Organization', name: 'Reuters' },
    })
    const article = extract(
      `<title>Oil slides on oversupply fears - Reuters</title>
       <meta property="og:site_name" content="U.S.">
       <script type="application/ld+json">${publisher}</script>`,
      'https://www.reuters.com/article/us-markets/oil-slides',
    )
    expect(article.siteName).toBe('Reuters')
  })

  it('never takes the page’s section for the site', () => {
    const article = extract(
      `<title>Ferry terminal delayed</title>
       <meta property="og:site_name" content="Europe">
       <meta property="article:section" content="Europe">
       <meta name="application-name" content="Island Times">`,
    )
    expect(article.siteName).toBe('Island Times')
  })

  it('takes the name the title ends with when the page names no outlet, else the address', () => {
    const named = extract(
      '<title>Ferry terminal delayed - Entermedia</title>',
      'http://entermedia.co.kr/news/news_view.html?idx=8576',
    )
    expect(named.siteName).toBe('Entermedia')
    expect(named.title).toBe('Ferry terminal delayed')
    const unnamed = extract(
      '<title>Ferry terminal delayed — www.wday.ru</title>',
      'https://www.wday.ru/articles/x-id1',
    )
    expect(unnamed.siteName).toBe('wday.ru')
    expect(unnamed.title).toBe('Ferry terminal delayed')
    const international = extract(
      '<title>Ferry terminal delayed</title>',
      'https://xn--e1afmkfd.xn--p1ai/news/1',
    )
    expect(international.siteName).toBe('пример.рф')
  })

  it('drops a tagline and turns an address given as the name into a readable one', () => {
    expect(
      extract('<meta property="og:site_name" content="LinkNaija | Nigeria\'s popular news platform">')
        .siteName,
    ).toBe('LinkNaija')
    expect(
      extract(
        '<meta property="og:site_name" content="https://www.newsnation.in">',
        'https://www.newsnation.in/fact-check/x',
      ).siteName,
    ).toBe('newsnation.in')
  })
})

describe('the headline', () => {
  it('loses the site name at its end or start, whichever separator the page used', () => {
    const context = { outletNames: ['BBC News'], host: 'bbc.com', sections: [] }
    expect(cleanHeadline('Sweden drops Assange investigation – BBC News', context)).toBe(
      'Sweden drops Assange investigation',
    )
    expect(cleanHeadline('BBC News | Sweden drops Assange investigation', context)).toBe(
      'Sweden drops Assange investigation',
    )
    expect(
      cleanHeadline('Oil slides on oversupply fears | Reuters', {
        outletNames: [],
        host: 'reuters.com',
        sections: [],
      }),
    ).toBe('Oil slides on oversupply fears')
  })

  it('recognises the site’s name spelt without its accents, or as the address', () => {
    const context = { outletNames: ['Élysée Matin'], host: 'elysee-matin.fr', sections: [] }
    expect(cleanHeadline('La réforme des retraites adoptée - Elysee Matin', context)).toBe(
      'La réforme des retraites adoptée',
    )
    expect(cleanHeadline('Самые популярные блоги — www.wday.ru', { ...noOutlet, host: 'wday.ru' })).toBe(
      'Самые популярные блоги',
    )
  })

  it('cuts a headline written without spaces (Japanese) down to its own words', () => {
    const context = { outletNames: ['特許業務法人ライトハウス国際特許事務所'], host: null, sections: [] }
    expect(
      cleanHeadline('商品の改造が商標法違反に！？ - 特許業務法人ライトハウス国際特許事務所', context),
    ).toBe('商品の改造が商標法違反に！？')
  })

  it('keeps a dash, a bar or the outlet’s name that belongs to the headline', () => {
    const context = { outletNames: ['The Guardian'], host: 'theguardian.com', sections: ['Opinion'] }
    expect(cleanHeadline('The Guardian view on Hong Kong: a city on the brink', context)).toBe(
      'The Guardian view on Hong Kong: a city on the brink',
    )
    expect(cleanHeadline('Brexit - what happens next for the ferry ports', context)).toBe(
      'Brexit - what happens next for the ferry ports',
    )
    expect(
      cleanHeadline(
        'Milan Design Week 2018 | Anastassiades light installation for the old foundry',
        noOutlet,
      ),
    ).toBe('Milan Design Week 2018 | Anastassiades light installation for the old foundry')
    expect(
      cleanHeadline('Take C.A.R.E. - comwrap auf der DMEXCO 2018', { ...noOutlet, host: 'blog.comwrap.com' }),
    ).toBe('Take C.A.R.E. - comwrap auf der DMEXCO 2018')
  })

  it('loses the section the page names when it follows the headline', () => {
    const context = { outletNames: ['Island Times'], host: null, sections: ['Europe'] }
    expect(cleanHeadline('Ferry terminal delayed again - Europe - Island Times', context)).toBe(
      'Ferry terminal delayed again',
    )
  })
})

describe('the byline beside the site', () => {
  it('is dropped when the page credits the site itself', () => {
    const article = extract(
      `<title>Helicopter crash in Afghanistan | Al Jazeera</title>
       <meta name="author" content="Al Jazeera">
       <meta property="og:site_name" content="Al Jazeera">`,
      'https://www.aljazeera.com/news/2019/11/crash.html',
    )
    expect(article.siteName).toBe('Al Jazeera')
    expect(article.byline).toBeNull()
    expect(article.correspondents).toEqual([])
  })

  it('keeps the writer and drops the site named after them', () => {
    const article = extract(
      `<meta property="og:site_name" content="cleveland"><meta name="author" content="Troy L. Smith, Cleveland.com">`,
      'https://www.cleveland.com/entertainment/2019/11/story.html',
    )
    expect(article.byline).toBe('Troy L. Smith')
  })

  it('keeps an agency credited on another outlet’s page', () => {
    const article = extract(
      `<meta property="og:site_name" content="Connecticut Post"><meta name="author" content="Meg Kinnard, Associated Press">`,
      'https://www.ctpost.com/news/article/story.php',
    )
    expect(article.byline).toBe('Meg Kinnard, Associated Press')
  })

  it('loses the label words printed before the names, in any language', () => {
    const byline = (author: string): string | null =>
      extract(`<meta name="author" content="${author}">`).byline
    expect(byline('Текст: Венера Ерофеева')).toBe('Венера Ерофеева')
    expect(byline('Texte : Marie Dupont')).toBe('Marie Dupont')
    expect(byline('Text: Anna Müller, Fotos: Hans Meier')).toBe('Anna Müller')
    expect(byline('By Maria Camilleri')).toBe('Maria Camilleri')
    expect(byline('Datum: 19.11.2021 Autor: Fritz Imhof')).toBe('Fritz Imhof')
  })
})
