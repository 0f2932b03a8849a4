import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import type { DomElement } from '../../src/main/ingest/extract/dom'
import { parseWithLinkedom } from '../../src/main/ingest/extract/page-tree'
import { mapBlocks, recoverBlocks } from '../../src/main/ingest/extract/recover-blocks'
import { STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

/*
 * Two shapes many CMSs share (WordPress themes, German and French regional papers): the lead sits
 * in its own box between the headline and the body, and the body carries "read on" link lists.
 * Readability alone drops the lead and keeps the lists.
 */

const LEAD =
  'The harbour authority has chosen a new operator for the island ferries after a year of delays. The contract runs for ten years and covers both the night crossing and the new terminal, which opens in the spring if the last tests of the northern pier go well.'

function page(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>New ferry operator chosen | Island Times</title></head><body>
<div class="menu"><a href="/">Island Times</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="page">
  <div class="cartouche"><h1 class="entry-title">New ferry operator chosen</h1>
    <div class="mots"><a href="/tag/ferries">Ferries</a>-<a href="/tag/harbour">Harbour</a>-<a href="/tag/valletta">Valletta</a></div></div>
  <div class="chapo"><div><p>${LEAD}</p></div><div class="metas"><span class="date">4.02.2026</span></div></div>
  <div class="widthfix"><div class="contenu">${body}</div></div>
</div>
<div class="bottom"><p>Island Times, 12 Harbour Street, Valletta</p></div>
</body></html>`
}

function extract(html: string): string {
  return extractArticle({ kind: 'html', html, url: 'https://islandtimes.example/news/operator' }).text
}

describe('the lead Readability leaves out', () => {
  it('is put back before the story, once', () => {
    const text = extract(page(storyHtml()))
    expect(text.split('\n\n')).toEqual([LEAD, ...STORY_PARAGRAPHS])
  })

  it('leaves the tag list and the date between headline and lead out', () => {
    const text = extract(page(storyHtml()))
    expect(text).not.toContain('Ferries-Harbour')
    expect(text).not.toContain('4.02.2026')
  })
})

describe('a short lead the page names as its lead', () => {
  // 21 words: under the length at which any prose between headline and story counts as its lead.
  const SHORT_LEAD =
    'The harbour authority has chosen a new operator for the island ferries after a year of delays and two failed tenders.'
  const withLead = (boxClass: string): string =>
    `<!DOCTYPE html><html lang="en"><head><title>New ferry operator chosen | Island Times</title></head><body>
<div class="menu"><a href="/">Island Times</a> <a href="/news">News</a></div>
<div class="top"><div class="heading"><h1>New ferry operator chosen</h1>
<div class="${boxClass}"><p>${SHORT_LEAD}</p></div><div class="metas">4.02.2026</div></div></div>
<div class="columns"><div class="left"><div class="contenu">${storyHtml()}</div></div></div>
</body></html>`

  it('is put back when its box is named as the lead or intro', () => {
    for (const boxClass of ['article-intro', 'lead', 'chapo']) {
      expect([boxClass, extract(withLead(boxClass)).split('\n\n')]).toEqual([
        boxClass,
        [SHORT_LEAD, ...STORY_PARAGRAPHS],
      ])
    }
  })

  it('is left out when it is named as a dek or summary, or not named at all', () => {
    for (const boxClass of ['c-entry-summary p-dek', 'intro-dek', 'hero']) {
      expect([boxClass, extract(withLead(boxClass)).split('\n\n')]).toEqual([boxClass, STORY_PARAGRAPHS])
    }
  })
})

describe('lists of other pages inside the story', () => {
  const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS
  const body = `<p>${first}</p><p>${second}</p><p>${third}</p>
<h2>Read on:</h2><p><a href="/a">Harbour fees will rise again next year, the council says</a></p>
<p>${fourth}</p><p>${fifth}</p>
<ul><li><a href="/b">New buses for the north of the island</a></li><li><a href="/c">The old town's lorries, counted</a></li></ul>`

  it('drops the links and the heading that introduces them', () => {
    const text = extract(page(body))
    expect(text).not.toContain('Read on')
    expect(text).not.toContain('Harbour fees will rise')
    expect(text).not.toContain('New buses for the north')
  })

  it('keeps every paragraph of the story, in order', () => {
    const text = extract(page(body))
    expect(text.split('\n\n').filter((p) => STORY_PARAGRAPHS.includes(p))).toEqual(STORY_PARAGRAPHS)
  })
})

describe('a labelled line pointing to another story', () => {
  const [first, second, third, fourth, fifth] = STORY_PARAGRAPHS
  // The label is a fifth of the line, so the link alone is under the 80% a list of links has.
  const body = `<p>${first}</p><p>${second}</p>
<p><b>LE PUEDE INTERESAR: <a href="/a">Harbour fees will rise again next year</a></b></p>
<p>${third}</p><h6><strong>Mire: </strong><a href="/b">New buses for the north of the island</a></h6>
<p>${fourth}</p><p>Account: <a href="https://social.example/@harbourwatch">@harbourwatch</a></p>
<p>Pro tip: <a href="/c">find the winter timetable of every ferry</a> here.</p>
<p><strong>On 2 February:</strong> <a href="/d">Harbour authority names the new ferry operator</a></p>
<p>${fifth}</p>`

  it('is left out, in any language, as a paragraph or a heading', () => {
    const text = extract(page(body))
    expect(text).not.toContain('Harbour fees will rise')
    expect(text).not.toContain('New buses for the north')
    expect(text.split('\n\n').filter((p) => STORY_PARAGRAPHS.includes(p))).toEqual(STORY_PARAGRAPHS)
  })

  it('stays when the link is a name, the line goes on after it, or the label is a date', () => {
    const text = extract(page(body))
    expect(text).toContain('Account: @harbourwatch')
    expect(text).toContain('Pro tip: find the winter timetable of every ferry here.')
    expect(text).toContain('On 2 February: Harbour authority names the new ferry operator')
  })
})

