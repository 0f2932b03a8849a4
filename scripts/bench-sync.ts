import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallResult } from '@shared/errors'
import type { SyncReport, SyncStatus } from '@shared/sync'
import { openApp, type DatelineApp } from '../src/main/app'
import { encodeChange, type Change } from '../src/main/sync/log-line'
import { articleFileOf, logFileOf, sha256Of, SYNC_MARKER } from '../src/main/sync/sync-folder'
import { Syncthing, syncthingMissing } from '../tests/helpers/syncthing'
import { lookFigures } from './bench-sync-look'

/**
 * `npm run bench:sync`: the figures of docs/sync.md.
 *
 *   log_bytes_per_1000_changes   this device's log after 1,000 state changes (reads, stars, archives)
 *   articles_stored_s            a new device storing 2,000 articles from their files in the folder
 *                                (sanitised again, files and rows fsynced, as a capture stores them)
 *   apply_100k_changes_s         then reading a log of 100,000 changes over them (states, collection
 *                                membership and order, country edits)
 *   look_*_ms_<size>             the look for changes here, in libraries of 10k and 100k (bench-sync-look.ts)
 *   syncthing_change_to_display  median and p90 ms from a star on one library to the other's database
 *                                showing it, through two Syncthing instances on loopback, the app's
 *                                own watcher on both sides (20 changes)
 */

