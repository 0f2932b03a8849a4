import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ArticleFilter, ArticleSort } from '@shared/contract'
import type { ListDate } from '@shared/reading'
import { SqlDatabase, type SqlParams } from '../../src/main/library/database'
import { createStory, putInStory } from '../../src/main/stories/story-store'
import { seededRandom } from '../helpers/seeded-random'
import { makeSummary } from '../helpers/temp-library'
import { storeForEachTest } from '../helpers/store-for-each-test'

/**
 * A page of the folded list read after the one above it starts where that one ended (keyset,
 * stories/folded-page-marks.ts) instead of walking every row above it. It must hold exactly the
 * rows the same offset holds read from the top, for every filter and order, before and after the
 * library changes.
 */

const COUNTRIES = ['BY', 'UA', 'RU']
const PERSON = 'Ann Writer'

const library = storeForEachTest()

afterEach(() => {
  vi.restoreAllMocks()
})

async function addArticles(count: number, next: () => number, serial: { n: number }): Promise<void> {
  for (let i = 0; i < count; i++) {
    serial.n++
    const id = `e${serial.n.toString(16).padStart(15, '0')}`
    // Few distinct times, so many rows tie on the date and the id decides.
    const day = String(1 + Math.floor(next() * 9)).padStart(2, '0')
    await library.store().putArticle(
      makeSummary({
        id,
        countries: COUNTRIES.filter(() => next() < 0.4).map((code) => ({
          code,
          name: code,
          role: 'primary' as const,
          score: 0.9,
        })),
        correspondents: next() < 0.5 ? [{ name: PERSON, kind: 'person' as const }] : [],
        addedAt: `2026-11-${day}T10:00:00.000Z`,
        publishedAt: next() < 0.7 ? `2026-10-${day}T0${Math.floor(next() * 3)}:00:00Z` : null,
        read: next() < 0.4,
        starred: next() < 0.25,
        archived: next() < 0.1,
      }),
      { html: '<p>Body</p>', text: 'Body' },
    )
    const stories = library
      .store()
      .query((db) => db.all<{ id: number }>('SELECT id FROM stories'))
      .map((r) => r.id)
    const rowid = library.store().articleRowid(id)
    const roll = next()
    library.store().change((db) => {
      if (roll < 0.6 && stories.length > 0)
        putInStory(db, { rowid, at: 0 }, stories[Math.floor(next() * stories.length)]!, 'auto', 0.5)
      else if (roll < 0.85) putInStory(db, { rowid, at: 0 }, createStory(db, 0, new Date()), 'auto', 0.5)
    })
  }
}

interface List {
  filter: ArticleFilter
  sort: ArticleSort
  by: ListDate
}

const LISTS: List[] = (
  [
    { state: 'all' },
    { state: 'unread' },
    { state: 'starred' },
    { state: 'archived' },
    { state: 'all', country: 'UA' },
    { state: 'unread', country: 'BY' },
    { state: 'all', correspondent: PERSON },
  ] as ArticleFilter[]
).flatMap((filter, i) =>
  // Each filter in both orders, by one date or the other in turn.
  (['newest', 'oldest'] as const).map((sort, j) => ({
    filter,
    sort,
    by: (i + j) % 2 === 0 ? ('saved' as const) : ('published' as const),
  })),
)

function page(list: List, offset: number, limit: number): string[] {
  return library
    .store()
    .listArticles({ ...list, offset, limit, foldStories: true })
    .items.map((a) => a.id)
}

/** The whole folded list read in one page from the top: what every offset must agree with. */
function wholeList(list: List): string[] {
  return page(list, 0, 10_000)
}

function expectPagesAgree(next: () => number): void {
  for (const list of LISTS) {
    const whole = wholeList(list)
    // Scrolling down: each page after the one above it.
    const scrolled: string[] = []
    for (let offset = 0; offset < whole.length + 7; offset += 7) scrolled.push(...page(list, offset, 7))
    expect({ list, rows: scrolled }).toEqual({ list, rows: whole })
    // Jumps up and down the scrollbar, and pages of other sizes, between marks.
    for (let i = 0; i < 6; i++) {
      const offset = Math.floor(next() * (whole.length + 3))
      const limit = 1 + Math.floor(next() * 12)
      expect({ list, offset, rows: page(list, offset, limit) }).toEqual({
        list,
        offset,
        rows: whole.slice(offset, offset + limit),
      })
    }
  }
}

describe('the folded list read a page after another', () => {
  it('holds exactly the rows of the same offsets read from the top, before and after changes', async () => {
    const next = seededRandom(27)
    const serial = { n: 0 }
    await addArticles(90, next, serial)
    expectPagesAgree(next)

    // Changes of every kind a list sees: new articles, states, a story's member moved, a delete.
    await addArticles(5, next, serial)
    library.store().change((db) => db.run('UPDATE articles SET read = 1 - read WHERE rowid % 3 = 0'))
    expectPagesAgree(next)
    library.store().change((db) => {
      const story = createStory(db, 0, new Date())
      for (const { rowid } of db.all<{ rowid: number }>('SELECT rowid FROM articles WHERE rowid % 5 = 1'))
        putInStory(db, { rowid, at: 0 }, story, 'person', 1)
    })
    await library.store().deleteArticle(`e${(3).toString(16).padStart(15, '0')}`)
    expectPagesAgree(next)
  }, 120_000)

  it('starts a page where the one above it ended instead of walking the rows above it', async () => {
    await addArticles(60, seededRandom(5), { n: 0 })
    const list: List = { filter: { state: 'all' }, sort: 'newest', by: 'saved' }
    const asked: (readonly unknown[])[] = []
    const all = SqlDatabase.prototype.all
    vi.spyOn(SqlDatabase.prototype, 'all').mockImplementation(function (
      this: SqlDatabase,
      sql: string,
      params?: SqlParams,
    ) {
      if (sql.includes('story_articles me') && Array.isArray(params)) asked.push(params as readonly unknown[])
      return all.call(this, sql, params) as never
    })
    expect(wholeList(list).length).toBeGreaterThan(16)
    asked.length = 0
    expect(page(list, 0, 5)).toHaveLength(5)
    expect(page(list, 5, 5)).toHaveLength(5)
    expect(page(list, 10, 5)).toHaveLength(5)
    // OFFSET is the last parameter: the second and third pages skip nothing, they start at a mark.
    expect(asked.map((params) => params.at(-1))).toEqual([0, 0, 0])
    // A page below one read starts at its mark and skips only the rows between.
    page(list, 12, 3)
    expect(asked.at(-1)?.at(-1)).toBe(2)
    page(list, 16, 1)
    expect(asked.at(-1)?.at(-1)).toBe(1)
    // After a change the marks are gone: the page is read from the top again.
    library.store().change((db) => db.run('UPDATE articles SET starred = 1 - starred WHERE rowid = 1'))
    page(list, 15, 2)
    expect(asked.at(-1)?.at(-1)).toBe(15)
  })
})
