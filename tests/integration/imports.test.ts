import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Article, ArticleSummary } from '@shared/article'
import type { ArticlePage } from '@shared/contract'
import type { ImportJob, ImportJobDetail } from '@shared/imports'
import { openApp, type DatelineApp } from '../../src/main/app'
import type { FetchFunction } from '../../src/main/ingest/fetch-page'
import { callOrFail } from '../helpers/app-for-each-test'
import { articlePage } from '../helpers/article-page'
import { html, startFixtureServer, status, type FixtureServer } from '../helpers/fixture-server'
import { importFixture, omnivoreZip } from '../helpers/import-fixtures'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp | null = null
/** Addresses the app tried to reach outside the fixture server (the vanished sites of the exports). */
let offsite: string[]
/** While set, every fetch waits for it: captures stay under way. */
let gate: Promise<void> | null

/** Reaches only the fixture server, so the vanished pages of the exports are truly gone. */
const fixtureFetch: FetchFunction = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  if (gate) await gate
  if (!url.startsWith(site.origin)) {
    offsite.push(url)
    throw new TypeError('fetch failed')
  }
  return fetch(input, init)
}

async function start(options: { host?: boolean; concurrency?: number } = {}): Promise<DatelineApp> {
  app = await openApp({
    libraryDir: dir,
    extraction: 'inline',
    fetch: fixtureFetch,
    importConcurrency: options.concurrency ?? 3,
    ...(options.host ? { host: true } : {}),
  })
  return app
}

function call<T>(name: string, input: unknown): Promise<T> {
  return callOrFail<T>(app!, name, input)
}

/** The fixture with its news.example links pointing at the fixture server. */
function localised(name: string): string {
  return Buffer.from(importFixture(name)).toString('latin1').replaceAll('https://news.example', site.origin)
}

function base64(text: string, encoding: BufferEncoding = 'latin1'): string {
  return Buffer.from(text, encoding).toString('base64')
}

async function importFile(fileName: string, data: string, format?: string): Promise<ImportJob> {
  return call<ImportJob>('imports.start', { fileName, data, ...(format ? { format } : {}) })
}

