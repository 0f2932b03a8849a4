import { describe, expect, it, vi } from 'vitest'
import * as listPlan from '../../src/main/library/list-plan'
import { makeSummary } from '../helpers/temp-library'
import { storeForEachTest } from '../helpers/store-for-each-test'

/**
 * Planning a list measures its filter in the counters (a few reads); a folded page is planned
 * from where the page marks start it, and was planned from the top first for nothing.
 */

vi.mock('../../src/main/library/list-plan', async (importOriginal) => {
  const original = await importOriginal<typeof listPlan>()
  return { ...original, plannedListQuery: vi.fn(original.plannedListQuery) }
})

const library = storeForEachTest()

describe('planning a page of the list', () => {
  it('plans a folded page once, and an unfolded one once, with the same rows as before', async () => {
    for (let i = 0; i < 5; i++) {
      await library.store().putArticle(
        makeSummary({
          id: `f${i.toString(16).padStart(15, '0')}`,
          addedAt: `2026-11-0${i + 1}T10:00:00.000Z`,
        }),
        { html: '<p>text</p>', text: 'text' },
      )
    }
    const planned = vi.mocked(listPlan.plannedListQuery)
    const request = { filter: { state: 'all' as const }, sort: 'newest' as const, limit: 2 }
    for (const foldStories of [true, false]) {
      for (const offset of [0, 2, 4]) {
        planned.mockClear()
        const page = library.store().listWithCounts({ ...request, offset, foldStories })
        expect(planned).toHaveBeenCalledTimes(1)
        expect(page.total).toBe(5)
        expect(page.items.map((item) => item.addedAt)).toEqual(
          [5, 4, 3, 2, 1].slice(offset, offset + 2).map((day) => `2026-11-0${day}T10:00:00.000Z`),
        )
      }
    }
  })
})
