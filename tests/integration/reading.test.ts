import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import type { ArticlePage } from '@shared/contract'
import type { ReadingPosition, UnfinishedArticle } from '@shared/reading'
import { appForEachTest } from '../helpers/app-for-each-test'
import { rewindToSchema2 } from '../helpers/schema-2-library'
import { makeSummary } from '../helpers/temp-library'

const { app, dir, call, close, reopen } = appForEachTest()

const hex = (n: number): string => n.toString(16).padStart(16, '0')

async function put(i: number, overrides: Partial<ArticleSummary>): Promise<ArticleSummary> {
  const article = makeSummary({ id: hex(0xb0 + i), title: `Story ${i}`, ...overrides })
  return app().library.putArticle(article, { html: '<p>Words</p>', text: 'Words' })
}

describe('reading positions', () => {
  it('are remembered per article, across a restart, and offered to continue until finished', async () => {
    const a = await put(1, { readingMinutes: 10 })
    const b = await put(2, { readingMinutes: 4 })
    const c = await put(3, { readingMinutes: 6 })
    await call('reading.savePosition', { id: a.id, progress: 0.4 })
    await call('reading.savePosition', { id: b.id, progress: 0.99 })
    await call('reading.savePosition', { id: c.id, progress: 0.2 })
    await call('reading.savePosition', { id: a.id, progress: 0.5 })

    await reopen()

    const { positions } = await call<{ positions: ReadingPosition[] }>('reading.positions', {
      ids: [a.id, b.id, c.id, hex(0xff)],
    })
    expect(Object.fromEntries(positions.map((p) => [p.id, p.progress]))).toEqual({
      [a.id]: 0.5,
      [b.id]: 0.99,
      [c.id]: 0.2,
    })
    const { articles } = await call<{ articles: UnfinishedArticle[] }>('reading.unfinished', {})
    // b is finished; a was read last.
    expect(articles.map((x) => [x.title, x.progress])).toEqual([
      ['Story 1', 0.5],
      ['Story 3', 0.2],
    ])
  })

  it('refuses a position for an article that is not in the library, and goes with a deleted one', async () => {
    const result = await app().dispatch('reading.savePosition', { id: hex(0xee), progress: 0.5 })
    expect(result.ok).toBe(false)
    const a = await put(1, {})
    await call('reading.savePosition', { id: a.id, progress: 0.5 })
    await call('articles.delete', { id: a.id })
    const { articles } = await call<{ articles: UnfinishedArticle[] }>('reading.unfinished', {})
    expect(articles).toEqual([])
  })
})

describe('mark all read', () => {
  it('marks only the unread articles of the list read, and its undo brings back exactly those', async () => {
    const by = await put(1, { countries: [{ code: 'BY', name: 'Belarus', role: 'primary', score: 1 }] })
    const ua = await put(2, { countries: [{ code: 'UA', name: 'Ukraine', role: 'primary', score: 1 }] })
    const alreadyRead = await put(3, {
      countries: [{ code: 'BY', name: 'Belarus', role: 'primary', score: 1 }],
    })
    await call('articles.setState', { id: alreadyRead.id, read: true })

    const { ids } = await call<{ ids: string[] }>('reading.markAllRead', { state: 'all', country: 'BY' })
    expect(ids).toEqual([by.id])
    const unread = await call<ArticlePage>('articles.list', { state: 'unread' })
    expect(unread.items.map((x) => x.id)).toEqual([ua.id])
    expect(unread.counts.library.unread).toBe(1)

    const undone = await call<{ ids: string[] }>('reading.markUnread', { ids })
    expect(undone.ids).toEqual([by.id])
    const after = await call<ArticlePage>('articles.list', { state: 'unread' })
    expect(after.items.map((x) => x.id).sort()).toEqual([by.id, ua.id].sort())
    expect(
      (await call<ArticlePage>('articles.list', { state: 'all' })).items.find((x) => x.id === alreadyRead.id)
        ?.read,
    ).toBe(true)
  })
})

describe('the order of the list', () => {
  it('is by the published date, with the saved day for undated pages, when the person chooses it', async () => {
    await put(1, { publishedAt: '2019-03-01T08:00:00Z', addedAt: '2026-12-01T09:00:00.000Z' })
    await put(2, { publishedAt: null, addedAt: '2026-11-20T09:00:00.000Z' })
    await put(3, { publishedAt: '2026-11-28T12:00:00+02:00', addedAt: '2026-11-10T09:00:00.000Z' })
    await put(4, { publishedAt: 'last Tuesday', addedAt: '2026-11-25T09:00:00.000Z' })

    const titles = async (input: object): Promise<string[]> =>
      (await call<ArticlePage>('articles.list', input)).items.map((x) => x.title)
    expect(await titles({})).toEqual(['Story 1', 'Story 4', 'Story 2', 'Story 3'])
    expect(await titles({ by: 'published' })).toEqual(['Story 3', 'Story 4', 'Story 2', 'Story 1'])
    expect(await titles({ by: 'published', sort: 'oldest' })).toEqual([
      'Story 1',
      'Story 2',
      'Story 4',
      'Story 3',
    ])
    expect(await titles({ by: 'published', state: 'unread' })).toEqual([
      'Story 3',
      'Story 4',
      'Story 2',
      'Story 1',
    ])
  })

  it('walks an index for the published order, as for the saved one', async () => {
    const plan = app().library.query((db) =>
      db
        .all<{ detail: string }>(
          'EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE a.read = 0 AND a.archived = 0 ORDER BY a.dated_at DESC, a.id LIMIT 50',
        )
        .map((row) => row.detail)
        .join('\n'),
    )
    expect(plan).toContain('articles_dated_unread')
    expect(plan).not.toContain('TEMP B-TREE')
  })

  it('is there for a library made before schema 11, once it is opened', async () => {
    await put(1, { publishedAt: '2019-03-01T08:00:00Z', addedAt: '2026-12-01T09:00:00.000Z' })
    await put(2, { publishedAt: '2026-11-28T12:00:00Z', addedAt: '2026-11-10T09:00:00.000Z' })
    await close()
    await rewindToSchema2(dir())
    await reopen()
    const page = await call<ArticlePage>('articles.list', { by: 'published' })
    expect(page.items.map((x) => x.title)).toEqual(['Story 2', 'Story 1'])
    await call('reading.savePosition', { id: page.items[0]!.id, progress: 0.3 })
  })
})
