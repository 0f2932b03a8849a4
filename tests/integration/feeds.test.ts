import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article } from '@shared/article'
import type { ArticlePage } from '@shared/contract'
import type { FeedInfo, FeedNotice, FeedProgress, RefreshOutcome } from '@shared/feeds'
import { openApp, type DatelineApp } from '../../src/main/app'
import {
  articleRoutes,
  BROKEN_FEEDS,
  feedRoutes,
  GOOD_FEEDS,
  JAPANESE_TITLE,
  rss2,
  RUSSIAN_TITLE,
  UKRAINIAN_TITLE,
} from '../fixtures/feeds/feed-documents'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp

const FEED_LIMITS = { timeoutMs: 1500, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 }

async function start(now?: () => Date): Promise<DatelineApp> {
  app = await openApp({
    libraryDir: dir,
    extraction: 'inline',
    feedSchedule: false,
    feedLimits: FEED_LIMITS,
    ...(now ? { now } : {}),
  })
  return app
}

async function call<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, input)
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function subscribe(path: string, extra: Record<string, unknown> = {}): Promise<FeedInfo> {
  return (await call<{ feed: FeedInfo }>('feeds.add', { url: site.url(path), ...extra })).feed
}

async function feeds(): Promise<FeedInfo[]> {
  return (await call<{ feeds: FeedInfo[] }>('feeds.list')).feeds
}

async function articlesOf(feed: number): Promise<ArticlePage> {
  return call<ArticlePage>('articles.list', { feed, limit: 100 })
}

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({ ...articleRoutes(8) })
  for (const [path, route] of Object.entries(feedRoutes(site.origin))) site.route(path, route)
})

afterEach(async () => {
  await app?.close()
  await site.close()
  await removeDir(dir)
})

