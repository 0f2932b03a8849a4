import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GroupingStatus } from '@shared/stories'
import { openApp, type DatelineApp } from '../../src/main/app'
import { LibraryStore } from '../../src/main/library/library-store'
import { LONGEST_DEFERRAL_MS } from '../../src/main/api/background-work'
import { groupItems } from '../../src/main/stories/group-items'
import { LibraryStoryIndex } from '../../src/main/stories/story-index'
import { ungroupedInTimeOrder } from '../../src/main/stories/story-store'
import {
  STORY_DEV_SET,
  storyArticle,
  storyArticleId,
  storyBody,
  storyPage,
  type StoryFixtureItem as FixtureItem,
} from '../helpers/story-fixtures'
import { makeTempDir, removeDir } from '../helpers/temp-library'

const DEV = STORY_DEV_SET

let dir: string
let app: DatelineApp | undefined

const idOf = storyArticleId

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  vi.restoreAllMocks()
  await app?.close()
  await removeDir(dir)
})

describe('grouping a library in the background', () => {
  it('writes its decisions in batches, not a commit per turn, and groups as one article at a time does', async () => {
    // Articles saved without being grouped (an imported library), then the library opened as the app opens it.
    const writer = await openApp({ libraryDir: dir, extraction: 'inline' })
    for (const item of DEV) {
      await writer.library.putArticle(storyArticle(item), storyBody(item))
    }
    await writer.close()

    const commits = vi.spyOn(LibraryStore.prototype, 'change')
    const progress: GroupingStatus[] = []
    let started = 0
    app = await openApp({ libraryDir: dir, extraction: 'inline', host: true })
    app.events.subscribe((event, payload) => {
      if (event !== 'stories.progress') return
      if (progress.length === 0) started = performance.now()
      progress.push(payload as GroupingStatus)
    })
    await expect.poll(() => progress.at(-1)?.running, { timeout: 60_000 }).toBe(false)
    const elapsed = performance.now() - started
    expect(progress.at(-1)).toMatchObject({ done: DEV.length, total: DEV.length })
    // A write for every 200 decisions or every second, and the last: not one per 40 ms turn.
    expect(commits.mock.calls.length).toBeLessThanOrEqual(
      2 + Math.ceil(DEV.length / 200) + Math.ceil(elapsed / 1000),
    )

    const inLibrary = new Map<string, number | string>()
    for (const item of DEV) {
      const result = await app.dispatch('stories.ofArticle', { id: idOf(item) })
      if (!result.ok) expect.fail(result.error.message)
      inLibrary.set(item.id, (result.value as { story: number }).story)
    }
    const expected = groupItems(DEV, { countries: false })
    const partition = (storyOf: (item: FixtureItem, i: number) => number | string): string[] => {
      const groups = new Map<number | string, string[]>()
      DEV.forEach((item, i) =>
        groups.set(storyOf(item, i), [...(groups.get(storyOf(item, i)) ?? []), item.id]),
      )
      return [...groups.values()].map((ids) => ids.join(' ')).sort()
    }
    expect(partition((item) => inLibrary.get(item.id)!)).toEqual(partition((_, i) => expected[i]!.story))
  })

  it('gives way to a capture: no round runs while the article is being saved', async () => {
    // Three copies of the set wait to be grouped, so the rounds are still going when the person saves.
    const copies = [0, 1, 2].flatMap((k) =>
      DEV.map((item) => ({ ...item, id: `${item.id[0]}${Number(item.id.slice(1)) + 1000 * k}` })),
    )
    const writer = await openApp({ libraryDir: dir, extraction: 'inline' })
    for (const item of copies) await writer.library.putArticle(storyArticle(item), storyBody(item))
    await writer.close()

    const rounds: number[] = []
    const decide = LibraryStoryIndex.prototype.decide
    vi.spyOn(LibraryStoryIndex.prototype, 'decide').mockImplementation(function (
      this: LibraryStoryIndex,
      ...args: Parameters<typeof decide>
    ) {
      rounds.push(performance.now())
      return decide.apply(this, args)
    })
    app = await openApp({ libraryDir: dir, extraction: 'inline', host: true })
    await expect.poll(() => rounds.length, { timeout: 30_000 }).toBeGreaterThan(0)

    const item = { ...DEV[0]!, id: 's9999' }
    const started = performance.now()
    const saved = await app.dispatch('articles.add', {
      kind: 'html',
      html: storyPage(item),
      baseUrl: `https://${item.site}/${item.id}`,
    })
    const ended = performance.now()
    if (!saved.ok) expect.fail(saved.error.message)
    const during = rounds.filter((at) => at > started && at < ended).length
    // A capture waits on its files a dozen times or more; before, a round ran at each wait.
    expect(during).toBeLessThanOrEqual(Math.floor((ended - started) / LONGEST_DEFERRAL_MS))
    const status = await app.dispatch('stories.status', {})
    if (!status.ok) expect.fail(status.error.message)
    expect((status.value as GroupingStatus).running, 'the rounds are still going').toBe(true)
  })

  it('finds the articles waiting to be grouped, and none once every one is in a story', async () => {
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    const [first, second, third, fourth] = [...DEV].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))
    for (const item of [third!, first!, second!])
      await app.library.putArticle(storyArticle(item), storyBody(item))
    const waiting = (): number[] => app!.library.query((db) => ungroupedInTimeOrder(db))
    const rowidOf = (item: FixtureItem): number =>
      app!.library.query(
        (db) => db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [idOf(item)])!.rowid,
      )
    expect(waiting(), 'oldest first').toEqual([first!, second!, third!].map(rowidOf))

    await app.dispatch('stories.groupWaiting', {})
    expect(waiting()).toEqual([])
    await app.library.deleteArticle(idOf(second!))
    expect(waiting(), 'a deleted article does not wait').toEqual([])
    await app.library.putArticle(storyArticle(fourth!), storyBody(fourth!))
    expect(waiting()).toEqual([rowidOf(fourth!)])
  })
})