/** Readability's copy of the page's story block, as it comes back: the blocks' marks kept. */
function recoveredParagraphs(pageHtml: string, mutate: (body: DomElement) => void = () => {}): string[] {
  const { body } = parseWithLinkedom(pageHtml)
  if (body === null) throw new Error('no body')
  const map = mapBlocks(body)
  mutate(body)
  const story = parseWithLinkedom(
    `<html><body><div>${body.querySelector('.field-text')?.innerHTML ?? ''}</div></body></html>`,
  ).body
  if (story === null) throw new Error('no story')
  recoverBlocks(map, story, 'New ferry operator chosen')
  return Array.from(story.querySelectorAll('p')).map((p) => (p.textContent ?? '').trim())
}

describe('a lead marked up as a subheading', () => {
  // Latin American and Spanish CMSs put the lead ("bajada") under the headline as an <h2>.
  it('is put back, as a paragraph', () => {
    const paragraphs = recoveredParagraphs(
      `<html><body><article><h1>New ferry operator chosen</h1><h2 class="bajada">${LEAD}</h2><div class="field-text">${storyHtml()}</div></article></body></html>`,
    )
    expect(paragraphs).toEqual([LEAD, ...STORY_PARAGRAPHS])
  })

  it('is not confused with a subheading of a few words', () => {
    const paragraphs = recoveredParagraphs(
      `<html><body><article><h1>New ferry operator chosen</h1><h2>The contract, the terminal and the night crossing explained</h2><div class="field-text">${storyHtml()}</div></article></body></html>`,
    )
    expect(paragraphs).toEqual(STORY_PARAGRAPHS)
  })
})

describe('a lead whose element Readability rewrote', () => {
  // Drupal's field--name-field-abstract and many themes' standfirst boxes are a <div> of bare text.
  // Readability works on the same tree and turns such a <div> into a new <p>, moving its text out:
  // the element the lead was found in is empty by the time the lead is put back.
  it('is put back with its text', () => {
    const paragraphs = recoveredParagraphs(
      `<html><body><article><h1>New ferry operator chosen</h1><div class="field-abstract">${LEAD}</div><div class="field-text">${storyHtml()}</div></article></body></html>`,
      (body) => {
        const lead = body.querySelector('.field-abstract')
        const rewritten = body.ownerDocument.createElement('p')
        rewritten.append(...Array.from(lead?.childNodes ?? []))
        lead?.replaceWith(rewritten)
      },
    )
    expect(paragraphs).toEqual([LEAD, ...STORY_PARAGRAPHS])
  })
})

describe('a short lead set apart from the headline', () => {
  // 21 words, in no box named as the lead: the length of a two-line lead in the body's column.
  const SHORT_LEAD =
    'The harbour authority has chosen a new operator for the island ferries after a year of delays and two failed tenders.'
  const withLead = (header: string, lead: string): string =>
    `<!DOCTYPE html><html lang="de"><head><title>New ferry operator chosen | Island Times</title></head><body>
<div class="menu"><a href="/">Island Times</a> <a href="/news">News</a></div>
<div class="region-top"><div class="block">${header}</div><div class="block">${lead}</div></div>
<div class="region-main"><div class="columns"><div class="left"><div class="contenu">${storyHtml()}</div></div></div></div>
</body></html>`

  it('is put back when it opens the body, outside the headline’s box', () => {
    const text = extract(
      withLead('<h1>New ferry operator chosen</h1>', `<p><strong>${SHORT_LEAD}</strong></p>`),
    )
    expect(text.split('\n\n')).toEqual([SHORT_LEAD, ...STORY_PARAGRAPHS])
  })

  it('is left out inside the headline’s box, or named as a dek, as publishers do not count it', () => {
    const inHeader = extract(
      withLead(`<header><h1>New ferry operator chosen</h1><p>${SHORT_LEAD}</p></header>`, ''),
    )
    expect(inHeader.split('\n\n')).toEqual(STORY_PARAGRAPHS)
    const named = extract(
      withLead('<h1>New ferry operator chosen</h1>', `<p class="blurb">${SHORT_LEAD}</p>`),
    )
    expect(named.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('is put back from a Drupal body field, whose type names a summary', () => {
    const text = extract(
      withLead(
        '<h1>New ferry operator chosen</h1>',
        `<div class="field field--type-text-with-summary field__item"><p>${SHORT_LEAD}</p></div>`,
      ),
    )
    expect(text.split('\n\n')).toEqual([SHORT_LEAD, ...STORY_PARAGRAPHS])
  })
})
