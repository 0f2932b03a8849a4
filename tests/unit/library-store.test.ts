import { access, readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/article'
import { articleDir, articleMetadataPath, libraryLayout } from '../../src/main/library/layout'
import { SqlDatabase } from '../../src/main/library/database'
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

type State = 'all' | 'unread' | 'starred' | 'archived'

function list(store: LibraryStore, state: State, offset: number, limit: number): ArticleSummary[] {
  return store.listArticles({ filter: { state }, sort: 'newest', offset, limit }).items
}

function count(store: LibraryStore, state: State): number {
  return store.listArticles({ filter: { state }, sort: 'newest', offset: 0, limit: 1 }).total
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

  it('has the article in library.db as soon as the put resolves, for another process to read', async () => {
    const store = await openStore()
    const article = makeSummary({ id: idInShard('c3', 1) })
    await store.putArticle(article, body(article.id))

    const reader = await openStore({ readOnly: true })
    expect(reader.get(article.id), 'seen by a second, read-only connection').toEqual(article)
  })

  it('writes a metadata file beside the body, without the states', async () => {
    const store = await openStore()
    const article = makeSummary({ read: true })
    await store.putArticle(article, body(article.id))
    const file = JSON.parse(
      await readFile(articleMetadataPath(libraryLayout(dir), article), 'utf8'),
    ) as Record<string, unknown>
    expect(file.title).toBe(article.title)
    expect(file.read, 'states live in the database only').toBeUndefined()
  })

  it('keeps a read/starred change across a reopen', async () => {
    const store = await openStore()
    const article = makeSummary()
    await store.putArticle(article, body(article.id))
    store.setStates([article.id], { read: true, starred: true })

    const again = await reopen(store)

    expect(again.get(article.id)).toMatchObject({ read: true, starred: true })
    expect(count(again, 'unread'), 'unread total').toBe(0)
    expect(count(again, 'starred'), 'starred total').toBe(1)
  })

  it('replaces an article put again with the same id, keeping one copy', async () => {
    const store = await openStore()
    const first = makeSummary({ title: 'First title' })
    await store.putArticle(first, body(first.id))
    const second = { ...first, title: 'Second title', updatedAt: '2024-06-01T00:00:00.000Z' }
    await store.putArticle(second, { html: '<p>new</p>', text: 'new' })

    const again = await reopen(store)

    expect(count(again, 'all'), 'article count').toBe(1)
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

    expect(list(store, 'all', 0, 50).map((a) => a.id)).toEqual(newestFirst)
    const again = await reopen(store)
    expect(
      list(again, 'all', 0, 50).map((a) => a.id),
      'order after reopen',
    ).toEqual(newestFirst)
  })

  it('pages with offset and limit', async () => {
    const store = await openStore()
    const newestFirst = (await fillLibrary(store)).reverse().map((a) => a.id)

    expect(list(store, 'all', 0, 2).map((a) => a.id)).toEqual(newestFirst.slice(0, 2))
    expect(list(store, 'all', 2, 2).map((a) => a.id)).toEqual(newestFirst.slice(2, 4))
    expect(list(store, 'all', 4, 2).map((a) => a.id)).toEqual(newestFirst.slice(4))
    expect(list(store, 'all', 10, 2)).toEqual([])
  })

  it('filters unread and starred articles with the right totals', async () => {
    const store = await openStore()
    const articles = await fillLibrary(store)
    const ids = (days: number[]): string[] => days.map((d) => articles[d]!.id)

    expect(count(store, 'all')).toBe(5)
    expect(count(store, 'unread')).toBe(3)
    expect(count(store, 'starred')).toBe(2)
    expect(list(store, 'unread', 0, 50).map((a) => a.id)).toEqual(ids([4, 2, 0]))
    expect(
      list(store, 'unread', 1, 1).map((a) => a.id),
      'unread page 2 of size 1',
    ).toEqual(ids([2]))
    expect(list(store, 'starred', 0, 50).map((a) => a.id)).toEqual(ids([3, 2]))
  })
})

