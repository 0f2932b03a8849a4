import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import { join } from 'node:path'
import type { ArticleSummary } from '@shared/article'
import type { GroupingStatus } from '@shared/stories'
import { openApp, type DatelineApp } from '../src/main/app'
import { writeArticleRow } from '../src/main/library/article-rows'
import { SqlDatabase } from '../src/main/library/database'
import { libraryLayout } from '../src/main/library/layout'
import { newManifest, writeManifest } from '../src/main/library/manifest'
import { migrateDatabase } from '../src/main/library/schema'

/**
 * `npm run bench:stories [-- SIZE [DIR]]` (also in `npm run bench`): stories in libraries made of
 * the labelled items of tests/fixtures/stories replayed (copy k three days after copy k-1, ids
 * and addresses of its own), so the grouping meets real names, numbers and six languages at the
 * density of a busy reader (about 100 articles a day).
 *
 *   group_10k_s           grouping a 10k library from nothing in the background (first open)
 *   group_longest_turn_ms the longest the event loop was held by one batch while it ran
 *   assign_ms             one new article joining or starting a story at SIZE (100k): median and
 *                         p95 of 50, warm, plus the first one (which loads its fortnight)
 *   fold_page_at_*_ms     a page of 100 rows of the list grouped by story at SIZE, with its total
 *                         (articles.list as the window asks it), the first page and one far down:
 *                         median of 9, against the same pages not folded (flat_*)
 *   fold_row_stories_ms   the chips of a page: its rows' stories, in one call
 *
 * `npm run bench:stories -- fold DIR` measures only the folded list of the library in DIR.
 */

interface Item {
  title: string
  text: string
  lang: string
  site: string
  publishedAt: string
}

const FIXTURES = ['dev.jsonl', 'held-out.jsonl'].flatMap((file) =>
  readFileSync(join(process.cwd(), 'tests', 'fixtures', 'stories', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Item),
)
const DAY = 86_400_000
const FIRST = Date.parse('2026-11-01T00:00:00Z')

function replayed(index: number): ArticleSummary {
  const item = FIXTURES[index % FIXTURES.length]!
  const copy = Math.floor(index / FIXTURES.length)
  const at = new Date(
    Date.parse(item.publishedAt) - FIRST + Date.UTC(2020, 0, 1) + copy * 3 * DAY,
  ).toISOString()
  const id = (0x2000000000000000n + BigInt(index) * 0x9e3779b97f4an).toString(16).slice(-16)
  return {
    id,
    source: 'url',
    url: `https://${item.site}/${index}`,
    canonicalUrl: `https://${item.site}/${index}`,
    fileName: null,
    title: item.title,
    byline: null,
    correspondents: [],
    countries: [],
    siteName: item.site,
    lang: item.lang,
    excerpt: item.text,
    publishedAt: at,
    addedAt: at,
    updatedAt: at,
    wordCount: 200,
    readingMinutes: 1,
    leadImage: null,
    read: false,
    starred: false,
    archived: false,
  }
}

async function build(dir: string, size: number): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const layout = libraryLayout(dir)
  const db = SqlDatabase.open(layout.database)
  try {
    db.exec('PRAGMA synchronous = OFF')
    migrateDatabase(db)
    for (let at = 0; at < size; at += 1000) {
      db.transaction(() => {
        for (let i = at; i < Math.min(size, at + 1000); i++) {
          const article = replayed(i)
          writeArticleRow(db, article, article.excerpt)
        }
      })
    }
  } finally {
    db.close()
  }
  await writeManifest(layout, newManifest(new Date()))
}

/** Opens the library as the app does and waits for the background grouping; returns its figures. */
async function groupInBackground(
  dir: string,
): Promise<{ app: DatelineApp; seconds: number; longestTurnMs: number }> {
  const started = performance.now()
  const app = await openApp({ libraryDir: dir, extraction: 'inline', host: true })
  let longestTurnMs = 0
  let reported = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestTurnMs = Math.max(longestTurnMs, now - last - 5)
    last = now
  }, 5)
  await new Promise<void>((resolve) => {
    const stop = app.events.subscribe((event, payload) => {
      if (event !== 'stories.progress') return
      const status = payload as GroupingStatus
      if (status.done - reported >= 10_000) {
        reported = status.done
        console.error(`  ${status.done} of ${status.total} grouped`)
      }
      if (!status.running) {
        stop()
        resolve()
      }
    })
  })
  clearInterval(ticker)
  return {
    app,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    longestTurnMs: Math.round(longestTurnMs),
  }
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10
}

