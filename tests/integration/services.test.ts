import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, ArticleSummary } from '@shared/article'
import type {
  AddArticleResult,
  ArticlePage,
  CaptureProgress,
  LibraryInfo,
  SetStatesResult,
} from '@shared/contract'
import type { CallResult } from '@shared/errors'
import type { Settings } from '@shared/settings'
import { openApp, type DatelineApp } from '../../src/main/app'
import { CURRENT_SCHEMA_VERSION } from '../../src/main/library/manifest'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage, EUTODAY_TITLE, eutodayText } from '../helpers/article-page'
import { html, image, startFixtureServer, status, type FixtureServer } from '../helpers/fixture-server'
import { JPEG_2X2, makePng } from '../helpers/images'
import { listFiles, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp | null = null

const PNG = makePng(4, 3, [30, 90, 160])
/** One picture only in srcset, one lazy behind a data-src placeholder. */
const PICTURES =
  '<figure><img srcset="/img/wide.png 800w, /img/wide.png 400w" alt="The square"><figcaption>The square at noon</figcaption></figure>' +
  '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy.jpg" alt="The river"><figcaption>The embankment</figcaption></figure>'

async function start(): Promise<DatelineApp> {
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
  return app
}

async function restart(): Promise<DatelineApp> {
  await app?.close()
  return start()
}

/** Calls a procedure and returns its value, failing the test with the error message if it failed. */
function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app!, name, input)
}

/** Calls a procedure that must fail, returning its error. */
async function failure(name: string, input: unknown): Promise<{ code: string; message: string }> {
  const result: CallResult<unknown> = await app!.dispatch(name, input)
  if (result.ok)
    expect.fail(`${name} should have failed but returned ${JSON.stringify(result.value).slice(0, 200)}`)
  return result.error
}

async function snapshot(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root)
  return Object.fromEntries(
    await Promise.all(
      files.map(async (f) => [f, (await readFile(join(root, f))).toString('base64')] as const),
    ),
  )
}

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer({
    '/world/protest': html(articlePage({ middle: PICTURES })),
    '/world/broken-pictures': html(
      articlePage({
        title: 'A story whose pictures are gone',
        middle:
          '<figure><img src="/img/missing.png" alt="Lost map"></figure><p><img src="/img/also-missing.jpg"></p>',
      }),
    ),
    '/world/missing': status(404),
    '/img/wide.png': image(PNG, 'image/png'),
    '/img/lazy.jpg': image(JPEG_2X2, 'image/jpeg'),
  })
})

afterEach(async () => {
  await app?.close()
  app = null
  await site.close()
  await removeDir(dir)
})

