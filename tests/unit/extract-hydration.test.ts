import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { FALLBACK_WARNINGS } from '../../src/main/ingest/extract/wording'
import { STORY_PARAGRAPHS, newsPage, storyHtml } from '../fixtures/extract-pages'

/*
 * Script-rendered pages whose markup holds a teaser or an empty shell while the story sits in the
 * data their JavaScript hydrates from: one page per framework's way of writing that data.
 */

const TITLE = 'Ferry terminal delayed again'
const STORY = STORY_PARAGRAPHS.join('\n\n')
const [FIRST = '', SECOND = ''] = STORY_PARAGRAPHS
const OTHER_STORY = [
  'The national orchestra announced its new season on Monday, with twelve concerts in the capital and a tour of the northern towns that had not heard it play for more than a decade.',
  'Its conductor said the programme would mix the classical repertoire with works by young composers from the islands, several of which will be performed for the first time anywhere.',
  'Tickets go on sale next month, and the orchestra promised that a third of the seats at every concert would be sold at a reduced price to students and to people over seventy.',
]

/** A page whose markup shows the headline and a two-sentence teaser, then a "read more" button. */
function teaserPage(scripts: string, teaser = `<p>${FIRST}</p>`): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE} | Island Times</title></head><body>
<header><a href="/">Island Times</a></header>
<div id="__next"><main><article><h1>${TITLE}</h1>${teaser}<button>Read the whole story</button></article></main></div>
<footer><p>© 2026 Island Times</p></footer>
${scripts}</body></html>`
}

function shellPage(scripts: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head><body><div id="fusion-app"><div class="spinner">Loading…</div></div>${scripts}</body></html>`
}

function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

function extract(html: string): ReturnType<typeof extractArticle> {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/ferry' })
}

describe('a story only in the page’s hydration data', () => {
  it('is read from Next.js __NEXT_DATA__ when the markup shows a teaser', () => {
    const data = {
      props: {
        pageProps: {
          article: { headline: TITLE, body: storyHtml() },
          related: [{ headline: 'Orchestra season', summary: OTHER_STORY[0] }],
        },
      },
      page: '/news/[slug]',
    }
    const article = extract(
      teaserPage(`<script id="__NEXT_DATA__" type="application/json">${json(data)}</script>`),
    )
    expect(article.text).toBe(STORY)
    expect(article.warnings).toContain(FALLBACK_WARNINGS['hydration-data'])
  })

  it('is read from Arc’s Fusion.globalContent content elements, subheadings kept, captions left out', () => {
    const data = {
      headlines: { basic: TITLE },
      content_elements: [
        { type: 'text', content: FIRST },
        {
          type: 'image',
          url: 'https://islandtimes.example/pier.jpg',
          caption: 'The northern pier in winter',
        },
        { type: 'text', content: SECOND },
        { type: 'header', level: 2, content: 'What the delay costs' },
        ...STORY_PARAGRAPHS.slice(2).map((content) => ({ type: 'text', content })),
      ],
    }
    const article = extract(
      shellPage(
        `<script type="application/javascript">window.Fusion=window.Fusion||{};Fusion.globalContent=${json(data)};Fusion.contentCache={};</script>`,
      ),
    )
    expect(article.text.split('\n\n')).toEqual([
      FIRST,
      SECOND,
      'What the delay costs',
      ...STORY_PARAGRAPHS.slice(2),
    ])
    expect(article.text).not.toContain('northern pier in winter')
    expect(article.html).toContain('<h2>What the delay costs</h2>')
  })

  it('is read from Nuxt 2’s window.__NUXT__, which is a function call, not JSON', () => {
    const script = `<script>window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{story:{title:${json(TITLE)},text:${json(STORY)},live:a}}],state:{user:b}}}(false,null,1));</script>`
    const article = extract(teaserPage(script))
    expect(article.text).toBe(STORY)
  })

  it('is read from an Apollo cache holding rich-text nodes', () => {
    const data = {
      'Article:42': {
        __typename: 'Article',
        title: TITLE,
        body: {
          nodeType: 'document',
          content: STORY_PARAGRAPHS.map((paragraph) => ({
            nodeType: 'paragraph',
            content: [{ nodeType: 'text', value: paragraph, marks: [] }],
          })),
        },
      },
    }
    const article = extract(shellPage(`<script>window.__APOLLO_STATE__=${json(data)};</script>`))
    expect(article.text).toBe(STORY)
    expect(article.warnings).toContain(FALLBACK_WARNINGS['hydration-data'])
  })
})

describe('a story only in a component’s props', () => {
  const attribute = (value: unknown): string =>
    JSON.stringify(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')

  it('is read from react-rails’ data-react-props', () => {
    const props = { locale: 'en', project: { title: TITLE, body: storyHtml() } }
    const page = shellPage(`<div data-react-class="StoryPage" data-react-props="${attribute(props)}"></div>`)
    expect(extract(page).text).toBe(STORY)
  })

  it('is read from Inertia’s data-page', () => {
    const props = {
      component: 'Article/Show',
      props: { article: { title: TITLE, content: STORY } },
      url: '/news/ferry',
    }
    const page = shellPage(`<div id="app" data-page="${attribute(props)}"></div>`)
    expect(extract(page).text).toBe(STORY)
  })
})

describe('hydration data the markup does not need', () => {
  it('is left alone when the markup holds the whole story', () => {
    const data = { props: { pageProps: { article: { headline: TITLE, body: storyHtml() } } } }
    const page = newsPage(storyHtml()).replace(
      '</body>',
      `<script id="__NEXT_DATA__" type="application/json">${json(data)}</script></body>`,
    )
    const article = extract(page)
    expect(article.text).toBe(STORY)
    expect(article.warnings).not.toContain(FALLBACK_WARNINGS['hydration-data'])
  })

  it('is not taken when it tells another story than the headline', () => {
    const data = {
      props: { pageProps: { next: { headline: 'Orchestra season', body: storyHtml(OTHER_STORY) } } },
    }
    const article = extract(
      teaserPage(`<script id="__NEXT_DATA__" type="application/json">${json(data)}</script>`),
    )
    expect(article.text).not.toContain('orchestra')
    expect(article.text).toContain(FIRST)
  })
})
