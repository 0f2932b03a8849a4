import { afterEach, describe, expect, it, vi } from 'vitest'
import { SqlDatabase, type SqlParams } from '../../src/main/library/database'
import { LibraryStoryIndex } from '../../src/main/stories/story-index'
import { ungroupedByIds } from '../../src/main/stories/story-store'
import { makeSummary } from '../helpers/temp-library'
import { storeForEachTest } from '../helpers/store-for-each-test'
import { STORY_DEV_SET, type StoryFixtureItem } from '../helpers/story-fixtures'

/** The week around today is loaded when the app opens a day per turn, not in one long turn. */

type Item = StoryFixtureItem

const ITEMS: Item[] = STORY_DEV_SET.slice(0, 40)

const idOf = (item: Item): string => (0x6000 + Number(item.id.slice(1))).toString(16).padStart(16, '0')

const library = storeForEachTest()

afterEach(() => {
  vi.restoreAllMocks()
})

describe('warming the grouping when the app opens', () => {
  it('reads the week a day per turn, and a new article of that week then reads nothing more', async () => {
    for (const item of ITEMS.slice(0, -1)) {
      await library.store().putArticle(
        makeSummary({
          id: idOf(item),
          title: item.title,
          excerpt: item.text,
          lang: item.lang,
          siteName: item.site,
          publishedAt: item.publishedAt,
          addedAt: item.publishedAt,
          countries: [],
          correspondents: [],
        }),
        { html: `<p>${item.text}</p>`, text: item.text },
      )
    }
    const writer = new LibraryStoryIndex(library.store(), () => new Date())
    for (const item of ITEMS.slice(0, -1))
      writer.group(library.store().query((db) => ungroupedByIds(db, [idOf(item)])))

    const dayReads: number[] = []
    const all = SqlDatabase.prototype.all
    vi.spyOn(SqlDatabase.prototype, 'all').mockImplementation(function (
      this: SqlDatabase,
      sql: string,
      params?: SqlParams,
    ) {
      if (sql.includes('s.day BETWEEN')) dayReads.push(dayReads.length)
      return all.call(this, sql, params) as never
    })
    const last = ITEMS.at(-1)!
    const index = new LibraryStoryIndex(library.store(), () => new Date())
    const readsPerTurn: number[] = []
    let before = 0
    await index.warm(Date.parse(last.publishedAt), async () => {
      readsPerTurn.push(dayReads.length - before)
      before = dayReads.length
    })
    // Seven days (three either side), one read each, each in a turn of its own.
    expect(readsPerTurn).toEqual([1, 1, 1, 1, 1, 1, 1])

    await library.store().putArticle(
      makeSummary({
        id: idOf(last),
        title: last.title,
        excerpt: last.text,
        lang: last.lang,
        siteName: last.site,
        publishedAt: last.publishedAt,
        addedAt: last.publishedAt,
        countries: [],
        correspondents: [],
      }),
      { html: `<p>${last.text}</p>`, text: last.text },
    )
    const reads = dayReads.length
    const grouped = index.group(library.store().query((db) => ungroupedByIds(db, [idOf(last)])))
    expect(grouped.grouped).toBe(1)
    expect(dayReads.length).toBe(reads)
  })
})
