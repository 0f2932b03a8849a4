import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorPassage, describePassage } from '../../src/shared/highlight-anchor'

const STORY =
  'Kyiv, Ukraine. The night trains kept running through the winter. ' +
  'Conductors said the trains were full every night. ' +
  'In Lviv, the station was quiet by morning.'

function highlight(text: string, passage: string, occurrence = 0): ReturnType<typeof describePassage> {
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(passage, at + 1)
  if (at === -1) throw new Error(`no ${passage}`)
  return describePassage(text, at, at + passage.length)
}

describe('anchoring a highlight', () => {
  it('finds the passage at its position when the text is unchanged', () => {
    const selector = highlight(STORY, 'kept running through the winter')
    expect(anchorPassage(STORY, selector)).toEqual({ start: selector.start, end: selector.end })
    expect(selector.prefix).toBe('Kyiv, Ukraine. The night trains ')
    expect(selector.suffix.startsWith('. Conductors')).toBe(true)
  })

  it('finds it by its quote after a re-capture put a paragraph before it', () => {
    const selector = highlight(STORY, 'the station was quiet')
    const recaptured = `Updated at 10:00. An editor's note added at the top.\n\n${STORY}`
    const at = anchorPassage(recaptured, selector)
    expect(at).not.toBeNull()
    expect(recaptured.slice(at!.start, at!.end)).toBe('the station was quiet')
    expect(at!.start).toBeGreaterThan(selector.start)
  })

  it('tells two copies of the quote apart by their context, wherever the position now points', () => {
    const second = highlight(STORY, 'trains', 1)
    const first = highlight(STORY, 'trains', 0)
    expect(first.start).not.toBe(second.start)
    // Shift the text so neither position holds the quote: only the context can decide.
    const shifted = `A new standfirst of forty-one characters.${STORY}`
    const at = anchorPassage(shifted, second)
    expect(at?.start).toBe(second.start + 41)
    expect(anchorPassage(shifted, first)?.start).toBe(first.start + 41)
  })

  it('picks the copy nearest its old place when the contexts are alike', () => {
    const text = 'Yes. Yes. Yes. Yes.'
    const third = describePassage(text, 10, 14)
    // One character inserted before: the copies are now at 0, 6, 11 and 16; the third moved to 11.
    const edited = `${text.slice(0, 4)}!${text.slice(4)}`
    expect(anchorPassage(edited, { ...third, prefix: '', suffix: '' })?.start).toBe(11)
  })

  it('matches across line breaks a re-capture changed', () => {
    const selector = highlight(STORY, 'were full every night')
    const rewrapped = STORY.replace('were full', 'were\n  full')
    const at = anchorPassage(rewrapped, selector)
    expect(rewrapped.slice(at!.start, at!.end)).toBe('were\n  full every night')
  })

  it('reports a passage that is gone as not found, so the highlight is kept as orphaned', () => {
    const selector = highlight(STORY, 'the station was quiet')
    expect(anchorPassage(STORY.replace('the station was quiet', 'the platform emptied'), selector)).toBeNull()
  })

  it('keeps a highlight anchored to the same words through any edit far from it', () => {
    const letters = fc.string({
      minLength: 0,
      maxLength: 200,
      unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', 'e'),
    })
    fc.assert(
      fc.property(
        letters,
        fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', 'e') }),
        letters,
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 60, unit: fc.constantFrom('1', '2', '3', '\n', ' ') }),
        (before, passage, after, editBefore, where, length, inserted) => {
          // Far from the highlight: outside its quote's context on either side.
          const margin = 40
          const text = `${'x'.repeat(margin)}${before}${'y'.repeat(margin)}${passage}${'z'.repeat(margin)}${after}${'w'.repeat(margin)}`
          const start = margin + before.length + margin
          const selector = describePassage(text, start, start + passage.length)
          const zone = editBefore ? [0, start - margin] : [selector.end + margin, text.length]
          const from = zone[0]! + (where % (zone[1]! - zone[0]! + 1))
          const to = Math.min(zone[1]!, from + (length % 30))
          const edited = text.slice(0, from) + inserted + text.slice(to)
          const shift = editBefore ? inserted.length - (to - from) : 0
          expect(anchorPassage(edited, selector)).toEqual({
            start: selector.start + shift,
            end: selector.end + shift,
          })
        },
      ),
      { numRuns: 300 },
    )
  })
})
