import { cp } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { LibraryStoryIndex } from '../../src/main/stories/story-index'
import { dayOf } from '../../src/main/stories/story-grouper'
import { ungroupedByIds } from '../../src/main/stories/story-store'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { STORY_DEV_SET, type StoryFixtureItem } from '../helpers/story-fixtures'

/**
 * A new article whose week reaches a day not in memory read that day's 60–170 stored articles and
 * computed their features while the capture waited (the slow twentieth at 100k). The features of
 * the days the next article will reach are computed between articles, and kept across a person's
 * correction; the decisions stay the ones made without it.
 */

type Item = Omit<StoryFixtureItem, 'story'>

const ITEMS: Item[] = [...STORY_DEV_SET].sort(
  (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
)

const idOf = (n: number): string => (0x7000 + n).toString(16).padStart(16, '0')
/** A new article: the item's headline and text, as another outlet's copy, an hour later. */
const copyOf = (item: Item): Item => ({
  ...item,
  id: `${item.id}-copy`,
  site: `copy.${item.site}`,
  publishedAt: new Date(Date.parse(item.publishedAt) + 3_600_000).toISOString(),
})
/** Every 7th item's copy, in time order: the window moves forward over stored days. */
const NEW_ITEMS = ITEMS.filter((_, i) => i % 7 === 3).map(copyOf)

const opened: { store: LibraryStore; dir: string }[] = []

afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close()
    await removeDir(dir)
  }
})

async function put(store: LibraryStore, item: Item, n: number): Promise<void> {
  await store.putArticle(
    makeSummary({
      id: idOf(n),
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

function groupOne(index: LibraryStoryIndex, store: LibraryStore, n: number): number {
  const rows = store.query((db) => ungroupedByIds(db, [idOf(n)]))
  const { stories } = index.group(rows)
  expect(stories).toHaveLength(1)
  return stories[0]!
}

let stored: string | undefined

/** A library holding every labelled item, grouped in time order: made once, copied for each use. */
beforeAll(async () => {
  stored = await makeTempDir()
  const store = await LibraryStore.open(stored)
  for (const [n, item] of ITEMS.entries()) await put(store, item, n)
  const writer = new LibraryStoryIndex(store, () => new Date('2026-12-01T00:00:00Z'))
  for (const n of ITEMS.keys()) groupOne(writer, store, n)
  await store.close()
}, 120_000)

afterAll(async () => {
  await removeDir(stored)
})

async function storedLibrary(): Promise<LibraryStore> {
  const dir = await makeTempDir()
  await cp(stored!, dir, { recursive: true })
  const store = await LibraryStore.open(dir)
  opened.push({ store, dir })
  return store
}

const storedOn = (day: number): number =>
  ITEMS.filter((item) => dayOf(Date.parse(item.publishedAt)) === day).length
const noTurn = async (): Promise<void> => undefined

describe('features of the days ahead', () => {
  it('computes the next days between articles, so a new day is placed without computing it', async () => {
    const store = await storedLibrary()
    const index = new LibraryStoryIndex(store, () => new Date('2026-12-01T00:00:00Z'))
    const busiest = ITEMS.find((item) => storedOn(dayOf(Date.parse(item.publishedAt))) >= 19)!
    const day = dayOf(Date.parse(busiest.publishedAt))
    const first = copyOf(busiest)
    await put(store, first, 1000)
    groupOne(index, store, 1000)
    let week = 0
    for (let d = day - 3; d <= day + 3; d++) week += storedOn(d)
    expect(week).toBeGreaterThan(40)
    // The stored week, read once, and the new article.
    expect(index.featuresComputed).toBe(week + 1)

    const computing = index.computeAhead(noTurn)
    // Nothing in the caller's turn: that is the capture the article came with.
    expect(index.featuresComputed).toBe(week + 1)
    await computing
    const ahead = storedOn(day + 4) + storedOn(day + 5) + storedOn(day - 4) + storedOn(day - 5)
    expect(storedOn(day + 4)).toBeGreaterThan(0)
    expect(index.featuresComputed).toBe(week + 1 + ahead)

    // The next day's article reaches day + 4: placed from what was computed, only itself computed.
    const next = {
      ...first,
      id: 'next',
      publishedAt: new Date(Date.parse(first.publishedAt) + 86_400_000).toISOString(),
    }
    await put(store, next, 1001)
    groupOne(index, store, 1001)
    expect(index.featuresComputed).toBe(week + 1 + ahead + 1)

    // A person's correction starts the grouping's memory afresh; the features are the articles'.
    index.reset()
    const after = { ...next, id: 'after', site: 'after.example' }
    await put(store, after, 1002)
    groupOne(index, store, 1002)
    expect(index.featuresComputed).toBe(week + 1 + ahead + 2)
  })

  it('makes the same decisions as grouping without it, an article edited meanwhile included', async () => {
    const runs: number[][] = []
    const computed: number[] = []
    for (const ahead of [false, true]) {
      const store = await storedLibrary()
      const index = new LibraryStoryIndex(store, () => new Date('2026-12-01T00:00:00Z'))
      const stories: number[] = []
      let inTurn = 0
      for (const [k, item] of NEW_ITEMS.entries()) {
        if (ahead) await index.computeAhead(noTurn)
        if (k === Math.floor(NEW_ITEMS.length / 2)) {
          // A stored article of the days ahead now reads differently (its page was captured
          // again); and a person corrected a story.
          const edited = ITEMS.find(
            (stored) => Date.parse(stored.publishedAt) > Date.parse(item.publishedAt) + 4 * 86_400_000,
          )!
          store.change((db) =>
            db.run('UPDATE articles SET title = ?, excerpt = ? WHERE id = ?', [
              'Completely different headline about a harbour strike in Rotterdam',
              'Dockworkers in Rotterdam walked out on Monday over pay.',
              idOf(ITEMS.indexOf(edited)),
            ]),
          )
          index.reset()
        }
        await put(store, item, 2000 + k)
        const before = index.featuresComputed
        stories.push(groupOne(index, store, 2000 + k))
        inTurn += index.featuresComputed - before
      }
      runs.push(stories)
      computed.push(inTurn)
    }
    expect(NEW_ITEMS.length).toBeGreaterThan(20)
    expect(runs[1]).toEqual(runs[0])
    // Computed while an article waited: the first week, each new article and the edited one,
    // against every day reached for the first time as well (measured 87 against 218).
    expect(computed[1]).toBeLessThan(computed[0]! / 2)
  })
})
