import { describe, expect, it } from 'vitest'
import { describePassage } from '../../src/shared/highlight-anchor'
import { documentText, paintPassages } from '../../src/shared/highlight-marks'
import { articlePlainText, bodyOf } from '../../src/main/highlights/article-plain-text'

const HTML =
  '<p>The night trains kept running through the <em>coldest</em> winter.</p>\n' +
  '<p>Kiosks &lt; 6 were shut &amp; the station was quiet.</p>'

function painted(html: string, passage: string, id = 'h1'): { html: string; found: Set<string> } {
  const body = bodyOf(html)
  const text = articlePlainText(html)
  const at = text.indexOf(passage)
  const found = paintPassages(body.ownerDocument, body, [
    { ...describePassage(text, at, at + passage.length), id, colour: 'green' },
  ])
  return { html: body.innerHTML, found }
}

describe('painting highlights as marks', () => {
  it('counts the text the reader frame shows: entities decoded, the space between paragraphs kept', () => {
    expect(articlePlainText(HTML)).toBe(
      'The night trains kept running through the coldest winter.\nKiosks < 6 were shut & the station was quiet.',
    )
  })

  it('marks a passage across an inline element, one mark per piece, the text unchanged', () => {
    const result = painted(HTML, 'through the coldest winter')
    expect(result.found).toEqual(new Set(['h1']))
    expect(result.html).toContain(
      '<mark data-highlight-start="" class="dateline-highlight dateline-highlight-green" data-highlight-id="h1">through the </mark><em><mark',
    )
    expect(documentText(bodyOf(result.html)).text).toBe(articlePlainText(HTML))
  })

  it('marks a passage with entities in it as one mark, and none between paragraphs', () => {
    const result = painted(HTML, 'winter.\nKiosks < 6')
    expect(result.html.match(/<mark /g)).toHaveLength(2)
    expect(result.html).toContain('>Kiosks &lt; 6</mark>')
    expect(result.html).not.toMatch(/<\/p><mark/)
  })

  it('paints nothing for a passage the text no longer has', () => {
    const body = bodyOf(HTML)
    const gone = {
      exact: 'a ferry to Odesa',
      prefix: '',
      suffix: '',
      start: 3,
      end: 19,
      id: 'h2',
      colour: 'yellow',
    }
    expect(paintPassages(body.ownerDocument, body, [gone])).toEqual(new Set())
    expect(body.innerHTML).not.toContain('<mark')
  })
})
