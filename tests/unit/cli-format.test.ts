import { describe, expect, it } from 'vitest'
import { formatArticle, formatListLine, terminalSafe } from '../../src/main/cli/format'
import { noArticlesMessage } from '../../src/main/cli/library-commands'
import { makeSummary } from '../helpers/temp-library'

const CLEAR_SCREEN = '\u001b[2J\u001b[H'
const RETITLE = '\u001b]0;pwned\u0007'
const CSI_8BIT = '\u009b31m'

describe('what the CLI prints for a person cannot drive their terminal', () => {
  it('strips escape sequences, C1 controls and bidi overrides from a headline', () => {
    const line = formatListLine(
      makeSummary({
        title: `${CLEAR_SCREEN}Minsk${RETITLE} talks${CSI_8BIT} \u202eevil`,
        siteName: 'Site\u001b[5m',
      }),
    )
    // eslint-disable-next-line no-control-regex -- the characters that must be gone
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(line).toContain('Minsk]0;pwned talks31m evil')
    expect(line).toContain('— Site[5m')
  })

  it('keeps line breaks and tabs of the text, turning carriage returns into breaks', () => {
    const text = formatArticle({
      title: 'Title',
      byline: null,
      siteName: null,
      publishedAt: null,
      url: null,
      text: `First\tparagraph.\r\nSecond\rThird${CLEAR_SCREEN}`,
    })
    expect(text).toBe('Title\n\nFirst\tparagraph.\nSecond\nThird[2J[H')
  })

  it('folds a headline with line breaks onto its one line of the list', () => {
    expect(formatListLine(makeSummary({ title: 'One\nTwo', siteName: null, fileName: null }))).toMatch(
      /One Two$/,
    )
  })

  it('shows the day saved, which the list is sorted and filtered by, not the day published', () => {
    const line = formatListLine(
      makeSummary({ publishedAt: '2026-10-01T08:00:00.000Z', addedAt: '2026-12-04T19:00:00.000Z' }),
    )
    expect(line).toContain('2026-12-04')
    expect(line).not.toContain('2026-10-01')
  })

  it('leaves ordinary text in any script alone', () => {
    const text = 'Лукашенко — 卢卡申科 — לוקשנקו «Minsk»'
    expect(terminalSafe(text)).toBe(text)
  })
})

describe('an empty list says what it was asked for', () => {
  it('names the state and every filter, so a mistyped collection or country shows', () => {
    expect(noArticlesMessage({ state: 'all' })).toBe('No articles.')
    expect(noArticlesMessage({ state: 'unread', country: 'ua' })).toBe('No unread articles about UA.')
    expect(noArticlesMessage({ state: 'all', collection: 'Nope', from: '2026-01-01' })).toBe(
      'No articles in the collection “Nope” saved since 2026-01-01.',
    )
  })
})
