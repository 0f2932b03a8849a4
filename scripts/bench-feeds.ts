import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { crc32, deflateSync } from 'node:zlib'
import type { CallResult } from '@shared/errors'
import type { RefreshOutcome } from '@shared/feeds'
import { openApp, type DatelineApp } from '../src/main/app'
import { FeedStore } from '../src/main/feeds/feed-store'
import { parseFeedDocument } from '../src/main/feeds/parse-feed'

/**
 * `npm run bench:feeds [-- FEEDS]`: refreshing FEEDS (200) feeds from a local server on 127.0.0.1.
 *
 *   nothing_new_304_s      every feed answers 304 to its ETag (what a polite server does)
 *   nothing_new_200_s      every feed sends its 50 items again, all already seen (parse + compare)
 *   first_refresh_s        20 new items per feed, each page captured in full with its picture
 *                          (fetch, extraction in the worker, sanitising, picture, database, files)
 *   peak_rss_mb            the process's highest resident memory during the phase
 *   loop_lag_p99_ms/max    how long the main thread (the window's process) was kept busy
 */

const FEEDS = Number(process.argv[2] ?? 200)
const PARAGRAPH =
  'Officials in the capital said on Tuesday that the new rail line would open in the spring, after years of delays caused by funding disputes and the war. Residents of the eastern districts, who spend up to two hours a day travelling to work, welcomed the news but said they would believe it when the first train arrived.'

