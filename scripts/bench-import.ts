import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ImportJob } from '@shared/imports'
import { openApp } from '../src/main/app'
import { readExport } from '../src/main/imports/read-export'
import { seededRandom } from './synthetic-articles'

/**
 * `npm run bench:import [-- ROWS]` (also run by `npm run bench`): a Pocket export of ROWS (10,000)
 * saves into the import queue, in a process of its own so the memory figures are the import's.
 *   file_kb             the CSV (titles with commas and quotes, 1–3 of 60 tags, 2% links saved twice)
 *   parse_ms            csv-parse and the row reader alone
 *   queue_ms            imports.start as the window calls it: base64, parse, dedupe against the
 *                       library and earlier imports, every item and its job in one transaction
 *   again_ms            the same file a second time (every row found already queued, nothing added)
 *   list_ms             imports.list with the 10,000 items counted by state (median of 20)
 *   rss_mb / heap_mb    resident memory and V8 heap after queueing, after a GC, above the open app's
 *   db_growth_mb        library.db after queueing, minus before
 * No page is fetched: the queue's first captures wait on a fetch that never answers.
 */
async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 10_000)
  const csv = pocketExport(rows)
  const dir = await mkdtemp(join(tmpdir(), 'dateline-bench-import-'))
  const gc = (globalThis as { gc?: () => void }).gc
  try {
    const parseStarted = performance.now()
    const parsed = readExport(new TextEncoder().encode(csv), 'ril_export.csv')
    const parseMs = performance.now() - parseStarted

    const app = await openApp({
      libraryDir: dir,
      extraction: 'inline',
      host: true,
      fetch: () => new Promise<Response>(() => undefined),
    })
    const dbBefore = (await stat(join(dir, 'library.db'))).size
    gc?.()
    const before = process.memoryUsage()
    const data = Buffer.from(csv).toString('base64')
    const queueStarted = performance.now()
    const job = await value<ImportJob>(app.dispatch('imports.start', { fileName: 'ril_export.csv', data }))
    const queueMs = performance.now() - queueStarted
    gc?.()
    const after = process.memoryUsage()

    const againStarted = performance.now()
    const again = await value<ImportJob>(app.dispatch('imports.start', { fileName: 'ril_export.csv', data }))
    const againMs = performance.now() - againStarted

    const lists: number[] = []
    for (let i = 0; i < 20; i++) {
      const t = performance.now()
      await app.dispatch('imports.list', {})
      lists.push(performance.now() - t)
    }
    const dbAfter = (await stat(join(dir, 'library.db'))).size
    await app.close()
    console.log(
      JSON.stringify({
        rows,
        file_kb: Math.round(csv.length / 1024),
        parsed_rows: parsed.rows.length,
        queued: job.counts.queued,
        already_there: job.counts.alreadyThere,
        again_queued: again.counts.queued,
        parse_ms: Math.round(parseMs),
        queue_ms: Math.round(queueMs),
        again_ms: Math.round(againMs),
        list_ms: round1(median(lists)),
        rss_mb: round1((after.rss - before.rss) / 1024 / 1024),
        heap_mb: round1((after.heapUsed - before.heapUsed) / 1024 / 1024),
        db_growth_mb: round1((dbAfter - dbBefore) / 1024 / 1024),
      }),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function value<T>(
  call: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>,
): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(result.error?.message)
  return result.value as T
}

const WORDS = [
  'Belarus',
  'election',
  'border',
  'talks',
  'winter',
  'port',
  'protest',
  'court',
  'gas',
  'budget',
]

/** What ten years of Pocket saves look like: many sites, a few dozen tags, some saved twice. */
function pocketExport(rows: number): string {
  const random = seededRandom(16)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  const tags = Array.from({ length: 60 }, (_, i) => `tag-${i}`)
  const lines = ['title,url,time_added,tags,status']
  for (let i = 0; i < rows; i++) {
    const n = random() < 0.02 && i > 0 ? Math.floor(random() * i) : i
    const title = `${pick(WORDS)}, ${pick(WORDS)} and the "${pick(WORDS)}" question (${n})`
    const site = `site-${n % 400}.example`
    const tagList = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(tags)).join('|')
    const time = 1_400_000_000 + n * 30_000
    lines.push(
      `"${title.replaceAll('"', '""')}",https://${site}/2019/${n}/story,${time},${tagList},${random() < 0.6 ? 'archive' : 'unread'}`,
    )
  }
  return lines.join('\n')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

main().then(
  // The captures the queue started wait on a fetch that never answers; their time limits would
  // hold the process open for a minute more.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
