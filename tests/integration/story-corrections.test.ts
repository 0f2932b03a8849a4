import { beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { StoryDetail } from '@shared/stories'
import { appForEachTest } from '../helpers/app-for-each-test'
import { STORY_DEV_SET, storyArticle } from '../helpers/story-fixtures'
import { makeSummary } from '../helpers/temp-library'

/**
 * The person's corrections at their edges (issue 19): a correction that would change nothing
 * changes nothing, one that cannot be done says why, and either way the library is as it was.
 */

/** Finland's president visiting Kyiv, reported by several outlets in several languages. */
const VISIT = STORY_DEV_SET.filter((item) => item.story === 's04')

const { app, call, refused } = appForEachTest()

const hex = (n: number): string => n.toString(16).padStart(16, '0')

async function put(article: ArticleSummary, text: string): Promise<string> {
  const saved = await app().library.putArticle(article, { html: `<p>${text}</p>`, text })
  app().events.emit('library.changed', { ids: [saved.id] })
  return saved.id
}

async function storeVisit(): Promise<string[]> {
  const ids: string[] = []
  for (const item of VISIT) ids.push(await put(storyArticle(item), item.text))
  return ids
}

/** An article about nothing else in the library: a story of its own. */
function storeLoner(n: number, title: string, text: string): Promise<string> {
  return put(
    makeSummary({
      id: hex(0x9000 + n),
      title,
      excerpt: text,
      siteName: `outlet${n}.example`,
      url: `https://outlet${n}.example/${n}`,
      canonicalUrl: `https://outlet${n}.example/${n}`,
      publishedAt: `2026-0${n}-10T08:00:00.000Z`,
      countries: [],
      correspondents: [],
    }),
    text,
  )
}

async function storyOf(id: string): Promise<{ story: number | null; articles: number }> {
  return call('stories.ofArticle', { id })
}

/** Every story and membership as stored: what a failed or empty correction must leave alone. */
function snapshot(): unknown {
  return app().library.query((db) => ({
    stories: db.all('SELECT id, created_at, first_at, last_at, article_count FROM stories ORDER BY id'),
    members: db.all('SELECT article, story, at, day, origin, score FROM story_articles ORDER BY article'),
  }))
}

let visit: string[]
let loner: string
let other: string

beforeEach(async () => {
  visit = await storeVisit()
  loner = await storeLoner(
    3,
    'Glacier survey finds record melt in Patagonia',
    'Surveyors measured the ice field.',
  )
  other = await storeLoner(
    7,
    'Chess olympiad opens in Montevideo with 180 teams',
    'The tournament hall filled with players.',
  )
})

describe('story corrections at their edges', () => {
  it('the library starts as these tests assume: one story of the visit, two articles alone', async () => {
    const story = (await storyOf(visit[0]!)).story
    for (const id of visit) expect((await storyOf(id)).story).toBe(story)
    expect((await storyOf(visit[0]!)).articles).toBe(visit.length)
    expect(await storyOf(loner)).toMatchObject({ articles: 1 })
    expect(await storyOf(other)).toMatchObject({ articles: 1 })
    expect((await storyOf(loner)).story).not.toBe((await storyOf(other)).story)
  })

  it('moving an article alone in its story into that story keeps the story as it is', async () => {
    const { story } = await storyOf(loner)
    const before = snapshot()
    const change = await call<{ stories: number[] }>('stories.move', { article: loner, story })
    expect(change.stories).toEqual([story])
    expect(snapshot()).toEqual(before)
    const detail = await call<StoryDetail>('stories.get', { id: story })
    expect(detail.items.map((item) => item.article.id)).toEqual([loner])
  })

  it('moving an article into the story of many it is already in changes nothing', async () => {
    const { story } = await storyOf(visit[1]!)
    const before = snapshot()
    const change = await call<{ stories: number[] }>('stories.move', { article: visit[1], story })
    expect(change.stories).toEqual([story])
    expect(snapshot()).toEqual(before)
  })

  it('giving an article alone in its story a story of its own keeps its story, as the person chose', async () => {
    const { story } = await storyOf(loner)
    const change = await call<{ stories: number[] }>('stories.move', { article: loner })
    expect(change.stories).toEqual([story])
    expect(await storyOf(loner)).toEqual({ story, articles: 1 })
    const detail = await call<StoryDetail>('stories.get', { id: story })
    expect(detail.items[0]?.origin).toBe('person')
  })

  it('refuses a move into a story that does not exist, and changes nothing', async () => {
    const before = snapshot()
    const error = await refused('stories.move', { article: loner, story: 987_654 })
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('987654')
    expect(snapshot()).toEqual(before)
  })

  it('refuses a move into a story just emptied by a move, and changes nothing more', async () => {
    const gone = (await storyOf(loner)).story!
    const target = (await storyOf(other)).story!
    await call('stories.move', { article: loner, story: target })
    expect((await app().dispatch('stories.get', { id: gone })).ok).toBe(false)
    const before = snapshot()
    const error = await refused('stories.move', { article: visit[0], story: gone })
    expect(error.code).toBe('NOT_FOUND')
    expect(snapshot()).toEqual(before)
    expect(await storyOf(visit[0]!)).toMatchObject({ articles: visit.length })
  })

  it('refuses merging a story into itself, and changes nothing', async () => {
    const { story } = await storyOf(visit[0]!)
    const before = snapshot()
    expect((await refused('stories.merge', { story, into: story })).code).toBe('INVALID_INPUT')
    expect(snapshot()).toEqual(before)
  })

  it('refuses a merge into a story that is gone, and leaves the merged story whole', async () => {
    const gone = (await storyOf(loner)).story!
    await call('stories.merge', { story: gone, into: (await storyOf(other)).story })
    const visitStory = (await storyOf(visit[0]!)).story!
    const before = snapshot()
    expect((await refused('stories.merge', { story: visitStory, into: gone })).code).toBe('NOT_FOUND')
    expect(snapshot()).toEqual(before)
  })

  it('refuses splitting the only article off a story, and changes nothing', async () => {
    const { story } = await storyOf(loner)
    const before = snapshot()
    const error = await refused('stories.split', { story, articles: [loner] })
    expect(error.code).toBe('INVALID_INPUT')
    expect(snapshot()).toEqual(before)
  })

  it('refuses splitting every article off a story of many, and changes nothing', async () => {
    const { story } = await storyOf(visit[0]!)
    const before = snapshot()
    expect((await refused('stories.split', { story, articles: visit })).code).toBe('INVALID_INPUT')
    expect(snapshot()).toEqual(before)
  })

  it('a split with an article of another story fails whole: the articles of this one stay', async () => {
    const { story } = await storyOf(visit[0]!)
    const before = snapshot()
    const error = await refused('stories.split', { story, articles: [visit[0], loner] })
    expect(error.code).toBe('INVALID_INPUT')
    expect(snapshot()).toEqual(before)
  })

  it('splits one article naming it twice the same as naming it once', async () => {
    const { story } = await storyOf(visit[0]!)
    const change = await call<{ stories: number[] }>('stories.split', {
      story,
      articles: [visit[0], visit[0]],
    })
    const own = (await storyOf(visit[0]!)).story!
    expect(own).not.toBe(story)
    expect(change.stories).toEqual(expect.arrayContaining([story, own]))
    expect(await storyOf(visit[0]!)).toEqual({ story: own, articles: 1 })
    expect(await storyOf(visit[1]!)).toEqual({ story, articles: visit.length - 1 })
  })
})