function png(seed: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const size = 16
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.alloc(1 + size * 3)
  for (let x = 0; x < size; x++) row.set([seed % 251, (seed >> 8) % 251, (seed * 7) % 251], 1 + x * 3)
  const raw = Buffer.concat(Array.from({ length: size }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function feedXml(origin: string, feed: number, items: number): string {
  const entries = Array.from({ length: items }, (_, i) => {
    const path = `/a/${feed}/${i}`
    return `<item><title>Story ${i} of feed ${feed}</title><link>${origin}${path}</link><guid>${path}</guid>
<pubDate>${new Date(Date.UTC(2026, 11, 1, 0, i)).toUTCString()}</pubDate><description>${PARAGRAPH.slice(0, 160)}</description></item>`
  }).join('\n')
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>${origin}/</link><description>x</description>\n${entries}\n</channel></rss>`
}

function articleHtml(feed: number, item: number): string {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${PARAGRAPH} (${feed}.${item}.${i})</p>`).join(
    '\n',
  )
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${item} of feed ${feed}</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Anna Reporter"></head>
<body><header><nav><a href="/">Home</a></nav></header><article><h1>Story ${item} of feed ${feed}</h1>
${paragraphs}<figure><img src="/img/${feed}/${item}.png" alt="Picture"></figure>${paragraphs}</article></body></html>`
}

interface BenchServer {
  origin: string
  items: number
  etags: boolean
  close(): Promise<void>
}

async function startServer(): Promise<BenchServer> {
  const state = { items: 20, etags: false }
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/'
    let match = /^\/feed\/(\d+)\.xml$/.exec(url)
    if (match) {
      const etag = `"f${match[1]}-${state.items}"`
      if (state.etags && request.headers['if-none-match'] === etag) {
        response.writeHead(304).end()
        return
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', ...(state.etags ? { etag } : {}) })
      response.end(feedXml(origin, Number(match[1]), state.items))
      return
    }
    match = /^\/a\/(\d+)\/(\d+)$/.exec(url)
    if (match) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(articleHtml(Number(match[1]), Number(match[2])))
      return
    }
    match = /^\/img\/(\d+)\/(\d+)\.png$/.exec(url)
    if (match) {
      response.writeHead(200, { 'content-type': 'image/png' })
      response.end(png(Number(match[1]) * 1000 + Number(match[2])))
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    get items() {
      return state.items
    },
    set items(n: number) {
      state.items = n
    },
    get etags() {
      return state.etags
    },
    set etags(on: boolean) {
      state.etags = on
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

interface Phase {
  seconds: number
  peakRssMb: number
  lagP99Ms: number
  lagMaxMs: number
  new: number
  errors: number
}

async function measure(app: DatelineApp): Promise<Phase> {
  const lag = monitorEventLoopDelay({ resolution: 10 })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  lag.enable()
  const started = performance.now()
  const result = (await app.dispatch('feeds.refresh', {})) as CallResult<RefreshOutcome>
  const seconds = (performance.now() - started) / 1000
  lag.disable()
  clearInterval(sampler)
  if (!result.ok) throw new Error(result.error.message)
  const failed = result.value.results.filter((r) => r.error)
  if (failed.length > 0) throw new Error(`${failed.length} feeds failed: ${failed[0]!.error}`)
  return {
    seconds: round(seconds),
    peakRssMb: Math.round(peak / 1024 / 1024),
    lagP99Ms: round(lag.percentile(99) / 1e6),
    lagMaxMs: round(lag.max / 1e6),
    new: result.value.results.reduce((n, r) => n + r.new, 0),
    errors: result.value.results.reduce((n, r) => n + r.errors, 0),
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

async function subscribeAll(app: DatelineApp, origin: string): Promise<void> {
  const outlines = Array.from(
    { length: FEEDS },
    (_, f) => `<outline text="Bench ${f}" xmlUrl="${origin}/feed/${f}.xml"/>`,
  )
  const result = await app.dispatch('feeds.importOpml', {
    opml: `<opml version="2.0"><body>${outlines.join('')}</body></opml>`,
  })
  if (!result.ok) throw new Error(result.error.message)
}

async function main(): Promise<void> {
  const server = await startServer()
  const dirs: string[] = []
  try {
    // 1. Nothing new: 50 items per feed already seen (recorded as the refresher records them).
    const seenDir = await mkdtemp(join(tmpdir(), 'dateline-bench-feeds-'))
    dirs.push(seenDir)
    let app = await openApp({ libraryDir: seenDir, feedSchedule: false, host: true })
    await subscribeAll(app, server.origin)
    server.items = 50
    const feeds = new FeedStore(app.library)
    const at = new Date().toISOString()
    for (const feed of feeds.list()) {
      const n = Number(/(\d+)\.xml$/.exec(feed.url)![1])
      const parsed = parseFeedDocument(
        new TextEncoder().encode(feedXml(server.origin, n, 50)),
        'application/rss+xml',
        feed.url,
      )
      for (const item of parsed.items) feeds.saveItem(feed.id, item, null, at)
    }
    feeds.flush()
    const nothingNew200 = await measure(app)
    if (nothingNew200.new > 0) throw new Error(`${nothingNew200.new} items were taken for new`)
    server.etags = true
    await measure(app) // the first answer with ETags carries them; from now on, 304s
    const nothingNew304 = await measure(app)
    await app.close()

    // 2. The first refresh: 20 new items per feed, captured in full with a picture each.
    const firstDir = await mkdtemp(join(tmpdir(), 'dateline-bench-feeds-'))
    dirs.push(firstDir)
    server.items = 20
    server.etags = false
    app = await openApp({ libraryDir: firstDir, feedSchedule: false, host: true })
    await subscribeAll(app, server.origin)
    const first = await measure(app)
    await app.close()

    console.log(
      JSON.stringify(
        {
          feeds: FEEDS,
          nothing_new_200_s: nothingNew200.seconds,
          nothing_new_200_peak_rss_mb: nothingNew200.peakRssMb,
          nothing_new_200_loop_lag_p99_ms: nothingNew200.lagP99Ms,
          nothing_new_304_s: nothingNew304.seconds,
          first_refresh_s: first.seconds,
          first_refresh_articles: first.new,
          first_refresh_item_errors: first.errors,
          first_refresh_peak_rss_mb: first.peakRssMb,
          first_refresh_loop_lag_p99_ms: first.lagP99Ms,
          first_refresh_loop_lag_max_ms: first.lagMaxMs,
        },
        null,
        2,
      ),
    )
  } finally {
    await server.close()
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  }
}

await main()