describe('refreshing feeds of every kind', () => {
  it('reads every good feed, gives each broken one its error in words, and finishes the round', async () => {
    await start()
    // The broken feeds cannot be subscribed (they are checked first), so they come in by OPML.
    const opml = `<opml version="2.0"><body>${[...GOOD_FEEDS, ...Object.keys(BROKEN_FEEDS)]
      .map((p) => `<outline text="${p}" xmlUrl="${site.url(p)}"/>`)
      .join('')}</body></opml>`
    const imported = await call<{ added: number }>('feeds.importOpml', { opml })
    expect(imported.added).toBe(GOOD_FEEDS.length + Object.keys(BROKEN_FEEDS).length)
    // The legacy-encoded feeds keep their own content, so the headlines stored are the feeds' own.
    for (const feed of await feeds()) {
      if (/cp1251|koi8|sjis/.test(feed.url))
        await call('feeds.update', { id: feed.id, captureMode: 'summary' })
    }
    const progress: FeedProgress[] = []
    app.events.subscribe((event, payload) => {
      if (event === 'feeds.progress') progress.push(payload as FeedProgress)
    })

    const outcome = await call<RefreshOutcome>('feeds.refresh')
    expect(outcome.offline).toBe(false)
    const byUrl = new Map((await feeds()).map((f) => [f.url.replace(site.origin, ''), f]))
    for (const path of GOOD_FEEDS) {
      expect(byUrl.get(path)?.error, `${path} is read`).toBeNull()
      expect(byUrl.get(path)?.lastRefreshedAt, `${path} has a last refresh`).not.toBeNull()
    }
    for (const [path, words] of Object.entries(BROKEN_FEEDS)) {
      expect(byUrl.get(path)?.error, path).toContain(words)
      expect(byUrl.get(path)?.failures).toBe(1)
    }
    expect(progress.at(-1)).toMatchObject({ finished: true, done: progress.at(-1)!.total })
    expect(progress.filter((p) => p.feed).length).toBe(byUrl.size)

    const titles = (await call<ArticlePage>('articles.list', { limit: 100 })).items.map((a) => a.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        'Full page of story 1',
        'Full page of story 20',
        RUSSIAN_TITLE,
        UKRAINIAN_TITLE,
        JAPANESE_TITLE,
      ]),
    )
  }, 30_000)

  it('asks again with ETag and Last-Modified, and stores nothing twice', async () => {
    let conditional = 0
    site.route('/etag.xml', (request) => {
      if (request.headers['if-none-match'] === '"v1"') {
        conditional++
        return { status: 304, body: '' }
      }
      return {
        headers: {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Mon, 30 Nov 2026 00:00:00 GMT',
        },
        body: rss2(site.origin, [{ n: 1 }, { n: 2 }]),
      }
    })
    await start()
    const feed = await subscribe('/etag.xml')
    const first = await call<RefreshOutcome>('feeds.refresh', { ids: [feed.id] })
    expect(first.results[0]).toMatchObject({ new: 2, updated: 0, errors: 0 })
    const second = await call<RefreshOutcome>('feeds.refresh', { ids: [feed.id] })
    expect(second.results[0]).toMatchObject({ new: 0, notModified: true })
    expect(conditional).toBe(1)
    expect((await articlesOf(feed.id)).total).toBe(2)
  })

  it('updates the stored article when the outlet edits an item, and dedupes by link when the GUID changes', async () => {
    let version = 1
    site.route('/edited.xml', () => ({
      headers: { 'content-type': 'application/rss+xml' },
      body:
        version === 1
          ? rss2(site.origin, [{ n: 3 }])
          : rss2(site.origin, [{ n: 3, title: 'World story 3, corrected' }]).replace(
              'world-3',
              'world-3-new-guid',
            ),
    }))
    await start()
    const feed = await subscribe('/edited.xml', { captureMode: 'summary' })
    await call('feeds.refresh', { ids: [feed.id] })
    version = 2
    const outcome = await call<RefreshOutcome>('feeds.refresh', { ids: [feed.id] })
    expect(outcome.results[0]).toMatchObject({ new: 0, updated: 1 })
    const page = await articlesOf(feed.id)
    expect(page.items.map((a) => a.title)).toEqual(['World story 3, corrected'])
  })

  it('stores an article reached through two feeds once, counted in both', async () => {
    site.route('/one.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 4 }]),
    })
    site.route('/two.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 4 }]).replace('world-4', 'other-guid-4'),
    })
    await start()
    const one = await subscribe('/one.xml')
    const two = await subscribe('/two.xml')
    const outcome = await call<RefreshOutcome>('feeds.refresh')
    expect(outcome.results.map((r) => r.new).sort()).toEqual([1, 1])
    expect((await call<ArticlePage>('articles.list')).total).toBe(1)
    expect((await articlesOf(one.id)).total).toBe(1)
    expect((await articlesOf(two.id)).total).toBe(1)
    expect(site.requests.filter((p) => p === '/articles/4')).toHaveLength(1)
  })

  it('counts an article once in its feed when two of the feed’s items lead to it', async () => {
    // The outlet lists one story twice (a new GUID on the second, the same link).
    const once = rss2(site.origin, [{ n: 5 }])
    const item = /<item>[\s\S]*<\/item>/.exec(once)![0]
    site.route('/twice.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: once.replace(item, `${item}\n${item.replace('world-5', 'world-5-again')}`),
    })
    await start()
    const feed = await subscribe('/twice.xml')
    await call<RefreshOutcome>('feeds.refresh')
    expect((await articlesOf(feed.id)).total).toBe(1)
    const listed = (await feeds()).find((f) => f.id === feed.id)!
    expect({ articles: listed.articles, unread: listed.unread }).toEqual({ articles: 1, unread: 1 })
  })

  it('captures in full with pictures by default, and the feed content only when asked', async () => {
    site.route('/full.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 5 }]),
    })
    site.route('/summary.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 6 }]),
    })
    await start()
    const full = await subscribe('/full.xml')
    const summary = await subscribe('/summary.xml', { captureMode: 'summary' })
    await call('feeds.refresh')
    const fullArticle = await call<Article>('articles.get', { id: (await articlesOf(full.id)).items[0]!.id })
    expect(fullArticle.title).toBe('Full page of story 5')
    expect(fullArticle.html).toMatch(/src="media\/[0-9a-f]{2}\/[0-9a-f]{64}\.png"/)
    const summaryArticle = await call<Article>('articles.get', {
      id: (await articlesOf(summary.id)).items[0]!.id,
    })
    expect(summaryArticle.text).toContain('Feed text of story 6')
    expect(summaryArticle.url).toBe(site.url('/articles/6'))
    expect(summaryArticle.source).toBe('url')
    expect(summaryArticle.html, 'the feed picture is stored too').toMatch(/src="media\//)
    expect(site.requests).not.toContain('/articles/6')
  })

  it('follows a permanent redirect by moving the subscription', async () => {
    site.route('/old.xml', { status: 301, headers: { location: '/rss2.xml' }, body: '' })
    await start()
    const feed = await subscribe('/rss2.xml')
    // Subscribed at the new address already: a moved feed met later updates the stored one.
    expect(feed.url).toBe(site.url('/rss2.xml'))
    const other = await call<{ added: number }>('feeds.importOpml', {
      opml: `<opml><body><outline text="x" xmlUrl="${site.url('/old.xml')}"/></body></opml>`,
    })
    expect(other.added).toBe(1)
    site.route('/older.xml', { status: 308, headers: { location: '/atom.xml' }, body: '' })
    await call('feeds.importOpml', {
      opml: `<opml><body><outline text="y" xmlUrl="${site.url('/older.xml')}"/></body></opml>`,
    })
    await call('feeds.refresh')
    const urls = (await feeds()).map((f) => f.url)
    expect(urls).toContain(site.url('/atom.xml'))
    expect(urls).not.toContain(site.url('/older.xml'))
    // /old.xml moved to an address already subscribed: it keeps its own address, no duplicate.
    expect(urls.filter((u) => u === site.url('/rss2.xml'))).toHaveLength(1)
  })

  it('backs off a failing feed and honours Retry-After', async () => {
    const at = new Date('2026-12-01T12:00:00Z')
    await start(() => at)
    await call('feeds.importOpml', {
      opml: `<opml><body><outline text="x" xmlUrl="${site.url('/limited.xml')}"/><outline text="y" xmlUrl="${site.url('/error.xml')}"/></body></opml>`,
    })
    await call('feeds.refresh')
    const byUrl = new Map((await feeds()).map((f) => [f.url.replace(site.origin, ''), f]))
    expect(byUrl.get('/limited.xml')!.nextAttemptAt).toBe('2026-12-01T14:00:00.000Z')
    expect(byUrl.get('/error.xml')!.nextAttemptAt).toBe('2026-12-01T12:30:00.000Z')
    await call('feeds.refresh')
    expect((await feeds()).find((f) => f.url.endsWith('/error.xml'))).toMatchObject({
      failures: 2,
      nextAttemptAt: '2026-12-01T13:00:00.000Z',
    })
  })
})

