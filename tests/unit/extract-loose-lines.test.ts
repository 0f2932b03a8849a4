import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/ingest/extract'
import { newsPage, STORY_PARAGRAPHS, storyHtml } from '../fixtures/extract-pages'

/*
 * Furniture printed as a line that is no block of its own: a bare text node or a <span> between
 * the story's paragraphs, the text of an element the block walk does not count (<center>), or one
 * <br>-separated line of a paragraph whose other lines are the story. The second set's pages
 * (German CMSs, forum and shop software) print their "Publiziert: …", "- Anzeige -" and "Lade
 * weitere Inhalte …" lines so; they are judged by the same whole-line rules as a block.
 */

function extract(article: string): ReturnType<typeof extractArticle> {
  return extractArticle({
    kind: 'html',
    html: newsPage(article),
    url: 'https://islandtimes.example/news/ferry-terminal',
  })
}

const [FIRST = '', SECOND = '', ...REST] = STORY_PARAGRAPHS

describe('furniture lines outside any block', () => {
  it('removes a bare furniture line between paragraphs and keeps every paragraph', () => {
    const article = extract(`
      <div class="text">
        <p>${FIRST}</p>
        Lade weitere Inhalte ...
        <p>${SECOND}</p>
        <span>Weitere Informationen</span>
        <center>- Anzeige-</center>
        ${storyHtml(REST)}
      </div>`)
    expect(article.text).not.toContain('Lade weitere Inhalte')
    expect(article.text).not.toContain('Weitere Informationen')
    expect(article.text).not.toContain('Anzeige')
    expect(article.text.split('\n\n')).toEqual(STORY_PARAGRAPHS)
  })

  it('removes a furniture line of a <br>-separated paragraph and keeps its story line', () => {
    const article = extract(`
      <p>Publiziert: 03.04.2020, 12:35<br>${FIRST}</p>
      ${storyHtml([SECOND, ...REST])}`)
    expect(article.text).not.toContain('Publiziert')
    expect(article.text).toContain(FIRST)
    expect(article.text).toContain(REST.at(-1))
  })

  it('keeps an address, a date, markup-like text or a byline on a line of the story', () => {
    const lines = [
      'Von David Hutzler, dpa',
      'http://www.jeongdongtheater.com',
      '29 November 2018 | 20 January 2019',
      '<The Palace: Jang Noksu>',
    ]
    const article = extract(`
      ${storyHtml([FIRST, SECOND])}
      <p>${lines.map((line) => line.replace(/</g, '&lt;').replace(/>/g, '&gt;')).join('<br>')}<br>The play runs at the Jeongdong theatre in Seoul every evening except Mondays.</p>
      ${storyHtml(REST)}`)
    for (const line of lines) expect(article.text).toContain(line)
  })
})
