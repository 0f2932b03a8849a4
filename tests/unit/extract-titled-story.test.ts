import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

/*
 * Sites that load the next article as the reader scrolls (WordPress "auto-load next post", regional
 * papers' endless article pages) print several whole stories on one page. The link's story is the
 * one whose headline is the page's title, even when a later one is longer.
 */

const NEXT_STORY = [
  'The council of Mdina voted on Monday to close the old gate to cars from the summer, after a survey found that most residents wanted the square returned to walkers and the weekly market.',
  'Shopkeepers inside the walls asked for a delivery window in the early morning, and the mayor said the council would agree to one as long as the lorries were gone by eight o’clock.',
  'The police will check the new rule with cameras at both gates, and drivers who enter without a permit will be fined from the first week of July, the council’s notice said on Tuesday.',
  'Two bus routes will stop outside the walls instead, and a small electric shuttle will carry older residents and visitors with heavy bags from the car park up to the cathedral square.',
  'The opposition said the plan came too fast and asked for a trial of one summer first, but the motion passed with eleven votes to four after a debate that lasted most of the evening.',
  'A public meeting on the details is planned for May in the old seminary hall, where the council will also show the new paving that is to replace the asphalt of the main street.',
]
const THIRD_STORY = NEXT_STORY.map((paragraph) => paragraph.replace(/council/g, 'board'))

function endlessPage(title: string): string {
  const story = (headline: string, body: string, id: number): string =>
    `<article id="post-${id}" class="post type-post"><header class="entry-header"><h1 class="entry-title">${headline}</h1>
<div class="entry-meta">4 February 2026</div></header><div class="entry-content">${body}</div></article>`
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav class="menu"><a href="/">Island Times</a> <a href="/news">News</a></nav>
<main class="site-main"><div class="autoload">
${story('Ferry terminal delayed again', storyHtml(), 1)}
${story('Mdina closes its old gate to cars', storyHtml(NEXT_STORY), 2)}
${story('Rabat closes its market street to cars', storyHtml(THIRD_STORY), 3)}
</div></main></body></html>`
}

function extract(html: string): string {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/terminal' }).text
}

describe('a page that prints the next stories in full', () => {
  it('keeps the story whose headline is the page’s title, and only it', () => {
    const text = extract(endlessPage('Ferry terminal delayed again | Island Times'))
    expect(text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('keeps a later story when the page is that story’s', () => {
    const text = extract(endlessPage('Island Times | Mdina closes its old gate to cars'))
    expect(text.split('\n\n')).toEqual(NEXT_STORY)
  })
})

describe('pages of one story built of repeated boxes', () => {
  it('keeps every entry of a live blog, whose entries have headlines of their own', () => {
    const entries = [STORY_PARAGRAPHS, NEXT_STORY, THIRD_STORY].map(
      (paragraphs, i) =>
        `<article class="live-entry"><h2 class="entry-title">Update ${i + 1}: the harbour at noon</h2>${storyHtml(paragraphs)}</article>`,
    )
    const html = `<!DOCTYPE html><html lang="en"><head><title>Live: storm closes the harbour | Island Times</title></head><body>
<main><h1>Live: storm closes the harbour</h1><div class="live-feed">${entries.join('\n')}</div></main></body></html>`
    const text = extract(html)
    for (const paragraph of [...STORY_PARAGRAPHS, ...NEXT_STORY, ...THIRD_STORY])
      expect(text).toContain(paragraph)
  })

  it('keeps the body when the headline and the body sit in two rows of one kind', () => {
    // The body's own subheadings share the headline's tag, but not its place in the row.
    const html = `<!DOCTYPE html><html lang="en"><head><title>Ferry terminal delayed again</title></head><body>
<div class="row"><div class="col"><h2>Ferry terminal delayed again</h2><p>${STORY_PARAGRAPHS[0]}</p><p>${STORY_PARAGRAPHS[1]}</p></div></div>
<div class="row"><div class="text"><h2>What the engineers found</h2><p>${STORY_PARAGRAPHS[2]}</p><p>${STORY_PARAGRAPHS[3]}</p>
<h2>Mdina closes its old gate to cars</h2>${storyHtml(NEXT_STORY)}</div></div></body></html>`
    const text = extract(html)
    for (const paragraph of [...STORY_PARAGRAPHS.slice(0, 4), ...NEXT_STORY])
      expect(text).toContain(paragraph)
  })
  it('keeps every section of a story built of titled section boxes (Drupal paragraphs)', () => {
    // The first section's heading starts like the page's title, but is not the title.
    const section = (heading: string, paragraphs: string[]): string =>
      `<article class="paragraph paragraph--text"><h2 class="paragraph__headline">${heading}</h2>${storyHtml(paragraphs)}</article>`
    const html = `<!DOCTYPE html><html lang="en"><head><title>Why the ferry terminal is late, and what comes next - Island Times</title></head><body>
<h1>Why the ferry terminal is late, and what comes next</h1><article class="article-full"><section class="article-full__content">
${section('Why the ferry terminal is late', STORY_PARAGRAPHS)}
${section('What comes next in Mdina', NEXT_STORY)}
${section('What comes next in Rabat', THIRD_STORY)}
</section></article></body></html>`
    const text = extract(html)
    for (const paragraph of [...STORY_PARAGRAPHS, ...NEXT_STORY, ...THIRD_STORY])
      expect(text).toContain(paragraph)
  })
})