describe('LibraryStore: delete, restore and purge', () => {
  it('takes a deleted article out of the list and brings it back on restore', async () => {
    const store = await openStore()
    const article = makeSummary()
    await store.putArticle(article, body(article.id))

    await store.deleteArticle(article.id)
    expect(store.get(article.id), 'after delete').toBeUndefined()
    expect(count(store, 'all')).toBe(0)

    await store.restoreArticle(article.id)
    expect(store.get(article.id), 'after restore').toEqual(article)
    expect((await store.readArticle(article.id)).text).toBe(body(article.id).text)

    const again = await reopen(store)
    expect(again.get(article.id), 'after restore and reopen').toEqual(article)
    expect(await exists(articleDir(libraryLayout(dir), article.id)), 'article folder kept').toBe(true)
  })

  it('keeps a deleted article restorable across opens for 30 days, then purges its files', async () => {
    let now = new Date('2026-12-01T12:00:00Z')
    const clock = (): Date => now
    const store = await openStore({ now: clock })
    const kept = makeSummary()
    const deleted = makeSummary()
    await store.putArticle(kept, body(kept.id))
    await store.putArticle(deleted, body(deleted.id))
    await store.deleteArticle(deleted.id)
    await store.close()

    now = new Date('2026-12-30T12:00:00Z')
    const within = await openStore({ now: clock })
    expect(await exists(articleDir(libraryLayout(dir), deleted.id)), 'files kept for 29 days').toBe(true)
    await within.restoreArticle(deleted.id)
    expect((await within.readArticle(deleted.id)).text, 'restored after 29 days').toBe(body(deleted.id).text)
    await within.deleteArticle(deleted.id)
    await within.close()

    now = new Date('2027-01-29T12:00:01Z')
    const after = await openStore({ now: clock })
    expect(await exists(articleDir(libraryLayout(dir), deleted.id)), 'folder 30 days after the delete').toBe(
      false,
    )
    expect(list(after, 'all', 0, 50).map((a) => a.id)).toEqual([kept.id])
    await expect(after.restoreArticle(deleted.id), 'restore after purge').rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})

describe('LibraryStore: many state changes at once', () => {
  it('keeps every one of many concurrent state changes', async () => {
    const store = await openStore()
    const articles = Array.from({ length: 40 }, (_, n) => makeSummary({ id: idInShard('5d', n) }))
    for (const article of articles) await store.putArticle(article, body(article.id))

    await Promise.all(
      articles.map((article, n) =>
        Promise.resolve().then(() => store.setStates([article.id], { read: true, starred: n % 2 === 0 })),
      ),
    )

    const reader = await openStore({ readOnly: true })
    expect(count(reader, 'unread'), 'unread seen by another connection right after the writes').toBe(0)

    const again = await reopen(store)
    expect(count(again, 'unread'), 'unread after reopen').toBe(0)
    expect(count(again, 'starred'), 'starred after reopen').toBe(20)
  })
})

describe('LibraryStore: archived, combined filters and counts', () => {
  async function fill(store: LibraryStore): Promise<ArticleSummary[]> {
    const articles = [
      makeSummary({ addedAt: '2024-05-01T12:00:00.000Z', siteName: 'Minsk Daily' }),
      makeSummary({ addedAt: '2024-05-02T12:00:00.000Z', read: true }),
      makeSummary({
        addedAt: '2024-05-03T12:00:00.000Z',
        countries: [{ code: 'UA', name: 'Ukraine', role: 'primary', score: 1 }],
        correspondents: [{ name: 'Olga Petrova', kind: 'person' }],
      }),
      makeSummary({ addedAt: '2024-06-04T12:00:00.000Z', archived: true }),
    ]
    for (const a of articles) await store.putArticle(a, body(a.id))
    return articles
  }

  it('leaves archived articles out of the default list and shows them under archived', async () => {
    const store = await openStore()
    const [a, b, c, d] = await fill(store)
    expect(list(store, 'all', 0, 50).map((x) => x.id)).toEqual([c!.id, b!.id, a!.id])
    expect(list(store, 'archived', 0, 50).map((x) => x.id)).toEqual([d!.id])
    store.setStates([a!.id, b!.id], { archived: true })
    expect(count(store, 'archived')).toBe(3)
    expect(store.counts()).toEqual({ articles: 1, unread: 1, starred: 0, archived: 3 })
  })

  it('combines country, state, correspondent, site and dates', async () => {
    const store = await openStore()
    const [a, b, c] = await fill(store)
    const page = (filter: Parameters<LibraryStore['listArticles']>[0]['filter']): string[] =>
      store.listArticles({ filter, sort: 'newest', offset: 0, limit: 50 }).items.map((x) => x.id)
    // makeSummary tags every article BY unless told otherwise.
    expect(page({ state: 'unread', country: 'BY' })).toEqual([a!.id])
    expect(page({ state: 'all', country: 'ua' })).toEqual([c!.id])
    expect(page({ state: 'all', correspondent: 'olga  PETROVA' })).toEqual([c!.id])
    expect(page({ state: 'all', site: 'Minsk Daily' })).toEqual([a!.id])
    expect(page({ state: 'all', from: '2024-05-02', to: '2024-05-02' })).toEqual([b!.id])
    expect(
      store.listArticles({ filter: { state: 'all' }, sort: 'oldest', offset: 0, limit: 1 }).items[0]?.id,
    ).toBe(a!.id)
  })

  it('gives totals that match the items, whether counted or taken from the counters', async () => {
    const store = await openStore()
    const [a, , c] = await fill(store)
    store.setStates([a!.id], { starred: true })
    for (const state of ['all', 'unread', 'starred', 'archived'] as const) {
      for (const extra of [
        {},
        { country: 'BY' },
        { country: 'UA' },
        { site: 'Minsk Daily' },
        { correspondent: 'Olga Petrova' },
      ]) {
        const page = store.listArticles({ filter: { state, ...extra }, sort: 'newest', offset: 0, limit: 50 })
        expect(page.total, `${state} ${JSON.stringify(extra)}`).toBe(page.items.length)
      }
    }
    await store.deleteArticle(c!.id)
    expect(
      store.listArticles({ filter: { state: 'all', country: 'UA' }, sort: 'newest', offset: 0, limit: 50 })
        .total,
    ).toBe(0)
  })

  it('returns sidebar counts per country that follow state changes and deletes', async () => {
    const store = await openStore()
    const [a, b] = await fill(store)
    const by = (): unknown => store.sidebarCounts().countries.find((x) => x.code === 'BY')
    expect(by()).toEqual({ code: 'BY', articles: 2, unread: 1 })
    store.setStates([a!.id], { read: true })
    expect(by()).toEqual({ code: 'BY', articles: 2, unread: 0 })
    await store.deleteArticle(b!.id)
    expect(by()).toEqual({ code: 'BY', articles: 1, unread: 0 })
  })
})

describe('LibraryStore: text queries joined with the filters', () => {
  async function fillTexts(store: LibraryStore): Promise<ArticleSummary[]> {
    const texts = [
      ['Peace talks in Minsk', 'The peace talks resumed in Minsk on Monday.'],
      ['Talks about peace', 'Talks were held; peace was not mentioned as such. Sanctions loom.'],
      ['Café owners in Kraków', 'Terraces full again.'],
    ]
    const articles: ArticleSummary[] = []
    for (const [n, [title, text]] of texts.entries()) {
      const a = makeSummary({
        title,
        excerpt: '',
        addedAt: `2024-05-0${n + 1}T12:00:00.000Z`,
        archived: n === 2,
      })
      await store.putArticle(a, { html: `<p>${text}</p>`, text: text! })
      articles.push(a)
    }
    return articles
  }
  const search = (store: LibraryStore, query: string, filter: Record<string, unknown> = {}): string[] =>
    store
      .listArticles({ filter: { state: 'all', query, ...filter }, sort: 'relevance', offset: 0, limit: 50 })
      .items.map((a) => a.id)

  it('finds phrases, leaves out exclusions, folds diacritics and finds archived articles', async () => {
    const store = await openStore()
    const [a, b, c] = await fillTexts(store)
    expect(search(store, '"peace talks"')).toEqual([a!.id])
    expect(search(store, 'talks -sanctions')).toEqual([a!.id])
    expect(search(store, 'cafe krakow'), 'archived, still found').toEqual([c!.id])
    expect(search(store, 'cafe', { state: 'archived' })).toEqual([c!.id])
    expect(search(store, 'peace', { state: 'unread', site: 'Nowhere' })).toEqual([])
    expect(new Set(search(store, 'pea'))).toEqual(new Set([a!.id, b!.id]))
  })

  it('answers malformed and huge queries with results or nothing, never an exception', async () => {
    const store = await openStore()
    await fillTexts(store)
    for (const query of [
      '"unbalanced',
      'NEAR(a b',
      'title:x',
      '***',
      ')(',
      '-',
      'a'.repeat(10_000),
      '" OR "',
    ]) {
      expect(() => search(store, query), query.slice(0, 20)).not.toThrow()
    }
  })

  it('forgets a deleted article and finds a restored one', async () => {
    const store = await openStore()
    const [a] = await fillTexts(store)
    await store.deleteArticle(a!.id)
    expect(search(store, 'Minsk')).toEqual([])
    await store.restoreArticle(a!.id)
    expect(search(store, 'Minsk')).toEqual([a!.id])
  })
})

describe('LibraryStore: reindex', () => {
  it('rebuilds the full-text index from the text files, with progress', async () => {
    const first = await openStore()
    const article = makeSummary({ title: 'Harbour news' })
    await first.putArticle(article, { html: '<p>Ferries to Klaipeda</p>', text: 'Ferries to Klaipeda' })
    await first.close()
    const db = SqlDatabase.open(libraryLayout(dir).database)
    db.run(`INSERT INTO article_fts (article_fts) VALUES ('delete-all')`)
    db.close()
    const store = await openStore()
    const find = (q: string): number =>
      store.listArticles({ filter: { state: 'all', query: q }, sort: 'relevance', offset: 0, limit: 5 }).total
    expect(find('klaipeda'), 'index emptied').toBe(0)
    const progress: number[] = []
    expect(await store.reindex(({ done }) => progress.push(done))).toBe(1)
    expect(find('klaipeda')).toBe(1)
    expect(find('harbour')).toBe(1)
    expect(progress).toEqual([0, 1])
  })
})