describe('subscribing, OPML and removing', () => {
  it('discovers the feeds a page declares, and the usual paths when it declares none', async () => {
    site.route('/home', {
      headers: { 'content-type': 'text/html' },
      body: `<html><head><link rel="alternate" type="application/rss+xml" title="World" href="/rss2.xml"><link rel="alternate" type="application/atom+xml" title="Weekly" href="/atom.xml"></head><body>x</body></html>`,
    })
    site.route('/bare', {
      headers: { 'content-type': 'text/html' },
      body: '<html><body>no links</body></html>',
    })
    site.route('/feed', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 1 }]),
    })
    await start()
    const found = await call<{ candidates: { url: string; title: string }[] }>('feeds.discover', {
      url: site.url('/home'),
    })
    expect(found.candidates.map((c) => c.title)).toEqual(['World', 'Weekly'])
    const probed = await call<{ candidates: { url: string }[] }>('feeds.discover', { url: site.url('/bare') })
    expect(probed.candidates.map((c) => c.url)).toEqual(
      ['/feed', '/atom.xml', '/feed.json'].map((p) => site.url(p)),
    )
    const added = await call<{ feed: FeedInfo; alsoOffered: unknown[] }>('feeds.add', {
      url: site.url('/home'),
    })
    expect(added.feed).toMatchObject({ url: site.url('/rss2.xml'), title: 'Fixture World' })
    expect(added.alsoOffered).toHaveLength(1)
    const missing = await app.dispatch('feeds.add', { url: site.url('/missing.xml') })
    expect(missing.ok || missing.error.message).toBe('Not found (404).')
  })

  it('imports OPML with folders and exports it back', async () => {
    await start()
    const opml = `<opml version="2.0"><body><outline text="Europe"><outline text="World" xmlUrl="${site.url('/rss2.xml')}"/></outline><outline text="Atom" xmlUrl="${site.url('/atom.xml')}"/></body></opml>`
    expect(await call('feeds.importOpml', { opml })).toEqual({ added: 2, existing: 0, folders: ['Europe'] })
    expect((await call<{ added: number; existing: number }>('feeds.importOpml', { opml })).existing).toBe(2)
    expect((await feeds()).map((f) => [f.title, f.folder])).toEqual([
      ['World', 'Europe'],
      ['Atom', null],
    ])
    const exported = await call<{ opml: string }>('feeds.exportOpml')
    expect(exported.opml).toMatch(/<outline text="Europe"[^>]*>\s*<outline text="World"/)
  })

  it('keeps the saved articles when unsubscribing, unless asked to remove them', async () => {
    site.route('/a.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 1 }]),
    })
    site.route('/b.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 2 }]),
    })
    await start()
    const a = await subscribe('/a.xml')
    const b = await subscribe('/b.xml')
    await call('feeds.refresh')
    expect(await call('feeds.remove', { id: a.id })).toEqual({ removed: true, articlesDeleted: 0 })
    expect((await call<ArticlePage>('articles.list')).total).toBe(2)
    expect(await call('feeds.remove', { id: b.id, deleteArticles: true })).toEqual({
      removed: true,
      articlesDeleted: 1,
    })
    expect((await call<ArticlePage>('articles.list')).items.map((x) => x.title)).toEqual([
      'Full page of story 1',
    ])
  })
})

