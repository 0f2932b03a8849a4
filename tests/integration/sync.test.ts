import { execFileSync } from 'node:child_process'
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { SyncReport, SyncStatus } from '@shared/sync'
import { openApp, type DatelineApp } from '../../src/main/app'
import { runCli } from '../../src/main/cli/main'
import { checksumOf } from '../../src/main/sync/log-line'
import { syncEngineOf } from '../../src/main/sync/sync-services'
import { addText, call, syncDevices, viewOf } from '../helpers/sync-libraries'

/**
 * Two libraries syncing through one folder, as two machines do once their sync engine has copied
 * the files (tests/e2e-sync runs the real Syncthing between two folders).
 */
const devices = syncDevices('dateline-sync-')
const { apps, library } = devices

const COUNTRY_CODES =
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BZ CA CD CF CG CH CI CL CM CN CO CR CU CV'.split(
    ' ',
  )

const syncNow = (app: DatelineApp): Promise<SyncReport> => call<SyncReport>(app, 'sync.now')

describe('sync through a shared folder', () => {
  it('gives a new device the whole library: articles, states, collections in their order, edits', async () => {
    const laptop = await library('laptop')
    const minsk = await addText(laptop, 'Minsk votes under watch', 'Belarus election')
    const kyiv = await addText(laptop, 'Kyiv power cuts', 'Ukraine energy')
    const warsaw = await addText(laptop, 'Warsaw budget', 'Poland budget')
    await call(laptop, 'articles.setState', { id: minsk, starred: true })
    await call(laptop, 'articles.setState', { id: kyiv, read: true })
    const reading = await call<{ id: number }>(laptop, 'collections.create', { name: 'Reading list' })
    await call(laptop, 'collections.add', { id: reading.id, articles: [minsk, kyiv, warsaw] })
    await call(laptop, 'collections.move', { id: reading.id, articles: [warsaw], before: minsk })
    await call(laptop, 'countries.edit', { id: kyiv, edits: [{ code: 'MD', role: 'mentioned' }] })
    // Sync is turned on for a library that already has all this: its history is the first log.
    const enabled = await call<SyncReport>(laptop, 'sync.enable', {
      folder: devices.folder,
      deviceName: 'Laptop',
    })
    expect(enabled.written).toBeGreaterThan(0)

    const desktop = await library('desktop')
    const arrived = await call<SyncReport>(desktop, 'sync.enable', {
      folder: devices.folder,
      deviceName: 'Desktop',
    })
    expect(arrived.articlesArrived).toBe(3)
    expect(viewOf(desktop)).toEqual(viewOf(laptop))
    expect(viewOf(desktop).collections[0]!.articles).toEqual([warsaw, minsk, kyiv])
    expect(viewOf(desktop).articles.find((a) => a.id === kyiv)!.countries).toContain('MD')
    const status = await call<SyncStatus>(desktop, 'sync.status')
    expect(status.devices.map((d) => d.name)).toEqual(['Laptop'])
    const body = await call<{ html: string }>(desktop, 'articles.get', { id: minsk })
    expect(body.html).toContain('Belarus election')
  })

  it('merges what both devices did apart: a star there and a read here both stay, a delete goes everywhere', async () => {
    const laptop = await library('laptop')
    const desktop = await library('desktop')
    await call(laptop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.enable', { folder: devices.folder })
    const shared = await addText(laptop, 'Vilnius hosts talks', 'Lithuania talks')
    await syncNow(laptop)
    await syncNow(desktop)
    const own = await addText(desktop, 'Grodno border queue', 'Belarus border')
    await call(desktop, 'articles.setState', { id: shared, starred: true })
    await call(laptop, 'articles.setState', { id: shared, read: true })
    const gone = await addText(laptop, 'Riga weather', 'Latvia weather')
    await syncNow(laptop)
    await syncNow(desktop)
    await call(desktop, 'articles.delete', { id: gone })
    await syncNow(desktop)
    await syncNow(laptop)
    await syncNow(desktop)
    const seen = viewOf(laptop)
    expect(viewOf(desktop)).toEqual(seen)
    expect(seen.articles.map((a) => a.id).sort()).toEqual([shared, own].sort())
    expect(seen.articles.find((a) => a.id === shared)).toMatchObject({ read: true, starred: true })
  })

  it('waits for a half-written line, reads conflict copies, ignores temp files and keeps a newer log for later', async () => {
    const laptop = await library('laptop')
    const desktop = await library('desktop')
    await call(laptop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.enable', { folder: devices.folder })
    const id = await addText(laptop, 'Tbilisi protests', 'Georgia protests')
    await syncNow(laptop)
    await syncNow(desktop)
    const device = (await call<SyncStatus>(laptop, 'sync.status')).device!.id
    const logs = join(devices.folder, 'logs', device)
    const [log] = await readdir(logs)
    const line = (key: string, value: unknown, clock: string, v = 1): string => {
      const json = JSON.stringify({ v, c: clock, k: key, x: value })
      return `${json}\t${checksumOf(json)}\n`
    }
    const future = `${String(Date.now() + 1000).padStart(13, '0')}.0000.${device}`
    // A line still being written: no newline yet, so not applied.
    const starLine = line(`state/${id}/starred`, true, future)
    await appendFile(join(logs, log!), starLine.slice(0, 30))
    await syncNow(desktop)
    expect(viewOf(desktop).articles[0]!.starred).toBe(false)
    await appendFile(join(logs, log!), starLine.slice(30))
    await syncNow(desktop)
    expect(viewOf(desktop).articles[0]!.starred).toBe(true)
    // Syncthing's copy of a file changed in two places, and a temp file of a transfer.
    const later = `${String(Date.now() + 2000).padStart(13, '0')}.0000.${device}`
    await writeFile(
      join(logs, `${log!.replace('.jsonl', '')}.sync-conflict-20261201-101010-ABCDEFG.jsonl`),
      line(`state/${id}/read`, true, later),
    )
    await writeFile(join(logs, `.syncthing.${log}.tmp`), line(`state/${id}/archived`, true, later))
    await syncNow(desktop)
    expect(viewOf(desktop).articles[0]).toMatchObject({ read: true, archived: false })
    // A log from a newer Dateline: kept, not applied, said; its lines after stay for later too.
    const newer = join(devices.folder, 'logs', '00000000000000ff')
    await mkdir(newer, { recursive: true })
    const fromFuture = `${String(Date.now() + 3000).padStart(13, '0')}.0000.00000000000000ff`
    await writeFile(
      join(newer, '2026-12-01.jsonl'),
      line(`state/${id}/archived`, true, fromFuture, 2) + line(`state/${id}/read`, false, fromFuture),
    )
    const report = await syncNow(desktop)
    expect(report.status.notices.join(' ')).toMatch(/newer Dateline/)
    expect(viewOf(desktop).articles[0]).toMatchObject({ read: true, archived: false })
    const raw = await readFile(join(logs, log!), 'utf8')
    expect(raw.endsWith('\n')).toBe(true)
  })

  it('leaves both libraries whole when sync is turned off', async () => {
    const laptop = await library('laptop')
    const desktop = await library('desktop')
    await call(laptop, 'sync.enable', { folder: devices.folder })
    const id = await addText(laptop, 'Baku summit', 'Azerbaijan summit')
    await syncNow(laptop)
    await call(desktop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.disable')
    await call(laptop, 'articles.setState', { id, starred: true })
    await syncNow(laptop)
    const failed = await desktop.dispatch('sync.now', {})
    expect(failed.ok).toBe(false)
    expect(viewOf(desktop).articles.map((a) => [a.id, a.starred])).toEqual([[id, false]])
    expect(viewOf(laptop).articles.map((a) => [a.id, a.starred])).toEqual([[id, true]])
    const files = await readdir(devices.folder, { recursive: true })
    expect(files.some((f) => String(f).endsWith('library.db'))).toBe(false)
  })

  it('carries follows and feed subscriptions, and their undoing', async () => {
    const laptop = await library('laptop')
    const desktop = await library('desktop')
    await call(laptop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.enable', { folder: devices.folder })
    // A correspondent as extraction makes one, and a feed as a subscription stores it.
    const olga = laptop.library.change(
      (db) =>
        db.get<{ id: number }>(
          `INSERT INTO correspondents (name, name_key, outlet_key) VALUES ('Olga Petrova', 'olga petrova', 'meduza') RETURNING id`,
        )!.id,
    )
    laptop.library.change((db) =>
      db.run(
        `INSERT INTO feeds (url, title, added_at) VALUES ('https://example.org/feed.xml', 'Example', '2026-12-01T00:00:00Z')`,
      ),
    )
    await call(laptop, 'correspondents.follow', { id: olga })
    await syncNow(laptop)
    await syncNow(desktop)
    expect(viewOf(desktop).followed).toEqual(['olga petrova'])
    expect(viewOf(desktop).feeds).toEqual(['https://example.org/feed.xml'])
    await call(desktop, 'correspondents.unfollow', {
      id: desktop.library.query((db) => db.get<{ id: number }>('SELECT id FROM correspondents')!.id),
    })
    const feed = desktop.library.query((db) => db.get<{ id: number }>('SELECT id FROM feeds')!.id)
    await call(desktop, 'feeds.remove', { id: feed })
    await syncNow(desktop)
    await syncNow(laptop)
    expect(viewOf(laptop)).toMatchObject({ followed: [], feeds: [] })
  })

  it('carries the person’s correspondent edits, merges and splits, by name, not by row id', async () => {
    const laptop = await library('laptop')
    const desktop = await library('desktop')
    // Rows made on the desktop first, so its ids differ from the laptop's for the same names.
    const other = await addText(desktop, 'Grodno border queue', 'Belarus border')
    await call(desktop, 'correspondents.setForArticle', {
      id: other,
      correspondents: [{ name: 'Anna Lind' }],
    })
    await call(laptop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.enable', { folder: devices.folder })
    const minsk = await addText(laptop, 'Minsk votes under watch', 'Belarus election')
    const kyiv = await addText(laptop, 'Kyiv power cuts', 'Ukraine energy')
    await call(laptop, 'correspondents.setForArticle', {
      id: minsk,
      correspondents: [{ name: 'Olga Petrova' }],
    })
    await call(laptop, 'correspondents.setForArticle', {
      id: kyiv,
      correspondents: [{ name: 'O. Petrova' }, { name: 'AFP', kind: 'agency' }],
    })
    await syncNow(laptop)
    await syncNow(desktop)
    await syncNow(laptop)
    const groups = (app: DatelineApp): string[] =>
      app.library.query((db) =>
        db
          .all<{ entry: string; root: string }>(
            `SELECT c.name AS entry, coalesce(r.name, c.name) AS root FROM correspondents c
             LEFT JOIN correspondents r ON r.id = c.merged_into
             WHERE EXISTS (SELECT 1 FROM article_correspondents ac WHERE ac.correspondent = c.id)
             ORDER BY c.name_key`,
          )
          .map((row) => `${row.entry} → ${row.root}`),
      )
    const people = async (app: DatelineApp, id: string): Promise<string[]> =>
      (
        await call<{ correspondents: { name: string; kind: string }[] }>(app, 'articles.get', { id })
      ).correspondents.map((c) => `${c.name} (${c.kind})`)
    expect(await people(desktop, kyiv)).toEqual(['O. Petrova (person)', 'AFP (agency)'])
    expect(await people(laptop, other)).toEqual(['Anna Lind (person)'])
    // The edit came from elsewhere but is the person's all the same: a re-extraction leaves it alone.
    expect(
      desktop.library.query((db) =>
        db.all<{ origin: string }>(
          `SELECT origin FROM article_correspondents WHERE article = (SELECT rowid FROM articles WHERE id = ?)`,
          [kyiv],
        ),
      ),
    ).toEqual([{ origin: 'person' }, { origin: 'person' }])

    const idOn = (app: DatelineApp, name: string): number =>
      app.library.query(
        (db) => db.get<{ id: number }>('SELECT id FROM correspondents WHERE name = ?', [name])!.id,
      )
    await call(laptop, 'correspondents.merge', {
      into: idOn(laptop, 'Olga Petrova'),
      from: [idOn(laptop, 'O. Petrova')],
    })
    await syncNow(laptop)
    await syncNow(desktop)
    expect(groups(desktop)).toEqual(groups(laptop))
    expect(groups(desktop)).toContain('O. Petrova → Olga Petrova')
    expect(await people(desktop, kyiv)).toEqual(['Olga Petrova (person)', 'AFP (agency)'])
    const found = await call<{ items: { article: { id: string } }[] }>(desktop, 'articles.search', {
      query: 'Olga',
    })
    expect(found.items.map((hit) => hit.article.id).sort()).toEqual([kyiv, minsk].sort())

    // Split off on the desktop, and a list cleared on the laptop: both go the other way.
    await call(desktop, 'correspondents.split', { id: idOn(desktop, 'O. Petrova') })
    await call(laptop, 'correspondents.setForArticle', { id: other, correspondents: [] })
    await syncNow(desktop)
    await syncNow(laptop)
    await syncNow(desktop)
    expect(groups(laptop)).toContain('O. Petrova → O. Petrova')
    expect(groups(desktop)).toEqual(groups(laptop))
    expect(await people(desktop, other)).toEqual([])
    // Nothing is echoed back once both have it.
    expect((await syncNow(laptop)).written).toBe(0)
    expect((await syncNow(desktop)).written).toBe(0)
  })

  it('keeps changes in the library while the sync folder cannot be written, and writes them later', async (context) => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      // A full disk is a 1 MB tmpfs, which only root may mount (CI runs as root on Linux).
      console.warn('Skipping the full-disk sync test: mounting a small tmpfs needs root on Linux')
      context.skip()
    }
    const small = join(devices.root, 'small-disk')
    await mkdir(small)
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'pipe' })
    } catch (error) {
      console.warn(
        `Skipping the full-disk sync test: mount -t tmpfs was refused (${(error as Error).message})`,
      )
      context.skip()
    }
    try {
      const onSmall = join(small, 'Sync')
      const laptop = await library('laptop')
      await call(laptop, 'sync.enable', { folder: onSmall })
      const id = await addText(laptop, 'Chisinau elections', 'Moldova vote')
      await syncNow(laptop)
      // Fill the disk to its last block.
      await mkdir(join(small, 'filler'))
      for (let n = 0, size = 64 * 1024; size >= 512; n++) {
        await writeFile(join(small, 'filler', String(n)), Buffer.alloc(size)).catch(() => (size /= 2))
      }
      await call(laptop, 'articles.setState', { id, starred: true })
      // A day of reading: more than the last block of the log has room for.
      for (let n = 0; n < 40; n++)
        await call(laptop, 'countries.edit', { id, edits: [{ code: COUNTRY_CODES[n]!, role: 'mentioned' }] })
      const full = await syncNow(laptop)
      expect(full.status.problem).toMatch(/full/)
      expect(full.status.waiting).toBeGreaterThan(0)
      await rm(join(small, 'filler'), { recursive: true })
      const later = await syncNow(laptop)
      expect(later.status).toMatchObject({ problem: null, waiting: 0 })
      const desktop = await library('desktop')
      await call(desktop, 'sync.enable', { folder: onSmall })
      expect(viewOf(desktop).articles).toMatchObject([{ id, starred: true }])
      expect(viewOf(desktop).articles[0]!.countries).toHaveLength(41)
    } finally {
      for (const app of apps.splice(0)) await app.close()
      execFileSync('umount', [small])
    }
  })

  it('lets one device at a time refresh a feed on schedule, until its lease runs out', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z')
    const clock = (): Date => new Date(now)
    const laptop = await openApp({
      libraryDir: join(devices.root, 'laptop'),
      extraction: 'inline',
      now: clock,
    })
    const desktop = await openApp({
      libraryDir: join(devices.root, 'desktop'),
      extraction: 'inline',
      now: clock,
    })
    apps.push(laptop, desktop)
    await call(laptop, 'sync.enable', { folder: devices.folder })
    await call(desktop, 'sync.enable', { folder: devices.folder })
    const feed = 'https://example.org/feed.xml'
    const engineOf = (app: DatelineApp): ReturnType<typeof syncEngineOf> =>
      syncEngineOf({ library: app.library, events: app.events, now: clock })
    expect([...engineOf(laptop).claimFeeds([feed])]).toEqual([feed])
    await syncNow(laptop)
    await syncNow(desktop)
    expect([...engineOf(desktop).claimFeeds([feed, 'https://example.org/other.xml'])]).toEqual([
      'https://example.org/other.xml',
    ])
    expect([...engineOf(laptop).claimFeeds([feed])]).toEqual([feed])
    now += 3 * 60 * 60 * 1000
    expect([...engineOf(desktop).claimFeeds([feed])]).toEqual([feed])
  })

  it('answers dateline sync status --json', async () => {
    const laptop = await library('laptop')
    await call(laptop, 'sync.enable', { folder: devices.folder, deviceName: 'Laptop' })
    await laptop.close()
    apps.splice(0)
    const printed: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text))
    try {
      expect(await runCli(['sync', 'status', '--json', '--library', join(devices.root, 'laptop')])).toBe(0)
    } finally {
      log.mockRestore()
    }
    expect(JSON.parse(printed.join('\n'))).toMatchObject({
      enabled: true,
      folder: devices.folder,
      device: { name: 'Laptop' },
    })
  })

  it('refuses a sync folder inside the library folder', async () => {
    const laptop = await library('laptop')
    const result = await laptop.dispatch('sync.enable', { folder: join(devices.root, 'laptop', 'sync') })
    expect(result.ok).toBe(false)
  })
})
