import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import { articleDir, libraryLayout, shardPath } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { idInShard, makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
const open: LibraryStore[] = []

async function openStore(options?: Parameters<typeof LibraryStore.open>[1]): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, options)
  open.push(store)
  return store
}

/** Closes the store and opens the folder again, as the next start of the app would. */
async function reopen(store: LibraryStore): Promise<LibraryStore> {
  await store.close()
  return openStore()
}

function body(id: string): { html: string; text: string } {
  return { html: `<p>Body of ${id} – “quoted”, ünïcödé</p>`, text: `Body of ${id} – “quoted”, ünïcödé` }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await removeDir(dir)
})

describe('LibraryStore: what is put stays put', () => {
  it('has an article with identical metadata, html and text after the library is reopened', async () => {
    const store = await openStore()
    const article = makeSummary({ leadImage: 'media/ab/' + 'a'.repeat(64) + '.png', starred: true })
    await store.putArticle(article, body(article.id))

    const again = await reopen(store)

    expect(again.get(article.id), 'metadata after reopen').toEqual(article)
    const whole = await again.readArticle(article.id)
    expect(whole.html, 'html after reopen').toBe(body(article.id).html)
    expect(whole.text, 'text after reopen').toBe(body(article.id).text)
  })

  it('writes the article into its shard file on disk, not only into memory (lowdb swaps to memory under NODE_ENV=test)', async () => {
    const store = await openStore()
    const article = makeSummary({ id: idInShard('c3', 1) })
    await store.putArticle(article, body(article.id))

    const onDisk = JSON.parse(await readFile(shardPath(libraryLayout(dir), 'c3'), 'utf8')) as {
      articles: Record<string, ArticleSummary>
    }
    expect(Object.keys(onDisk.articles), 'ids in meta/c3.json').toEqual([article.id])
    expect(onDisk.articles[article.id]?.title).toBe(article.title)
  })

  it('keeps a read/starred change across a reopen', async () => {
    const store = await openStore()
    const article = makeSummary()
    await store.putArticle(article, body(article.id))
    await store.updateArticle(article.id, (a) => ({ ...a, read: true, starred: true }))

    const again = await reopen(store)

    expect(again.get(article.id)).toMatchObject({ read: true, starred: true })
    expect(again.count('unread'), 'unread total').toBe(0)
    expect(again.count('starred'), 'starred total').toBe(1)
  })

  it('replaces an article put again with the same id, keeping one copy', async () => {
    const store = await openStore()
    const first = makeSummary({ title: 'First title' })
    await store.putArticle(first, body(first.id))
    const second = { ...first, title: 'Second title', updatedAt: '2024-06-01T00:00:00.000Z' }
    await store.putArticle(second, { html: '<p>new</p>', text: 'new' })

    const again = await reopen(store)

    expect(again.count('all'), 'article count').toBe(1)
    expect(again.get(first.id)?.title).toBe('Second title')
    expect(again.get(first.id)?.addedAt, 'addedAt').toBe(first.addedAt)
    expect((await again.readArticle(first.id)).text).toBe('new')
  })

  it('answers NOT_FOUND for an id it does not hold', async () => {
    const store = await openStore()
    await expect(store.readArticle('0123456789abcdef')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('LibraryStore: list order, paging and filters', () => {
  /** Five articles added a day apart, put in a shuffled order; 1 and 3 read, 2 and 3 starred. */
  async function fillLibrary(store: LibraryStore): Promise<ArticleSummary[]> {
    const articles = [0, 1, 2, 3, 4].map((day) =>
      makeSummary({
        id: idInShard(['0a', 'ff', '0a', '7e', '31'][day]!, day),
        addedAt: `2024-05-0${day + 1}T12:00:00.000Z`,
        read: day === 1 || day === 3,
        starred: day === 2 || day === 3,
      }),
    )
    for (const day of [3, 0, 4, 1, 2]) await store.putArticle(articles[day]!, body(articles[day]!.id))
    return articles
  }

  it('lists the newest added first', async () => {
    const store = await openStore()
    const articles = await fillLibrary(store)
    const newestFirst = [...articles].reverse().map((a) => a.id)

    expect(store.list('all', 0, 50).map((a) => a.id)).toEqual(newestFirst)
    const again = await reopen(store)
    expect(
      again.list('all', 0, 50).map((a) => a.id),
      'order after reopen',
    ).toEqual(newestFirst)
  })

  it('pages with offset and limit', async () => {
    const store = await openStore()
    const newestFirst = (await fillLibrary(store)).reverse().map((a) => a.id)

    expect(store.list('all', 0, 2).map((a) => a.id)).toEqual(newestFirst.slice(0, 2))
    expect(store.list('all', 2, 2).map((a) => a.id)).toEqual(newestFirst.slice(2, 4))
    expect(store.list('all', 4, 2).map((a) => a.id)).toEqual(newestFirst.slice(4))
    expect(store.list('all', 10, 2)).toEqual([])
  })

  it('filters unread and starred articles with the right totals', async () => {
    const store = await openStore()
    const articles = await fillLibrary(store)
    const ids = (days: number[]): string[] => days.map((d) => articles[d]!.id)

    expect(store.count('all')).toBe(5)
    expect(store.count('unread')).toBe(3)
    expect(store.count('starred')).toBe(2)
    expect(store.list('unread', 0, 50).map((a) => a.id)).toEqual(ids([4, 2, 0]))
    expect(
      store.list('unread', 1, 1).map((a) => a.id),
      'unread page 2 of size 1',
    ).toEqual(ids([2]))
    expect(store.list('starred', 0, 50).map((a) => a.id)).toEqual(ids([3, 2]))
  })
})

describe('LibraryStore: delete, restore and purge', () => {
  it('takes a deleted article out of the list and brings it back on restore', async () => {
    const store = await openStore()
    const article = makeSummary()
    await store.putArticle(article, body(article.id))

    await store.deleteArticle(article.id, new Date('2024-06-01T00:00:00Z'))
    expect(store.get(article.id), 'after delete').toBeUndefined()
    expect(store.count('all')).toBe(0)

    await store.restoreArticle(article.id)
    expect(store.get(article.id), 'after restore').toEqual(article)
    expect((await store.readArticle(article.id)).text).toBe(body(article.id).text)

    const again = await reopen(store)
    expect(again.get(article.id), 'after restore and reopen').toEqual(article)
    expect(await exists(articleDir(libraryLayout(dir), article.id)), 'article folder kept').toBe(true)
  })

  it('purges a deleted article’s files at the next open', async () => {
    const store = await openStore()
    const kept = makeSummary()
    const deleted = makeSummary()
    await store.putArticle(kept, body(kept.id))
    await store.putArticle(deleted, body(deleted.id))
    await store.deleteArticle(deleted.id, new Date())
    expect(await exists(articleDir(libraryLayout(dir), deleted.id)), 'files kept for undo').toBe(true)

    const again = await reopen(store)

    expect(await exists(articleDir(libraryLayout(dir), deleted.id)), 'article folder after reopen').toBe(
      false,
    )
    expect(again.list('all', 0, 50).map((a) => a.id)).toEqual([kept.id])
    await expect(again.restoreArticle(deleted.id), 'restore after purge').rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const trash = JSON.parse(await readFile(join(dir, 'trash.json'), 'utf8')) as { articles: object }
    expect(trash.articles, 'trash.json after purge').toEqual({})
  })
})

describe('LibraryStore: many writes to one shard', () => {
  it('keeps every one of many concurrent state changes in the same shard', async () => {
    const store = await openStore()
    const articles = Array.from({ length: 40 }, (_, n) => makeSummary({ id: idInShard('5d', n) }))
    for (const article of articles) await store.putArticle(article, body(article.id))

    await Promise.all(
      articles.map((article, n) =>
        store.updateArticle(article.id, (a) => ({ ...a, read: true, starred: n % 2 === 0 })),
      ),
    )

    const onDisk = JSON.parse(await readFile(shardPath(libraryLayout(dir), '5d'), 'utf8')) as {
      articles: Record<string, ArticleSummary>
    }
    const readOnDisk = Object.values(onDisk.articles).filter((a) => a.read).length
    expect(readOnDisk, 'read articles in meta/5d.json right after the writes resolved').toBe(40)

    const again = await reopen(store)
    expect(again.count('unread'), 'unread after reopen').toBe(0)
    expect(again.count('starred'), 'starred after reopen').toBe(20)
  })
})
