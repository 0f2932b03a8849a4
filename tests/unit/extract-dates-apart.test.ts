import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { newsPage, STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

/*
 * A date or a time printed against the next word, set apart on the page only by its stylesheet
 * (a live blog's "<time>21:22</time><mark>Name</mark>", a "<span class=date>" before a paragraph),
 * is set apart in the copy too; punctuation after it stays where it was.
 */

function textOf(article: string): string {
  return extractArticle({
    kind: 'html',
    html: newsPage(article),
    url: 'https://islandtimes.example/news/ferry-terminal',
  }).text
}

describe('dates printed against the next word', () => {
  it('puts a space between a <time> or a date-named span and the word it touches', () => {
    const text = textOf(
      `${storyHtml()}
<p><time datetime="2024-03-06T21:22">21:22</time><strong>Update</strong>: the harbour master confirmed that the evening ferry had left on time despite the wind.</p>
<p><span class="post-date">06.03.2024</span>Die Reederei teilte mit, dass die Abendfähre trotz des Windes pünktlich abgelegt habe und morgen wieder fahre.</p>
<p>Published <time>Nov. 20, 2024</time><time>Updated: Nov. 21, 2024</time> by the harbour authority, which also answered questions from readers.</p>`,
    )
    expect(text).toContain('21:22 Update: the harbour master confirmed')
    expect(text).toContain('06.03.2024 Die Reederei teilte mit')
    expect(text).toContain('Nov. 20, 2024 Updated: Nov. 21, 2024 by the harbour authority')
    for (const paragraph of STORY_PARAGRAPHS) expect(text).toContain(paragraph)
  })

  it('adds nothing before punctuation or where a space already is', () => {
    const text = textOf(
      `${storyHtml()}
<p>The terminal was first due to open on <time>1 May 2024</time>, then in <time datetime="2025">2025</time>; neither date held, and the authority now speaks of spring.</p>`,
    )
    expect(text).toContain('on 1 May 2024, then in 2025; neither date held')
  })
})