async function call<T>(app: DatelineApp, name: string, input: unknown = {}): Promise<T> {
  const result: CallResult<unknown> = await app.dispatch(name, input)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

const ARTICLES = Number(process.env.BENCH_SYNC_ARTICLES ?? 2000)
const CHANGES = Number(process.env.BENCH_SYNC_CHANGES ?? 100_000)
const DEVICE = '00000000000000aa'
const TEXT =
  'Officials in the capital said on Tuesday that the new rail line would open in the spring. '.repeat(30)

function articleId(n: number): string {
  return `a${n.toString(16).padStart(15, '0')}`
}

/** A sync folder as another device left it: 2,000 article files and a log of 100k changes. */
async function writeOtherDevice(folder: string): Promise<string[]> {
  await mkdir(join(folder, 'logs', DEVICE), { recursive: true })
  await writeFile(join(folder, SYNC_MARKER), '{"format":1}\n')
  const lines: string[] = []
  let millis = Date.parse('2026-11-30T08:00:00Z')
  const clock = (): string => `${String(millis++).padStart(13, '0')}.0000.${DEVICE}`
  const push = (key: string, value: Change['value']): void => {
    lines.push(encodeChange({ clock: clock(), key, value }))
  }
  for (let n = 0; n < ARTICLES; n++) {
    const id = articleId(n)
    const at = new Date(Date.parse('2026-11-01T00:00:00Z') + n * 60_000).toISOString()
    const file = JSON.stringify({
      format: 1,
      article: {
        id,
        source: 'url',
        url: `https://news.example/${n}`,
        canonicalUrl: null,
        fileName: null,
        title: `Report ${n} from the capital`,
        byline: null,
        correspondents: [],
        countries: [],
        siteName: 'News Example',
        lang: 'en',
        excerpt: 'Officials in the capital said',
        publishedAt: null,
        addedAt: at,
        updatedAt: at,
        wordCount: 480,
        readingMinutes: 2,
        leadImage: null,
      },
      html: `<p>${TEXT}</p>`,
      text: TEXT,
    })
    const sha = sha256Of(file)
    await mkdir(join(folder, 'articles', sha.slice(0, 2)), { recursive: true })
    await writeFile(join(folder, articleFileOf(sha)), file)
    push(`article/${id}`, { sha })
  }
  push('collection/00000000000000c1', { name: 'Reading list', description: '', filter: null })
  const fields = ['read', 'starred', 'archived']
  const positions = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  while (lines.length < ARTICLES + 1 + CHANGES) {
    const n = Math.floor(Math.random() * ARTICLES)
    const kind = Math.random()
    if (kind < 0.8) push(`state/${articleId(n)}/${fields[n % 3]}`, Math.random() < 0.6)
    else if (kind < 0.95) {
      const p = `${positions[n % 26]}${positions[Math.floor(n / 26) % 26]}${(n % 9) + 1}`
      push(`member/00000000000000c1/${articleId(n)}`, Math.random() < 0.8 ? p : null)
    } else push(`country/${articleId(n)}/UA`, Math.random() < 0.5 ? 'mentioned' : 'removed')
  }
  await writeFile(join(folder, logFileOf(DEVICE, '2026-11-30')), lines.slice(0, ARTICLES + 1).join(''))
  return lines.slice(ARTICLES + 1)
}

async function logSizeAndApply(root: string): Promise<Record<string, number>> {
  const folder = join(root, 'apply-sync')
  const changes = await writeOtherDevice(folder)
  // As the app opens a library (host: the database lock held), without its feed schedule.
  const app = await openApp({
    libraryDir: join(root, 'new-device'),
    extraction: 'inline',
    host: true,
    feedSchedule: false,
  })
  try {
    let started = performance.now()
    const first = await call<SyncReport>(app, 'sync.enable', { folder })
    const storeSeconds = (performance.now() - started) / 1000
    await writeFile(join(folder, logFileOf(DEVICE, '2026-12-01')), changes.join(''))
    started = performance.now()
    // The app's own watcher may start reading the new log first; sync.now waits for it to finish.
    await call<SyncReport>(app, 'sync.now')
    const applySeconds = (performance.now() - started) / 1000
    // 1,000 changes made here, after the first log: what a day of reading adds.
    const ids = app.library
      .query((db) => db.all<{ id: string }>('SELECT id FROM articles LIMIT 1000'))
      .map((r) => r.id)
    const status = await call<SyncStatus>(app, 'sync.status')
    const log = join(folder, logFileOf(status.device!.id, new Date().toISOString().slice(0, 10)))
    const before = await stat(log).then(
      (s) => s.size,
      () => 0,
    )
    for (const [i, id] of ids.entries()) {
      const field = ['read', 'starred', 'archived'][i % 3]!
      app.library.setStates([id], { [field]: i % 2 === 0 })
    }
    await call(app, 'sync.now')
    const after = await stat(log).then(
      (s) => s.size,
      () => 0,
    )
    return {
      articles_stored_s: Number(storeSeconds.toFixed(1)),
      articles_arrived: first.articlesArrived,
      apply_100k_changes_s: Number(applySeconds.toFixed(1)),
      changes_read: (await call<SyncStatus>(app, 'sync.status')).devices.reduce((n, d) => n + d.changes, 0),
      log_bytes_per_1000_changes: after - before,
    }
  } finally {
    await app.close()
  }
}

async function latency(root: string): Promise<Record<string, number | string>> {
  const missing = process.env.BENCH_SYNC_NO_SYNCTHING
    ? 'not asked (BENCH_SYNC_NO_SYNCTHING)'
    : syncthingMissing()
  if (missing) return { syncthing: `skipped: ${missing}` }
  const engines = [await Syncthing.create(join(root, 'st-a')), await Syncthing.create(join(root, 'st-b'))]
  const [a, b] = engines as [Syncthing, Syncthing]
  const apps: DatelineApp[] = []
  try {
    await a.addDevice(b)
    await b.addDevice(a)
    const folders = [join(root, 'sync-a'), join(root, 'sync-b')]
    for (const f of folders) await mkdir(f)
    await a.shareFolder('dateline', folders[0]!, [b])
    await b.shareFolder('dateline', folders[1]!, [a])
    for (const [i, name] of ['laptop', 'desktop'].entries()) {
      const app = await openApp({
        libraryDir: join(root, name),
        extraction: 'inline',
        host: true,
        feedSchedule: false,
      })
      apps.push(app)
      await call(app, 'sync.enable', { folder: folders[i]! })
    }
    const [laptop, desktop] = apps as [DatelineApp, DatelineApp]
    const text = `Kyiv power cuts\n\n${TEXT}`
    const { article } = await call<{ article: { id: string } }>(laptop, 'articles.add', {
      kind: 'text',
      text,
    })
    const shown = (starred: boolean): boolean =>
      desktop.library.query(
        (db) =>
          db.get<{ starred: number }>('SELECT starred FROM articles WHERE id = ?', [article.id])?.starred ===
          (starred ? 1 : 0),
      )
    const waitFor = async (done: () => boolean, limitMs: number): Promise<number> => {
      const started = performance.now()
      while (!done()) {
        if (performance.now() - started > limitMs) return Number.NaN
        await new Promise((r) => setTimeout(r, 10))
      }
      return performance.now() - started
    }
    await waitFor(() => desktop.library.get(article.id) !== undefined, 60_000)
    const times: number[] = []
    for (let i = 0; i < 20; i++) {
      const starred = i % 2 === 0
      await call(laptop, 'articles.setState', { id: article.id, starred })
      times.push(await waitFor(() => shown(starred), 30_000))
    }
    const sorted = times.filter((t) => !Number.isNaN(t)).sort((x, y) => x - y)
    return {
      syncthing_change_to_display_p50_ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
      syncthing_change_to_display_p90_ms: Math.round(sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN),
      syncthing_changes_lost: times.length - sorted.length,
    }
  } finally {
    for (const app of apps) await app.close()
    for (const engine of engines) await engine.stop()
  }
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'dateline-bench-sync-'))
  try {
    const load = loadavg()[0]!.toFixed(2)
    const lookSizes = (process.env.BENCH_SYNC_LOOK_SIZES ?? '10000,100000').split(',').map(Number)
    const figures = {
      load_avg_1m: load,
      ...(await logSizeAndApply(root)),
      ...(await latency(root)),
      ...(await lookFigures(root, lookSizes)),
    }
    console.log(JSON.stringify({ sync: { ...figures, load_avg_1m_end: loadavg()[0]!.toFixed(2) } }, null, 2))
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
