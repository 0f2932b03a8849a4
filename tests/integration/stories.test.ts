import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { GroupingStatus, StoryDetail, StoryList } from '@shared/stories'
import { appForEachTest } from '../helpers/app-for-each-test'
import {
  STORY_DEV_SET,
  storyArticle,
  storyBody,
  type StoryFixtureItem as FixtureItem,
} from '../helpers/story-fixtures'
import { rewindToSchema2 } from '../helpers/schema-2-library'
import { groupItems } from '../../src/main/stories/group-items'

const { app, dir, call, close, reopen } = appForEachTest()

const DEV = STORY_DEV_SET
/** Two events in Kyiv on one day (a night's drone attack; Finland's president visiting). */
const KYIV = DEV.filter((item) => item.story === 's03' || item.story === 's04')

/** Stores the items as a capture does, and announces them the way every capture path does. */
async function store(
  items: FixtureItem[],
  announce = true,
  countryOf: (item: FixtureItem) => string | null = () => null,
): Promise<Map<string, ArticleSummary>> {
  const stored = new Map<string, ArticleSummary>()
  for (const item of items) {
    const article = storyArticle(
      item,
      countryOf(item) ? [{ code: countryOf(item)!, name: countryOf(item)!, role: 'primary', score: 1 }] : [],
    )
    const saved = await app().library.putArticle(article, storyBody(item))
    if (announce) app().events.emit('library.changed', { ids: [saved.id] })
    stored.set(item.id, saved)
  }
  return stored
}

async function storyOf(id: string): Promise<number | null> {
  return (await call<{ story: number | null }>('stories.ofArticle', { id })).story
}

