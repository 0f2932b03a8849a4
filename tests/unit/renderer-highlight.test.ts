import { describe, expect, it } from 'vitest'
import { highlightPieces } from '@shared/search'
import { matchCommands } from '@renderer/lib/palette-commands'

describe('showing marked text in the window', () => {
  it('splits the text into marked and plain pieces that add up to the text', () => {
    const pieces = highlightPieces({
      text: 'Peace talks in Geneva',
      highlights: [
        { start: 0, end: 5 },
        { start: 15, end: 21 },
      ],
    })
    expect(pieces).toEqual([
      { text: 'Peace', marked: true },
      { text: ' talks in ', marked: false },
      { text: 'Geneva', marked: true },
    ])
  })

  it('clips ranges that overlap, run past the end or come unsorted, never losing text', () => {
    const text = 'abcdef'
    const pieces = highlightPieces({
      text,
      highlights: [
        { start: 4, end: 99 },
        { start: 1, end: 3 },
        { start: 2, end: 5 },
      ],
    })
    expect(pieces.map((p) => p.text).join('')).toBe(text)
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['bc', 'de', 'f'])
  })
})

describe('finding a command in the palette', () => {
  it('matches every typed word in the label or the keywords, accents ignored', () => {
    expect(matchCommands('show star').map((c) => c.label)).toEqual(['Show starred'])
    expect(matchCommands('dark').map((c) => c.label)).toEqual(['Reader settings'])
    expect(matchCommands('ádd').map((c) => c.label)).toEqual(['Add article'])
    expect(matchCommands('').length).toBeGreaterThan(5)
    expect(matchCommands('zzz')).toEqual([])
  })
})