async function finished(id: number): Promise<ImportJobDetail> {
  for (;;) {
    const job = await call<ImportJobDetail>('imports.get', { id })
    if (job.state !== 'running') return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function all(filter: Record<string, unknown> = {}): Promise<ArticlePage> {
  return call<ArticlePage>('articles.list', { limit: 500, state: 'all', ...filter })
}

async function byUrl(part: string): Promise<ArticleSummary | undefined> {
  const pages = [await all(), await all({ state: 'archived' })]
  return pages.flatMap((p) => p.items).find((a) => a.url?.includes(part))
}

const page = (title: string): ReturnType<typeof html> => html(articlePage({ title }))

beforeEach(async () => {
  dir = await makeTempDir()
  offsite = []
  gate = null
  site = await startFixtureServer({
    '/belarus-votes': page('Belarus votes in an election without rivals'),
    '/minsk-diary': page('Minsk diary: the first day after the vote'),
    '/untitled-story': page('A story Pocket had no title for'),
    '/vilnius-cafe': page('Café society in Vilnius after the war'),
    '/gone': status(404),
    '/kyiv-storm': page('Kyiv after the storm: the city counts its losses'),
    '/riga-port': page('Riga port is quietly busy again this winter'),
    '/tbilisi-night': page('Tbilisi at night, the second part of a series'),
    '/yerevan-talks': page('Yerevan talks resume between the two delegations'),
    '/chisinau': page('Creme brulee diplomacy in the Moldovan capital'),
  })
})

afterEach(async () => {
  await app?.close()
  app = null
  await site.close()
  await removeDir(dir)
})

describe('importing a Pocket export', () => {
  it('captures every link, keeps tags as collections, states and save dates, and reports what failed', async () => {
    await start()
    const queued = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    expect(queued).toMatchObject({ format: 'pocket', fileName: 'ril_export.csv' })
    expect(queued.counts).toMatchObject({ rows: 7, queued: 6, alreadyThere: 1, broken: 1 })
    expect(queued.brokenRows).toEqual([{ line: 8, unit: 'line', reason: 'it has no web address' }])

    const job = await finished(queued.id)
    expect(job.counts).toMatchObject({ done: 5, failed: 1 })
    expect(job.failures).toEqual([
      expect.objectContaining({ url: `${site.origin}/gone`, line: 9, attempts: 1 }),
    ])
    expect(job.failures[0]?.error).toMatch(/404/)

    const vote = await byUrl('belarus-votes')
    expect(vote).toMatchObject({
      read: false,
      archived: false,
      addedAt: new Date(1700000000_000).toISOString(),
    })
    const diary = await byUrl('minsk-diary')
    expect(diary).toMatchObject({ read: true, archived: true })
    const counts = (await all()).counts.collections
    const sizes = Object.fromEntries(counts.map((c) => [c.name, c.articles + 0]))
    // The link saved twice is one article in the collections of both rows.
    expect(sizes).toMatchObject({
      belarus: 1,
      elections: 1,
      dossier: 1,
      lithuania: 1,
      ukraine: 1,
      'weekend reading': 1,
    })
    expect((await all({ collection: 'belarus', state: 'archived' })).items.map((a) => a.id)).toEqual([
      diary!.id,
    ])
    expect((await all({ collection: 'dossier' })).items.map((a) => a.id)).toEqual([vote!.id])
    expect((await all()).total + (await all({ state: 'archived' })).total).toBe(5)
  })

  it('adds nothing when the same file is imported again', async () => {
    await start()
    const first = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    await finished(first.id)
    const before = (await all()).items.map((a) => `${a.id} ${a.updatedAt}`).sort()
    const requests = site.requests.length

    const again = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    expect(again.counts).toMatchObject({ rows: 7, queued: 0, alreadyThere: 7 })
    expect(again.state).toBe('finished')
    expect((await all()).items.map((a) => `${a.id} ${a.updatedAt}`).sort()).toEqual(before)
    expect(site.requests.length).toBe(requests)
    expect((await all({ collection: 'belarus', state: 'archived' })).total).toBe(1)
  })

  it('captures the failed ones when asked to try again', async () => {
    await start()
    const job = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    await finished(job.id)
    site.route('/gone', page('The page that came back from the dead'))
    const retried = await call<ImportJob>('imports.retryFailed', { id: job.id })
    expect(retried.state).toBe('running')
    const after = await finished(job.id)
    expect(after.counts).toMatchObject({ done: 6, failed: 0 })
    expect(after.failures).toEqual([])
    // Pocket had it archived: the state comes with the late capture too.
    expect(await byUrl('/gone')).toMatchObject({
      archived: true,
      addedAt: new Date(1700000600_000).toISOString(),
    })
  })

  it('starts no capture while paused, and goes on when resumed', async () => {
    await start({ concurrency: 1 })
    let open!: () => void
    gate = new Promise((resolve) => (open = resolve))
    const job = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    const paused = await call<ImportJob>('imports.pause', { id: job.id })
    expect(paused.state).toBe('paused')
    const requestsWhenPaused = site.requests.length
    gate = null
    open()
    // The capture under way at the pause finishes; no other starts.
    for (let i = 0; i < 50 && (await call<ImportJob>('imports.get', { id: job.id })).counts.done < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    const still = await call<ImportJob>('imports.get', { id: job.id })
    expect(still.counts.done + still.counts.failed).toBe(1)
    expect(site.requests.length).toBeLessThanOrEqual(requestsWhenPaused + 1)
    expect(still.state).toBe('paused')

    await call('imports.resume', { id: job.id })
    expect((await finished(job.id)).counts).toMatchObject({ done: 5, failed: 1 })
  })

  it('goes on after a restart with the articles that were still queued', async () => {
    await start({ concurrency: 2 })
    gate = new Promise(() => undefined) // nothing is ever fetched in this session
    const job = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    await app!.close()
    gate = null
    await start({ host: true })
    const after = await finished(job.id)
    expect(after.counts).toMatchObject({ queued: 6, done: 5, failed: 1 })
    expect((await all()).total + (await all({ state: 'archived' })).total).toBe(5)
  })

  it('resumes a queued import when the app opens, while only the list is asked for', async () => {
    await start({ concurrency: 2 })
    gate = new Promise(() => undefined) // nothing is ever fetched in this session
    await importFile('ril_export.csv', base64(localised('pocket.csv')))
    await app!.close()
    gate = null
    // The import code is loaded on first use; a queue with work is what uses it at open.
    await start({ host: true })
    const stored = async (): Promise<number> => (await all()).total + (await all({ state: 'archived' })).total
    const deadline = Date.now() + 30_000
    while ((await stored()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(await stored()).toBe(5)
  })

  it('sends progress as the import goes', async () => {
    await start()
    const seen: ImportJob[] = []
    app!.events.subscribe((event, payload) => {
      if (event === 'imports.progress') seen.push(payload as ImportJob)
    })
    const job = await importFile('ril_export.csv', base64(localised('pocket.csv')))
    await finished(job.id)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.at(-1)).toMatchObject({ id: job.id, state: 'finished', counts: { done: 5, failed: 1 } })
  })
})

describe('importing exports that carry the text', () => {
  it('stores wallabag articles from the export, without fetching pages that are gone', async () => {
    await start()
    const job = await importFile('wallabag-export.json', base64(localised('wallabag.json'), 'latin1'))
    expect(job.counts).toMatchObject({ rows: 2, queued: 2, withText: 1, broken: 1 })
    const done = await finished(job.id)
    expect(done.counts).toMatchObject({ done: 2, failed: 0 })
    expect(offsite.filter((url) => url.includes('belarus-streets'))).toEqual([])

    const streets = await byUrl('belarus-streets')
    expect(streets).toMatchObject({
      title: 'Belarus votes, and the streets stay quiet',
      read: true,
      starred: true,
      archived: true,
      addedAt: '2023-10-30T17:04:11.000Z',
    })
    const article = await call<Article>('articles.get', { id: streets!.id })
    expect(article.text).toContain('Polling stations across Belarus')
    expect(article.html).not.toMatch(/<script|alert\(/)
    expect((await all({ collection: 'dossier', state: 'archived' })).items.map((a) => a.id)).toEqual([
      streets!.id,
    ])
    // The entry wallabag had no text for was fetched.
    expect(await byUrl('kyiv-storm')).toMatchObject({
      title: 'Kyiv after the storm: the city counts its losses',
    })
  })

  it('stores Omnivore articles from their HTML and Markdown, and fetches those without text', async () => {
    await start()
    // The article Omnivore had no text for is fetched from the fixture server.
    const files = unzipSync(omnivoreZip())
    files['metadata_2_to_3.json'] = new TextEncoder().encode(localised('omnivore/metadata_2_to_3.json'))
    const job = await importFile('omnivore-export.zip', Buffer.from(zipSync(files)).toString('base64'))
    expect(job).toMatchObject({ format: 'omnivore', counts: { rows: 3, queued: 3, withText: 2 } })
    expect((await finished(job.id)).counts).toMatchObject({ done: 3, failed: 0 })
    expect(offsite.filter((url) => !/\.(jpe?g|png)$/.test(url))).toEqual([])

    const ferry = await byUrl('last-ferry-batumi')
    expect(ferry).toMatchObject({
      title: 'The last ferry to Batumi',
      byline: 'Nino Beridze',
      archived: true,
      read: true,
      addedAt: '2024-02-11T08:30:00.000Z',
    })
    const moldova = await call<Article>('articles.get', { id: (await byUrl('moldova-winter'))!.id })
    expect(moldova.html).toMatch(/<blockquote>/)
    expect(moldova.html).toMatch(/<strong>wood stoves<\/strong>/)
    expect(moldova.html).not.toContain('**')
    expect((await all({ collection: 'Weekend reading', state: 'archived' })).items.map((a) => a.id)).toEqual([
      ferry!.id,
    ])
    expect(await byUrl('riga-port')).toMatchObject({ title: 'Riga port is quietly busy again this winter' })
  })
})

describe('importing bookmarks, Instapaper and a list of links', () => {
  it('files bookmarks in their folders and leaves the browser toolbar out', async () => {
    await start()
    const job = await importFile('bookmarks.html', base64(localised('bookmarks.html'), 'utf8'))
    expect(job.format).toBe('bookmarks')
    await finished(job.id)
    const names = (await all()).counts.collections.map((c) => c.name).sort()
    expect(names).toEqual(['News', 'Weekend reading', 'belarus', 'diary'])
    expect(job.collections).toContain('News / Belarus')
  })

  it('keeps an Instapaper folder as a collection and Starred as starred', async () => {
    await start()
    const job = await importFile('instapaper-export.csv', base64(localised('instapaper.csv')))
    expect(job.counts).toMatchObject({ rows: 5, queued: 4, alreadyThere: 1, broken: 1 })
    await finished(job.id)
    expect(await byUrl('yerevan-talks')).toMatchObject({ starred: true })
    expect((await all({ collection: 'Moldova desk' })).total).toBe(1)
  })

  it('queues a list of links once each, with the rows already in the library left out', async () => {
    await start()
    await call('articles.add', { kind: 'url', url: `${site.origin}/belarus-votes` })
    const job = await importFile('links.txt', base64(localised('urls.txt')))
    expect(job).toMatchObject({ format: 'urls', counts: { rows: 4, queued: 2, alreadyThere: 2, broken: 1 } })
    expect((await finished(job.id)).counts.done).toBe(2)
  })

  it('refuses a file it cannot read as the format asked for, saying why', async () => {
    await start()
    const result = await app!.dispatch('imports.start', {
      fileName: 'x.json',
      data: base64('{ not json'),
      format: 'wallabag',
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!result.ok) expect(result.error.message).toMatch(/not a readable wallabag export/)
  })
})
