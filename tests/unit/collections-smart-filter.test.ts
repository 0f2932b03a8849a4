import { describe, expect, it } from 'vitest'
import { combineFilters, selectionOf } from '../../src/main/collections/smart-filter'

describe('combineFilters: a smart collection viewed through the list’s own filters', () => {
  it('keeps both sides: words joined, the saved state unless the list asks one, the dates overlapping', () => {
    expect(
      combineFilters(
        { state: 'unread', country: 'BY', query: 'election', from: '2024-01-01', to: '2024-12-31' },
        { state: 'all', correspondent: 'Ann Writer', query: 'border', from: '2024-03-01', to: '2025-06-01' },
      ),
    ).toEqual({
      state: 'unread',
      country: 'BY',
      correspondent: 'Ann Writer',
      query: 'election border',
      from: '2024-03-01',
      to: '2024-12-31',
    })
    expect(combineFilters({ state: 'all' }, { state: 'starred' })).toEqual({ state: 'starred' })
  })

  it('treats the same value written differently as the same, and a different one as nothing found', () => {
    expect(combineFilters({ state: 'all', country: 'by' }, { state: 'all', country: 'BY' })).toMatchObject({
      country: 'BY',
    })
    expect(combineFilters({ state: 'all', country: 'BY' }, { state: 'all', country: 'UA' })).toBeNull()
    expect(combineFilters({ state: 'starred' }, { state: 'unread' })).toBeNull()
    expect(combineFilters({ state: 'all', feed: 3 }, { state: 'all', feed: 4 })).toBeNull()
  })

  it('leaves out empty words', () => {
    expect(combineFilters({ state: 'all', query: '  ' }, { state: 'all' })).toEqual({ state: 'all' })
  })
})

describe('selectionOf: what a count walks', () => {
  it('walks the full-text matches first when there are words, and finds nothing for no words at all', () => {
    expect(selectionOf({ state: 'all', query: 'election', country: 'BY' })?.from).toMatch(
      /^article_fts f CROSS JOIN/,
    )
    expect(selectionOf({ state: 'all', country: 'BY' })?.from).toBe('articles a')
    expect(selectionOf({ state: 'all', query: '-election' })?.where).toMatch(/NOT IN/)
    expect(selectionOf({ state: 'all', query: '"" ' })).toBeNull()
  })
})