describe('articles.add by URL', () => {
  it('stores the article with both its pictures (srcset-only and lazy data-src) as files in media/', async () => {
    await start()
    const { article, updated } = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/protest'),
    })

    expect(updated, 'updated on first add').toBe(false)
    expect(article.title).toBe('Crowds fill the capital in the largest protest in a decade')
    const stored = await call<Article>('articles.get', { id: article.id })
    const sources = [...stored.html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]!)
    expect(sources, 'img src attributes in the stored html').toHaveLength(2)
    for (const src of sources) expect(src).toMatch(/^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.(png|jpg)$/)
    expect(sources.map((s) => s.split('.').pop()).sort()).toEqual(['jpg', 'png'])

    const media = (await listFiles(dir)).filter((f) => f.startsWith('media/'))
    expect(media.sort(), 'files in media/').toEqual([...sources].sort())
    const png = sources.find((s) => s.endsWith('.png'))!
    expect(new Uint8Array(await readFile(join(dir, png))), 'stored png bytes').toEqual(PNG)
    expect(stored.html, 'no reference to the site left in pictures').not.toContain(`src="${site.origin}`)
    expect(stored.leadImage, 'lead image').toMatch(/^media\//)
    expect(stored.text).toContain('largest protest the country has seen')
    expect(stored.html).not.toContain('<script')
  })

  it('reports progress in order: fetching, extracting, images n/m, saving, done', async () => {
    await start()
    const events: CaptureProgress[] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'capture.progress') events.push(payload as CaptureProgress)
    })

    await call('articles.add', { kind: 'url', url: site.url('/world/protest'), captureId: 'c-1' })

    expect(new Set(events.map((e) => e.captureId)), 'capture ids').toEqual(new Set(['c-1']))
    const stages = events.map((e) => e.stage).filter((s, i, all) => s !== all[i - 1])
    expect(stages).toEqual(['fetching', 'extracting', 'images', 'saving', 'done'])
    const counts = events.filter((e) => e.stage === 'images').map((e) => `${e.done}/${e.total}`)
    expect(counts).toEqual(['0/2', '1/2', '2/2'])
  })

  it('recognises the same article added again, also with ?utm_source=x, and keeps one copy', async () => {
    await start()
    const first = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/protest'),
    })
    await call('articles.setState', { id: first.article.id, starred: true })

    const again = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/protest'),
    })
    const tracked = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/protest?utm_source=x'),
    })

    expect(again.updated, 'second add').toBe(true)
    expect(tracked.updated, 'add with utm_source').toBe(true)
    expect(tracked.article.id).toBe(first.article.id)
    expect(tracked.article.addedAt, 'addedAt kept').toBe(first.article.addedAt)
    expect(tracked.article.starred, 'starred kept').toBe(true)
    const page = await call<ArticlePage>('articles.list', {})
    expect(page.total).toBe(1)
    expect(page.items.map((a) => a.id)).toEqual([first.article.id])
  })

  it('stores a page whose pictures 404 with placeholders and a warning', async () => {
    await start()
    const result = await call<AddArticleResult>('articles.add', {
      kind: 'url',
      url: site.url('/world/broken-pictures'),
    })

    expect(result.warnings.join(' '), 'warnings').toMatch(/2 of 2 pictures could not be saved/)
    const stored = await call<Article>('articles.get', { id: result.article.id })
    expect(stored.html).not.toContain('<img')
    expect(stored.html.match(/class="dateline-missing-image"/g), 'placeholders').toHaveLength(2)
    expect(stored.html).toContain('Lost map')
    expect(stored.leadImage).toBeNull()
  })

  it('keeps the first 60 pictures of a huge gallery and says how many it left out', async () => {
    const pictures = Array.from(
      { length: 65 },
      (_, i) => `<p><img src="/img/g-${i}.png" alt="Photo ${i}"></p>`,
    )
    const routes: Record<string, ReturnType<typeof html>> = {
      '/gallery': html(articlePage({ title: 'Sixty-five photographs', middle: pictures.join('') })),
    }
    for (let i = 0; i < 65; i++) routes[`/img/g-${i}.png`] = image(makePng(2, 2, [i, 100, 200]), 'image/png')
    const gallery = await startFixtureServer(routes)
    try {
      await start()
      const result = await call<AddArticleResult>('articles.add', {
        kind: 'url',
        url: gallery.url('/gallery'),
      })
      expect(result.warnings.join(' ')).toMatch(/5 of 65 pictures could not be saved/)
      const stored = await call<Article>('articles.get', { id: result.article.id })
      expect(stored.html.match(/<img /g)).toHaveLength(60)
      expect(stored.html.match(/class="dateline-missing-image"/g)).toHaveLength(5)
    } finally {
      await gallery.close()
    }
  })

  it('leaves the library exactly as it was when an add fails (404)', async () => {
    await start()
    await call('articles.add', { kind: 'url', url: site.url('/world/protest') })
    const listBefore = await call<ArticlePage>('articles.list', {})
    const filesBefore = await snapshot(dir)
    const events: CaptureProgress[] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'capture.progress') events.push(payload as CaptureProgress)
    })

    const error = await failure('articles.add', { kind: 'url', url: site.url('/world/missing') })

    expect(error.code).toBe('HTTP_ERROR')
    expect(error.message).toMatch(/not found/i)
    expect(await call<ArticlePage>('articles.list', {}), 'list after the failed add').toEqual(listBefore)
    expect(await snapshot(dir), 'files after the failed add').toEqual(filesBefore)
    expect(events.at(-1)).toMatchObject({ stage: 'failed' })
  })
})

describe('articles.add from text', () => {
  it('gives the eutoday article its headline as title', async () => {
    await start()
    const { article } = await call<AddArticleResult>('articles.add', {
      kind: 'text',
      text: eutodayText(),
      fileName: 'eutoday-belarus-russia.txt',
    })
    expect(article.title).toBe(EUTODAY_TITLE)
    expect(article.source).toBe('file')
    expect(article.wordCount).toBeGreaterThan(200)
    const stored = await call<Article>('articles.get', { id: article.id })
    expect(stored.text).toContain('NATO troops are at our gates')
  })
})

