import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { isCounterLine, isTailLine } from '../../src/main/ingest/extract/boilerplate-tail'
import { newsPage, STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

function extract(article: string): ReturnType<typeof extractArticle> {
  return extractArticle({
    kind: 'html',
    html: newsPage(article),
    url: 'https://islandtimes.example/news/ferry-terminal',
  })
}

const LAST = STORY_PARAGRAPHS.at(-1) ?? ''

describe('caption debris at the start of the story', () => {
  it('drops the labels only a screen reader hears (BBC’s “Media caption”)', () => {
    const article = extract(`
      <figure class="media-with-caption">
        <img src="https://islandtimes.example/media/ferry.jpg" alt="">
        <figcaption class="media-with-caption__caption"><span class="off-screen">Media caption</span>Who runs the new terminal?</figcaption>
      </figure>
      <p><span class="sr-only">Image copyright</span> ${STORY_PARAGRAPHS[0]}</p>
      ${storyHtml(STORY_PARAGRAPHS.slice(1))}`)
    expect(article.html).not.toContain('Media caption')
    expect(article.html).toContain('Who runs the new terminal?')
    expect(article.text).not.toContain('Image copyright')
    expect(article.text.split('\n')[0]).toBe(STORY_PARAGRAPHS[0])
  })

  it('drops a caption’s label word and keeps its words', () => {
    const article = extract(`
      <figure><img src="https://islandtimes.example/media/ferry.jpg" alt="">
        <figcaption>Bildunterschrift: Die neue Fähre im Hafen</figcaption></figure>
      ${storyHtml()}`)
    expect(article.html).not.toContain('Bildunterschrift')
    expect(article.html).toContain('Die neue Fähre im Hafen')
  })

  it('drops a picture credit printed before the first paragraph or glued to its start', () => {
    const article = extract(`
      <p>Foto: dpa</p>
      <p><span class="credit-line">Photo: Joe Borg</span>${STORY_PARAGRAPHS[0]}</p>
      ${storyHtml(STORY_PARAGRAPHS.slice(1))}`)
    expect(article.text.split('\n')[0]).toBe(STORY_PARAGRAPHS[0])
    expect(article.html).not.toContain('Foto: dpa')
    expect(article.html).not.toContain('Joe Borg')
  })
})

describe('what closes the page but not the story', () => {
  it('removes a lone agency line, the rights notice and the vote counters', () => {
    const article = extract(`
      <p>(AFP)</p>
      ${storyHtml()}
      <p>Reuters</p>
      <p>© 2024 Reuters. All rights reserved.</p>
      <div class="votes"><span>Нравится</span> <span>12</span> <span>Не нравится</span> <span>3</span></div>`)
    const lines = article.text.split('\n')
    expect(lines[0]).toBe(STORY_PARAGRAPHS[0])
    expect(lines.at(-1)).toBe(LAST)
    expect(article.html).not.toContain('Нравится')
    expect(article.html).not.toContain('All rights reserved')
  })

  it('removes the results of a poll closing a Russian story', () => {
    const article = extract(`
      ${storyHtml()}
      <div class="poll-block">
        <div class="poll-item"><span>%</span><span>165 голосов</span></div>
        <div class="poll-item"><span>%</span><span>61 голос</span></div>
        <div class="poll-item"><span>%</span><span>34 голоса</span></div>
      </div>`)
    expect(article.text.split('\n').at(-1)).toBe(LAST)
  })

  it('keeps a closing paragraph of the story that mentions rights or numbers', () => {
    const closing = 'The operator said all rights reserved under the old lease would pass to the state.'
    const article = extract(`${storyHtml()}<p>${closing}</p><p>Inquiries: 02-751-1500</p>`)
    expect(article.text).toContain(closing)
    expect(article.text).toContain('02-751-1500')
  })

  it('tells counters and rights notices from lines of a story', () => {
    expect(isCounterLine('Нравится 12 Не нравится 3')).toBe(true)
    expect(isCounterLine('1.2k likes')).toBe(true)
    expect(isCounterLine('57%')).toBe(true)
    expect(isCounterLine('2:1')).toBe(false)
    expect(isCounterLine('Like many others, 12 people left.')).toBe(false)
    expect(isTailLine('Copyright 2019 The Associated Press. All rights reserved.')).toBe(true)
    expect(isTailLine('Все права защищены.')).toBe(true)
    expect(isTailLine('dpa')).toBe(true)
    expect(isTailLine('The dpa reporter was there.')).toBe(false)
  })
})
