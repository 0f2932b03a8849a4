import { describe, expect, it } from 'vitest'
import { highlightOfValue } from '../../src/main/sync/highlight-changes'

const GOOD = {
  article: '0123456789abcdef',
  exact: 'the trains',
  prefix: 'Kyiv — ',
  suffix: ' ran on time',
  start: 7,
  end: 17,
  note: 'check',
  colour: 'green',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
}

describe('a highlight read from another device’s log', () => {
  it('is stored as it was written', () => {
    expect(highlightOfValue('00000000000000aa', GOOD)).toMatchObject({
      articleId: GOOD.article,
      note: 'check',
      colour: 'green',
    })
  })

  it('is refused when it could name a path, has no passage, or an impossible position', () => {
    expect(highlightOfValue('../../etc/passwd', GOOD)).toBeNull()
    expect(highlightOfValue('00000000000000aa', { ...GOOD, article: '../0123456789ab' })).toBeNull()
    expect(highlightOfValue('00000000000000aa', { ...GOOD, exact: '' })).toBeNull()
    expect(highlightOfValue('00000000000000aa', { ...GOOD, start: 9, end: 9 })).toBeNull()
    expect(highlightOfValue('00000000000000aa', { ...GOOD, start: -1 })).toBeNull()
    expect(highlightOfValue('00000000000000aa', { ...GOOD, note: 'x'.repeat(20_001) })).toBeNull()
    expect(highlightOfValue('00000000000000aa', [GOOD])).toBeNull()
  })

  it('takes a colour this version does not know as yellow', () => {
    expect(highlightOfValue('00000000000000aa', { ...GOOD, colour: 'ultraviolet' })?.colour).toBe('yellow')
  })
})