describe('stories', () => {
  it('groups each article as it arrives, as the grouping of a file does, two events of one city and day apart', async () => {
    const stored = await store(DEV)
    const expected = groupItems(
      DEV.map((item) => ({ ...item })),
      { countries: false },
    )
    const together = (story: (i: number) => number | string): string[] => {
      const groups = new Map<number | string, string[]>()
      DEV.forEach((item, i) => groups.set(story(i), [...(groups.get(story(i)) ?? []), item.id]))
      return [...groups.values()].map((ids) => ids.join(' ')).sort()
    }
    const inLibrary: number[] = []
    for (const item of DEV) inLibrary.push((await storyOf(stored.get(item.id)!.id))!)
    expect(together((i) => inLibrary[i]!)).toEqual(together((i) => expected[i]!.story))
    const kyiv = new Map<number, Set<string>>()
    DEV.forEach((item, i) => {
      if (item.story !== 's03' && item.story !== 's04') return
      kyiv.set(inLibrary[i]!, (kyiv.get(inLibrary[i]!) ?? new Set()).add(item.story))
    })
    for (const labels of kyiv.values()) expect([...labels]).toHaveLength(1)

    const list = await call<StoryList>('stories.list', { limit: 200 })
    const attack = list.items.find((s) => s.id === inLibrary[DEV.findIndex((i) => i.id === 'd015')])!
    // Most of the eight reports (TASS's framing may stand apart), each outlet once, five languages.
    expect(attack.articles).toBeGreaterThanOrEqual(6)
    expect(attack.outlets).toBe(attack.articles)
    expect(attack.languages.length).toBeGreaterThanOrEqual(5)
  })

  it('shows the outlets by time and why they are grouped, in every spelling', async () => {
    const stored = await store(KYIV.filter((item) => item.story === 's04'))
    const visit = await call<StoryDetail>('stories.get', { id: (await storyOf(stored.get('d023')!.id))! })
    const times = visit.items.map((i) => i.at)
    expect(times).toEqual([...times].sort())
    expect(visit.title).toBe(KYIV.find((i) => i.id === 'd028')!.title)
    const stubb = visit.evidence.find((e) => e.label.includes('Stubb'))
    expect(stubb?.kind).toBe('name')
    expect(stubb?.label).toContain('Стубб')
    // One number however each language writes it: 200 million, 200 Millionen, 200 млн, 200 мільйонів.
    const package200 = visit.evidence.find((e) => e.kind === 'number' && e.label.includes('200 million'))
    expect(package200?.label).toContain('200 Millionen')
    expect(package200?.articles).toBe(6)
    const russian = visit.items.find((i) => i.article.lang === 'ru')!
    expect(russian.evidence.join(' ')).toContain('Стубб')
  })

  it("keeps the person's move, split and merge when more articles arrive", async () => {
    const first = KYIV.filter((i) => i.publishedAt < '2026-11-03T11:00:00Z')
    const later = KYIV.filter((i) => i.publishedAt >= '2026-11-03T11:00:00Z')
    const stored = await store(first)
    const attackReport = stored.get('d015')!.id
    const visitReport = stored.get('d028')!.id
    const visitStory = (await storyOf(visitReport))!
    expect(await storyOf(attackReport)).not.toBe(visitStory)

    await call('stories.move', { article: attackReport, story: visitStory })
    expect(await storyOf(attackReport)).toBe(visitStory)
    const split = await call<{ stories: number[] }>('stories.split', {
      story: visitStory,
      articles: [visitReport],
    })
    const own = (await storyOf(visitReport))!
    expect(own).not.toBe(visitStory)
    expect(split.stories).toEqual(expect.arrayContaining([own, visitStory]))

    await store(later)
    expect(await storyOf(attackReport)).toBe(visitStory)
    expect(await storyOf(visitReport)).toBe(own)
    const detail = await call<StoryDetail>('stories.get', { id: visitStory })
    expect(detail.items.find((i) => i.article.id === attackReport)?.origin).toBe('person')

    await call('stories.merge', { story: own, into: visitStory })
    expect(await storyOf(visitReport)).toBe(visitStory)
    expect((await app().dispatch('stories.get', { id: own })).ok).toBe(false)
  })

  it('groups a library from before stories in the background, with progress', async () => {
    await store(KYIV, false)
    await close()
    await rewindToSchema2(dir())
    const progress: GroupingStatus[] = []
    await reopen({ host: true })
    app().events.subscribe((event, payload) => {
      if (event === 'stories.progress') progress.push(payload as GroupingStatus)
    })
    await expect.poll(() => progress.at(-1)?.running, { timeout: 20_000 }).toBe(false)
    expect(progress.at(-1)).toMatchObject({ done: KYIV.length, total: KYIV.length })
    expect(progress[0]).toMatchObject({ running: true, total: KYIV.length })
    const stories = (await call<StoryList>('stories.list', {})).items
    expect(stories.reduce((sum, s) => sum + s.articles, 0)).toBeGreaterThanOrEqual(KYIV.length - 2)
  })

  it("lists only the stories about the list's country", async () => {
    await store(KYIV, true, (item) => (item.story === 's04' && item.lang === 'en' ? 'FI' : 'UA'))
    const finnish = await call<StoryList>('stories.list', { country: 'fi' })
    expect(finnish.items.map((s) => s.title)).toEqual([KYIV.find((i) => i.id === 'd028')!.title])
    expect(finnish.items[0]!.countries).toEqual(expect.arrayContaining(['FI', 'UA']))
    expect((await call<StoryList>('stories.list', { country: 'UA' })).items.length).toBeGreaterThanOrEqual(2)
    expect((await call<StoryList>('stories.list', { country: 'JP' })).items).toEqual([])
  })

  it('an article deleted leaves its story, and a story left with none is gone', async () => {
    const stored = await store(KYIV.filter((i) => i.story === 's04'))
    const story = (await storyOf(stored.get('d023')!.id))!
    for (const item of stored.values()) await call('articles.delete', { id: item.id })
    expect((await app().dispatch('stories.get', { id: story })).ok).toBe(false)
  })
})
