import { describe, expect, it } from 'vitest'
import { articleExtractionIds } from '../fixtures/benchmark-pages'
import { creditedOnRealPage, realPageLabels, sameCorrespondents } from '../fixtures/real-page-labels'

/*
 * Who wrote it, on the 181 real pages of article-extraction, against the correspondents a reader
 * credits on each (tests/fixtures/correspondents/article-extraction-labels.json): the number of
 * pages whose exact list is right may not fall below today's, on either part. The misses are
 * listed by `node out/main/bench-bylines.js --real-pages`; figures in docs/correspondents.md.
 */

const ids = articleExtractionIds()

function rightOn(part: 'development' | 'held-out'): number {
  let right = 0
  for (const [id, label] of realPageLabels()) {
    if (label.part !== part || !(ids ?? []).includes(id)) continue
    const got = creditedOnRealPage(id).correspondents
    if (sameCorrespondents(label.correspondents, got, false)) right += 1
  }
  return right
}

describe('correspondents on real pages', () => {
  it('labels every page of the set once, 140 for development and 41 held out', () => {
    const labels = realPageLabels()
    expect(labels.size).toBe(181)
    expect([...labels.values()].filter((l) => l.part === 'held-out')).toHaveLength(41)
  })

  it.skipIf(ids === null)(
    'the exact list is right on at least 138 of 140 development pages',
    { timeout: 600_000 },
    () => {
      expect(rightOn('development')).toBeGreaterThanOrEqual(138)
    },
  )

  it.skipIf(ids === null)(
    'the exact list is right on at least 38 of 41 held-out pages',
    { timeout: 600_000 },
    () => {
      expect(rightOn('held-out')).toBeGreaterThanOrEqual(38)
    },
  )
})