/** articles.list as the window asks it, folded or not: median wall time of 9, per offset. */
async function measureFoldedList(app: DatelineApp): Promise<Record<string, number>> {
  const results: Record<string, number> = {}
  for (const foldStories of [false, true]) {
    const kind = foldStories ? 'fold' : 'flat'
    for (const offset of [0, 20_000]) {
      const times: number[] = []
      for (let i = 0; i < 9; i++) {
        const start = performance.now()
        const page = await app.dispatch('articles.list', { offset, limit: 100, foldStories })
        times.push(performance.now() - start)
        if (page.ok) results[`${kind}_total`] = (page.value as { total: number }).total
      }
      results[`${kind}_page_at_${offset}_ms`] = percentile(times, 0.5)
    }
  }
  const page = await app.dispatch('articles.list', { offset: 0, limit: 100, foldStories: true })
  const ids = page.ok ? (page.value as { items: { id: string }[] }).items.map((a) => a.id) : []
  const times: number[] = []
  for (let i = 0; i < 9; i++) {
    const start = performance.now()
    await app.dispatch('stories.ofRows', { ids })
    times.push(performance.now() - start)
  }
  results.fold_row_stories_ms = percentile(times, 0.5)
  return results
}

async function main(): Promise<void> {
  if (process.argv[2] === 'fold') {
    const app = await openApp({ libraryDir: process.argv[3]!, extraction: 'inline' })
    try {
      console.log(JSON.stringify({ load: os.loadavg()[0]!.toFixed(1), ...(await measureFoldedList(app)) }))
    } finally {
      await app.close()
    }
    return
  }
  const size = Number(process.argv[2] ?? 100_000)
  const base = process.argv[3] ?? '/tmp/dateline-bench-stories'
  const results: Record<string, unknown> = { size, load: os.loadavg()[0]!.toFixed(1) }

  const small = `${base}-10k`
  await build(small, Math.min(10_000, size))
  const grouped = await groupInBackground(small)
  await grouped.app.close()
  results.group_10k_s = grouped.seconds
  results.group_longest_turn_ms = grouped.longestTurnMs

  const big = `${base}-${size}`
  if (!existsSync(libraryLayout(big).manifest)) {
    await build(big, size)
    const first = await groupInBackground(big)
    console.error(`  ${size} grouped in ${first.seconds} s`)
    await first.app.close()
  }
  const app = await openApp({ libraryDir: big, extraction: 'inline' })
  try {
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < 51; i++) {
      const article = replayed(size + i)
      await app.library.putArticle(article, { html: `<p>${article.excerpt}</p>`, text: article.excerpt })
      const start = performance.now()
      const startCpu = process.cpuUsage()
      app.events.emit('library.changed', { ids: [article.id] })
      const used = process.cpuUsage(startCpu)
      times.push(performance.now() - start)
      cpu.push((used.user + used.system) / 1000)
    }
    // The machine is shared: CPU time says what the grouping costs, wall time what was felt.
    results.assign_cpu_median_ms = percentile(cpu.slice(1), 0.5)
    results.assign_cpu_p95_ms = percentile(cpu.slice(1), 0.95)
    results.assign_first_ms = Math.round(times[0]! * 10) / 10
    results.assign_median_ms = percentile(times.slice(1), 0.5)
    results.assign_p95_ms = percentile(times.slice(1), 0.95)
    for (let i = 0; i < 51; i++) await app.library.deleteArticle(replayed(size + i).id)
    Object.assign(results, await measureFoldedList(app))
  } finally {
    await app.close()
  }
  console.log(JSON.stringify(results))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