describe('the dispatcher refuses bad calls as values, never by throwing', () => {
  it.each([
    ['articles.add', { kind: 'url' }, 'INVALID_INPUT'],
    ['articles.add', { kind: 'url', url: '' }, 'INVALID_INPUT'],
    ['articles.add', { kind: 'pdf', url: 'x' }, 'INVALID_INPUT'],
    ['articles.add', { kind: 'text', text: '   ' }, 'INVALID_INPUT'],
    ['articles.list', { limit: 100000 }, 'INVALID_INPUT'],
    ['articles.list', { offset: -1 }, 'INVALID_INPUT'],
    ['articles.list', { state: 'all', extra: 1 }, 'INVALID_INPUT'],
    ['articles.list', { country: 'Belarus' }, 'INVALID_INPUT'],
    ['articles.list', { from: 'yesterday' }, 'INVALID_INPUT'],
    ['articles.setStates', { ids: ['../x'], read: true }, 'INVALID_INPUT'],
    ['articles.list', 'not an object', 'INVALID_INPUT'],
    ['articles.get', { id: '../../etc/passwd' }, 'INVALID_INPUT'],
    ['articles.setState', { id: '0123456789abcdef', read: 'yes' }, 'INVALID_INPUT'],
    ['articles.nuke', {}, 'UNKNOWN_PROCEDURE'],
    ['__proto__', {}, 'UNKNOWN_PROCEDURE'],
    ['toString', {}, 'UNKNOWN_PROCEDURE'],
  ])('%s with %j gives %s', async (name, input, code) => {
    await start()
    const result = await app!.dispatch(name, input)
    expect(result).toMatchObject({ ok: false, error: { code } })
    expect(typeof (result as { error: { message: string } }).error.message).toBe('string')
  })

  it('refuses a binary file offered as a page, with a sentence, and stores nothing', async () => {
    await start()
    // What a picture renamed .html becomes once read as UTF-8.
    const noise = new TextDecoder().decode(randomBytes(3000))
    const result = await app!.dispatch('articles.add', { kind: 'html', html: noise, fileName: 'photo.html' })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_HTML' } })
    expect((await call<ArticlePage>('articles.list', {})).total).toBe(0)
  })

  it('answers NOT_FOUND for an id that is not in the library', async () => {
    await start()
    expect(await failure('articles.get', { id: '0123456789abcdef' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await failure('articles.delete', { id: '0123456789abcdef' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await failure('articles.restore', { id: '0123456789abcdef' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('state, delete and restore through the services', () => {
  it('marks read and starred, deletes, restores, and tells listeners what changed', async () => {
    await start()
    const changed: string[][] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'library.changed') changed.push((payload as { ids: string[] }).ids)
    })
    const { article } = await call<AddArticleResult>('articles.add', { kind: 'text', text: eutodayText() })

    const marked = await call<ArticleSummary>('articles.setState', { id: article.id, read: true })
    expect(marked).toMatchObject({ read: true, starred: false })
    const unread = await call<ArticlePage>('articles.list', { state: 'unread' })
    expect(unread.total).toBe(0)
    expect(unread.counts.library, 'counts come with the page').toEqual({
      articles: 1,
      unread: 0,
      starred: 0,
      archived: 0,
    })

    await call('articles.delete', { id: article.id })
    expect((await call<ArticlePage>('articles.list', {})).total, 'after delete').toBe(0)
    await call('articles.restore', { id: article.id })
    expect(
      (await call<ArticlePage>('articles.list', {})).items.map((a) => a.id),
      'after restore',
    ).toEqual([article.id])

    expect(changed).toEqual([[article.id], [article.id], [article.id], [article.id]])
    const info = await call<LibraryInfo>('library.info', {})
    expect(info).toMatchObject({
      path: dir,
      articleCount: 1,
      unreadCount: 0,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    })
  })

  it('archives and unarchives a selection in one call, which returns the new counts', async () => {
    await start()
    const first = (await call<AddArticleResult>('articles.add', { kind: 'text', text: eutodayText() }))
      .article
    const second = (
      await call<AddArticleResult>('articles.add', {
        kind: 'text',
        text: 'Second story\n\nA second story about the border.',
      })
    ).article
    const changed: string[][] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'library.changed') changed.push((payload as { ids: string[] }).ids)
    })

    const result = await call<SetStatesResult>('articles.setStates', {
      ids: [first.id, second.id],
      archived: true,
      read: true,
    })

    expect(result.articles.map((a) => a.archived)).toEqual([true, true])
    expect(result.counts.library).toEqual({ articles: 0, unread: 0, starred: 0, archived: 2 })
    expect((await call<ArticlePage>('articles.list', {})).total, 'default list').toBe(0)
    expect((await call<ArticlePage>('articles.list', { state: 'archived' })).total).toBe(2)
    expect(
      (await call<ArticlePage>('articles.list', { query: 'border' })).items.map((a) => a.id),
      'archived articles stay searchable',
    ).toContain(second.id)
    expect(changed).toEqual([[first.id, second.id]])
    await call('articles.setStates', { ids: [first.id], archived: false })
    expect((await call<ArticlePage>('articles.list', {})).items.map((a) => a.id)).toEqual([first.id])
  })

  it('refuses a selection naming an article that is not there, changing none of them', async () => {
    await start()
    const { article } = await call<AddArticleResult>('articles.add', { kind: 'text', text: eutodayText() })
    const result = await app!.dispatch('articles.setStates', {
      ids: [article.id, '0123456789abcdef'],
      starred: true,
    })
    expect(result.ok).toBe(false)
    expect((await call<ArticlePage>('articles.list', { state: 'starred' })).total).toBe(0)
  })
})

describe('settings', () => {
  it('round-trips a change and keeps it across a reopen', async () => {
    await start()
    const defaults = await call<Settings>('settings.get', {})
    const changed = await call<Settings>('settings.set', { fontSize: 22, theme: 'dark' })
    expect(changed).toEqual({ ...defaults, fontSize: 22, theme: 'dark' })

    await restart()

    expect(await call<Settings>('settings.get', {})).toEqual(changed)
  })

  it.each([{ fontSize: 500 }, { theme: 'neon' }, { colour: 'red' }])(
    'refuses %j as INVALID_INPUT',
    async (patch) => {
      await start()
      const before = await call<Settings>('settings.get', {})
      expect(await failure('settings.set', patch)).toMatchObject({ code: 'INVALID_INPUT' })
      expect(await call<Settings>('settings.get', {}), 'settings unchanged').toEqual(before)
    },
  )
})
