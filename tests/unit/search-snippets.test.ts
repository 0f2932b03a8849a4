import { describe, expect, it } from 'vitest'
import type { HighlightedText } from '@shared/search'
import { textForIndex } from '../../src/main/search/index-text'
import { parseQuery } from '../../src/main/search/query-parser'
import { buildSnippet, highlightAll } from '../../src/main/search/snippets'

const marked = (value: HighlightedText): string[] =>
  value.highlights.map((r) => value.text.slice(r.start, r.end))
const terms = (query: string): ReturnType<typeof parseQuery>['include'] => parseQuery(query).include

describe('cutting CJK text into words for the index', () => {
  it('puts spaces between Chinese and Japanese words and leaves other text alone', () => {
    expect(textForIndex('国务院总理在北京')).toBe(' 国务院 总理 在 北京 ')
    expect(textForIndex('東京都庁で記者会見')).toContain('記者 会見')
    expect(textForIndex('Kyiv, 25 листопада')).toBe('Kyiv, 25 листопада')
  })
})

describe('snippets with the matched words marked', () => {
  it('marks words with their diacritics when the query has none, and prefixes being typed', () => {
    expect(marked(highlightAll('Zelenskyí meets Zelenskyi', terms('zelenskyi ')))).toEqual([
      'Zelenskyí',
      'Zelenskyi',
    ])
    expect(marked(highlightAll('Sanctions and sanctioned exports', terms('sanct')))).toEqual([
      'Sanctions',
      'sanctioned',
    ])
  })

  it('marks a phrase only where its words stand together', () => {
    const value = highlightAll('peace and talks; peace talks', terms('"peace talks"'))
    expect(marked(value)).toEqual(['peace talks'])
  })

  it('does not mark excluded words', () => {
    expect(marked(highlightAll('talks on sanctions', terms('talks -sanctions')))).toEqual(['talks'])
  })

  it('shows the stretch with the most different query words, cut at words, with ellipses', () => {
    const text = `${'Filler words here. '.repeat(30)}The border stayed shut. ${'More filler. '.repeat(10)}Troops at the border waited. ${'Tail. '.repeat(40)}`
    const snippet = buildSnippet(text, terms('troops border '), 120)
    expect(snippet.text.startsWith('… ')).toBe(true)
    expect(snippet.text.endsWith(' …')).toBe(true)
    expect(marked(snippet)).toContain('Troops')
    expect(snippet.text.length).toBeLessThanOrEqual(126)
  })

  it('starts at the top of a short text and keeps ranges right across paragraph breaks', () => {
    const snippet = buildSnippet('First line.\n\n\nThe   border\nwas shut.', terms('border '))
    expect(snippet.text).toBe('First line. The border was shut.')
    expect(marked(snippet)).toEqual(['border'])
  })

  it('marks Chinese words inside unspaced text', () => {
    expect(marked(buildSnippet('国务院总理今天在北京会见了德国总理。', terms('北京 ')))).toEqual(['北京'])
  })

  it('opens the text unmarked when the article matched elsewhere', () => {
    const snippet = buildSnippet('Nothing here matches.', terms('border '))
    expect(snippet).toEqual({ text: 'Nothing here matches.', highlights: [] })
  })
})
