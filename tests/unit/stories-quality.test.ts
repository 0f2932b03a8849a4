import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreGrouping, type GroupingScore } from '../../src/main/stories/bcubed'
import { groupItems, parseGroupableLines } from '../../src/main/stories/group-items'

/**
 * The labelled sets in tests/fixtures/stories/: dev.jsonl (30 stories, the one the constants were
 * chosen on) and held-out.jsonl (18 stories, never tuned on). Floors sit below the held-out figures
 * measured when the method landed (docs/stories.md), so a change that loses quality fails here.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'stories')

function measure(file: string, countries = true): GroupingScore {
  const text = readFileSync(join(FIXTURES, file), 'utf8')
  const items = parseGroupableLines(text)
  const labels = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id?: string; story: string; lang: string })
    .filter((line): line is { id: string; story: string; lang: string } => line.id !== undefined)
  const grouped = groupItems(items, { countries })
  const predicted = new Map(grouped.map((g) => [g.id, String(g.story)]))
  const score = scoreGrouping(
    labels.map((l) => ({ id: l.id, label: l.story, lang: l.lang })),
    predicted,
  )
  console.log(
    `${file}${countries ? '' : ' (no countries)'}: BCubed P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} ` +
      `F1 ${score.f1.toFixed(3)}, cross-language pairs found ${(score.crossLanguageRecall * 100).toFixed(1)}% ` +
      `of ${score.crossLanguagePairs}; ${score.predictedStories} groups for ${score.stories} stories`,
  )
  return score
}

describe('story grouping on the labelled sets', () => {
  it('groups the held-out set (never tuned on) well above the headline baseline', () => {
    const score = measure('held-out.jsonl')
    expect(score.items).toBeGreaterThanOrEqual(100)
    expect(score.f1).toBeGreaterThanOrEqual(0.9)
    expect(score.crossLanguageRecall).toBeGreaterThanOrEqual(0.85)
  })

  it('groups the development set', () => {
    const score = measure('dev.jsonl')
    expect(score.f1).toBeGreaterThanOrEqual(0.9)
    expect(score.crossLanguageRecall).toBeGreaterThanOrEqual(0.8)
  })

  // Every story of these two is an earthquake, in nine languages and five scripts: the kind of set
  // the method is judged on (goal F1 0.75, half the cross-language pairs). Floors sit about 0.05
  // below the figures measured (never-tuned 0.906 / 80%, tuned 0.937 / 88%; docs/stories.md), and
  // well above what the method did before it read Han, kana and Arabic (0.68 / 43%, 0.65 / 42%).
  it('groups earthquakes in nine languages, the half never tuned on', () => {
    const score = measure('earthquakes-held-out.jsonl')
    expect(score.items).toBeGreaterThanOrEqual(120)
    expect(score.f1).toBeGreaterThanOrEqual(0.85)
    expect(score.crossLanguageRecall).toBeGreaterThanOrEqual(0.72)
  })

  it('groups earthquakes in nine languages, the half tuned on', () => {
    const score = measure('earthquakes-tune.jsonl')
    expect(score.f1).toBeGreaterThanOrEqual(0.88)
    expect(score.crossLanguageRecall).toBeGreaterThanOrEqual(0.8)
  })

  // Floods, written before any tuning to imitate the judged set and never tuned on (its $comment
  // says so): 165 headlines in 12 languages, 27 stories, several on one day (Valencia and the
  // Vésubie; Guangdong and Kumamoto; Rio Grande do Sul and Faenza; Lower Austria and Madeira).
  // Measured when written: F1 0.953, 89.9% of 404 cross-language pairs; with numbers' scale words
  // (3 tys., 11 lakh, two million) 0.972, 94.6%. Floors about 0.05 below.
  it('groups floods in twelve languages, a set never tuned on', () => {
    const score = measure('floods-held-out.jsonl')
    expect(score.items).toBeGreaterThanOrEqual(150)
    expect(score.stories).toBeGreaterThanOrEqual(25)
    expect(score.f1).toBeGreaterThanOrEqual(0.92)
    expect(score.crossLanguageRecall).toBeGreaterThanOrEqual(0.89)
  })

  it('the set has what the issue asks: 300 items, 4 languages, 40 stories', () => {
    const lines = ['dev.jsonl', 'held-out.jsonl'].flatMap((file) =>
      readFileSync(join(FIXTURES, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { story: string; lang: string }),
    )
    expect(lines.length).toBeGreaterThanOrEqual(300)
    expect(new Set(lines.map((l) => l.lang)).size).toBeGreaterThanOrEqual(4)
    expect(new Set(lines.map((l) => l.story)).size).toBeGreaterThanOrEqual(40)
  })

  it('the earthquake set is like the judged one: 250 items, 9 languages, 35 stories of one kind', () => {
    const lines = ['earthquakes-tune.jsonl', 'earthquakes-held-out.jsonl'].flatMap((file) =>
      readFileSync(join(FIXTURES, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { story: string; lang: string; title: string }),
    )
    expect(lines.length).toBeGreaterThanOrEqual(250)
    expect(new Set(lines.map((l) => l.lang)).size).toBeGreaterThanOrEqual(9)
    expect(new Set(lines.map((l) => l.story)).size).toBeGreaterThanOrEqual(35)
    for (const script of [
      /\p{Script=Han}/u,
      /\p{Script=Arabic}/u,
      /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
    ]) {
      expect(lines.filter((l) => script.test(l.title)).length).toBeGreaterThanOrEqual(25)
    }
  })
})

describe('reading a labelled set', () => {
  it('skips a note line ({"$comment": …}) but still refuses an item without a title', () => {
    const note = JSON.stringify({ $comment: 'written before any tuning' })
    const item = JSON.stringify({ id: 'a', title: 'Floods in Passau' })
    expect(parseGroupableLines(`${note}\n${item}\n`).map((i) => i.id)).toEqual(['a'])
    const notOnlyANote = JSON.stringify({ $comment: 'x', id: 'b' })
    expect(() => parseGroupableLines(`${item}\n${notOnlyANote}`)).toThrow(/Line 2/)
  })
})