describe('retention, followed correspondents and the network', () => {
  it('removes read feed articles past the retention, never starred ones or those in a collection', async () => {
    let now = new Date('2026-12-01T00:00:00Z')
    site.route('/keep.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]),
    })
    await start(() => now)
    const feed = await subscribe('/keep.xml', { captureMode: 'summary' })
    await call('feeds.refresh')
    const items = (await articlesOf(feed.id)).items
    const [unread, starred, collected, plain] = [items[0]!, items[1]!, items[2]!, items[3]!]
    await call('articles.setStates', { ids: [starred.id, collected.id, plain.id], read: true })
    await call('articles.setState', { id: starred.id, starred: true })
    app.library.change((db) => {
      db.run(`INSERT INTO collections (name, created_at) VALUES ('Keep', '2026-01-01')`)
      db.run(
        `INSERT INTO collection_articles (collection, article, position, added_at) SELECT c.id, ?, 0, '2026-01-01' FROM collections c`,
        [app.library.articleRowid(collected.id)],
      )
    })
    await call('feeds.update', { id: feed.id, retentionDays: 7 })
    now = new Date('2026-12-10T00:00:00Z')
    const outcome = await call<RefreshOutcome>('feeds.refresh')
    expect(outcome.removed).toBe(1)
    const left = (await call<ArticlePage>('articles.list', { limit: 10 })).items.map((a) => a.id).sort()
    expect(left).toEqual([unread.id, starred.id, collected.id].sort())
    expect(left).not.toContain(plain.id)
    const usage = await call<{ total: number; articles: number; database: number }>('feeds.diskUsage')
    expect(usage.articles).toBeGreaterThan(0)
    expect(usage.total).toBe(usage.articles + usage.database + (usage as unknown as { media: number }).media)
  })

  it('captures a followed correspondent in full, tells it once, and refreshes their author feed', async () => {
    site.route('/mixed.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 1, author: 'Olena  PETRENKO' }, { n: 2 }]),
    })
    site.route('/olena.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 7, author: 'Olena Petrenko' }]),
    })
    await start()
    app.library.change((db) =>
      db.run(
        `INSERT INTO correspondents (name, name_key, followed, feed_url) VALUES ('Olena Petrenko', 'olena petrenko', 1, ?)`,
        [site.url('/olena.xml')],
      ),
    )
    const notices: FeedNotice[] = []
    app.events.subscribe((event, payload) => {
      if (event === 'feeds.notice') notices.push(payload as FeedNotice)
    })
    const feed = await subscribe('/mixed.xml', { captureMode: 'summary' })
    await call('feeds.refresh')
    expect(site.requests, 'the followed author is captured in full').toContain('/articles/1')
    expect(site.requests, 'the others stay feed content').not.toContain('/articles/2')
    expect(site.requests).toContain('/articles/7')
    expect(notices.map((n) => n.correspondent).sort()).toEqual(['Olena Petrenko', 'Olena Petrenko'])
    expect(
      (await feeds()).map((f) => f.id),
      'the author feed is not listed among the feeds',
    ).toEqual([feed.id])
    site.route('/mixed.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: rss2(site.origin, [{ n: 1, author: 'Olena Petrenko', title: 'Edited' }, { n: 2 }]),
    })
    await call('feeds.refresh')
    expect(notices, 'told once').toHaveLength(2)
  })

  it('counts nothing as failed while offline, and resumes when the network returns', async () => {
    await start()
    await call('feeds.importOpml', {
      opml: `<opml><body><outline text="x" xmlUrl="http://127.0.0.2:9/feed"/><outline text="y" xmlUrl="http://127.0.0.3:9/feed"/></body></opml>`,
    })
    const outcome = await call<RefreshOutcome>('feeds.refresh')
    expect(outcome.offline).toBe(true)
    expect((await feeds()).map((f) => [f.failures, f.error])).toEqual([
      [0, null],
      [0, null],
    ])
    expect((await call<{ offline: boolean }>('feeds.list')).offline).toBe(true)
  })
})
