import { describe, expect, it } from 'vitest'
import { featuresOf } from '../../src/main/stories/article-features'
import { groupItems } from '../../src/main/stories/group-items'
import { skeletonOf, toLatin } from '../../src/main/stories/transliterate'

const name = (word: string): string => `n:${skeletonOf(toLatin(word))}`

/**
 * What may count as one of the two pieces of evidence a story needs. Found on a small library (a
 * new user's first week): Finland's president visiting Kyiv joined Putin's talks with Lukashenko,
 * tied only by "President", "Alexander" and "Vladimir"/"Volodymyr".
 */
describe('evidence that says which event', () => {
  it('does not count a given name or a title written only before another name', () => {
    const features = featuresOf({
      title: 'President Alexander Stubb visits Kyiv',
      text: 'Finnish President Alexander Stubb met Volodymyr Zelensky on Tuesday.',
      at: 0,
    })
    expect(features.evidence.has(name('Stubb'))).toBe(true)
    expect(features.evidence.has(name('Zelensky'))).toBe(true)
    expect(features.evidence.has(name('Alexander'))).toBe(false)
    expect(features.evidence.has(name('Volodymyr'))).toBe(false)
    expect(features.evidence.has(name('President'))).toBe(false)
    // Still part of the resemblance: only the two-pieces guard ignores them.
    expect(features.vector.has(name('Alexander'))).toBe(true)
  })

  it('counts a name that also stands on its own', () => {
    const features = featuresOf({
      title: 'Lukashenko meets Putin',
      text: 'Alexander Lukashenko said Lukashenko would not yield.',
      at: 0,
    })
    expect(features.evidence.has(name('Lukashenko'))).toBe(true)
  })

  it('keeps two events of one day in one city apart when they share only their place and first names', () => {
    const day = Date.parse('2026-11-03T08:00:00Z')
    const grouped = groupItems(
      [
        {
          id: 'talks-en',
          title: 'Putin tells Lukashenko Russia will help Belarus',
          text: 'President Vladimir Putin told President Alexander Lukashenko in Kyiv, Ukraine talks.',
          lang: 'en',
          publishedAt: new Date(day).toISOString(),
        },
        {
          id: 'visit-de',
          title: 'Stubb besucht Kiew',
          text: 'Präsident Alexander Stubb traf Präsident Wolodymyr Selenskyj in Kiew, Ukraine.',
          lang: 'de',
          publishedAt: new Date(day + 3_600_000).toISOString(),
        },
      ],
      { countries: false },
    )
    const story = new Map(grouped.map((item) => [item.id, item.story]))
    expect(story.get('talks-en')).not.toBe(story.get('visit-de'))
  })
})
