import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { RowStory } from '@shared/stories'
import { appForEachTest } from '../helpers/app-for-each-test'
import {
  STORY_DEV_SET,
  storyArticle,
  storyBody,
  type StoryFixtureItem as FixtureItem,
} from '../helpers/story-fixtures'

/** The labelled set's two Kyiv events of one day (the night's attack; Finland's president visiting). */
const KYIV = STORY_DEV_SET.filter((item) => item.story === 's03' || item.story === 's04')

const { app, call } = appForEachTest()

interface Page {
  total: number
  items: ArticleSummary[]
}

/** Saved an hour after publication, in time order, each announced as a capture announces it. */
async function store(items: FixtureItem[]): Promise<ArticleSummary[]> {
  const stored: ArticleSummary[] = []
  for (const item of items) {
    const saved = await app().library.putArticle(storyArticle(item), storyBody(item))
    app().events.emit('library.changed', { ids: [saved.id] })
    stored.push(saved)
  }
  return stored
}

/** Article id → its story, for every stored article. */
async function storiesOf(articles: ArticleSummary[]): Promise<Map<string, number>> {
  const stories = new Map<string, number>()
  for (const article of articles) {
    const { story } = await call<{ story: number | null }>('stories.ofArticle', { id: article.id })
    stories.set(article.id, story!)
  }
  return stories
}

describe('the list grouped by story', () => {
  it('shows each story once, by the first of its articles in the list, and every lone article', async () => {
    const stored = await store(KYIV)
    const story = await storiesOf(stored)
    const distinct = new Set(story.values())
    expect(distinct.size).toBeLessThan(stored.length)

    const unfolded = await call<Page>('articles.list', { limit: 100 })
    const folded = await call<Page>('articles.list', { limit: 100, foldStories: true })
    expect(unfolded.total).toBe(stored.length)
    expect(folded.total).toBe(distinct.size)
    expect(folded.items).toHaveLength(distinct.size)
    // Newest first: each row is its story's newest article, and the rows keep the list's order.
    const newestOf = new Map<number, string>()
    for (const article of unfolded.items) {
      const id = story.get(article.id)!
      if (!newestOf.has(id)) newestOf.set(id, article.id)
    }
    expect(folded.items.map((a) => a.id)).toEqual([...newestOf.values()])

    const oldest = await call<Page>('articles.list', { limit: 100, foldStories: true, sort: 'oldest' })
    const firstOf = new Map<number, string>()
    for (const article of [...unfolded.items].reverse()) {
      const id = story.get(article.id)!
      if (!firstOf.has(id)) firstOf.set(id, article.id)
    }
    expect(oldest.items.map((a) => a.id)).toEqual([...firstOf.values()])

    // Pages fold the same way: two rows at a time give the same rows.
    const paged: string[] = []
    for (let offset = 0; offset < folded.total; offset += 2) {
      const page = await call<Page>('articles.list', { limit: 2, offset, foldStories: true })
      paged.push(...page.items.map((a) => a.id))
    }
    expect(paged).toEqual(folded.items.map((a) => a.id))
  })

  it('keeps a story whose first article the filter leaves out, by its next one', async () => {
    const stored = await store(KYIV)
    const story = await storiesOf(stored)
    const folded = await call<Page>('articles.list', { limit: 100, foldStories: true })
    const lead = folded.items.find(
      (a) => [...story.values()].filter((s) => s === story.get(a.id)).length > 1,
    )!
    await call('articles.setState', { id: lead.id, read: true })

    const unread = await call<Page>('articles.list', { limit: 100, foldStories: true, state: 'unread' })
    expect(unread.total).toBe(folded.total)
    const stand = unread.items.find((a) => story.get(a.id) === story.get(lead.id))
    expect(stand).toBeDefined()
    expect(stand!.id).not.toBe(lead.id)
    // A text search is never folded.
    const searched = await call<Page>('articles.list', { limit: 100, foldStories: true, query: 'Kyiv' })
    expect(searched.items.filter((a) => story.get(a.id) === story.get(lead.id)).length).toBeGreaterThan(1)
  })

  it('tells each row of a page how many outlets and languages its story holds besides it, in one call', async () => {
    const stored = await store(KYIV)
    const story = await storiesOf(stored)
    const folded = await call<Page>('articles.list', { limit: 100, foldStories: true })
    const { items } = await call<{ items: RowStory[] }>('stories.ofRows', {
      ids: folded.items.map((a) => a.id),
    })
    for (const row of items) {
      const members = stored.filter((a) => story.get(a.id) === row.story)
      const own = stored.find((a) => a.id === row.article)!
      expect(row.articles).toBe(members.length)
      expect(row.otherOutlets).toBe(
        new Set(members.map((a) => a.siteName).filter((s) => s !== own.siteName)).size,
      )
      expect(new Set(row.languages)).toEqual(new Set(members.map((a) => a.lang)))
    }
    // Every story of two or more is there; an article alone in its story is not.
    const multi = new Set([...story.values()].filter((s, _, all) => all.filter((t) => t === s).length > 1))
    expect(new Set(items.map((row) => row.story))).toEqual(multi)
  })
})
