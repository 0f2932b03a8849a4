import { readFileSync } from 'node:fs'
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
import { articleQuerySql } from '../src/main/library/article-query'
import { tagCountries } from '../src/main/countries/tag-countries'
import { createStory, putInStory } from '../src/main/stories/story-store'

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
 *   list_<n>.*            the list grouped by story in libraries of 1k, 10k and SIZE whose stories
 *                         are the labelled ones (written straight into the database, no grouping
 *                         round): a first page of 100 with its total for the filters used most
 *                         (none, unread, starred, a country, a country and unread) and a page at
 *                         offset 1,000, median of 9; and the total counted the way it was before
 *                         schema 17 (one lookup per listed article), for comparison
 *
 * The SIZE library for assign_* is such a labelled one too: grouping 100k in the background took
 * 1,561 s here, and the grouping of a new article reads the stored memberships whoever made them.
 *
 * `npm run bench:stories -- fold DIR` measures only the folded list of the library in DIR, `-- list
 * DIR` its figures by filter (list_<n>), `-- assign DIR [ROUNDS]` one new article (assign_*);
 * `npm run bench:stories -- SIZE DIR --no-round` skips the 10k background round.
 */

interface Item {
  story: string
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
    .map((line) => JSON.parse(line) as Item)
    // The two files number their stories each from s01.
    .map((item) => ({ ...item, story: `${file}:${item.story}` })),
)
/** Each item's countries, tagged once (its copies say the same). */
const COUNTRIES = FIXTURES.map((item) =>
  tagCountries({ title: item.title, text: item.text, lang: item.lang, siteName: item.site }),
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
    countries: COUNTRIES[index % FIXTURES.length]!,
    siteName: item.site,
    lang: item.lang,
    excerpt: item.text,
    publishedAt: at,
    addedAt: at,
    updatedAt: at,
    wordCount: 200,
    readingMinutes: 1,
    leadImage: null,
    // Most read, some starred, a few archived: each state's list is a real share of the library.
    read: index % 10 < 6,
    starred: index % 20 === 3,
    archived: index % 33 === 5,
  }
}

/** Copy k of a labelled story is a story of its own (copies are three days apart). */
function labelledStory(index: number): string {
  return `${FIXTURES[index % FIXTURES.length]!.story}#${Math.floor(index / FIXTURES.length)}`
}

/** A library of SIZE replayed articles; `labelled`, each in its labelled story at once. */
async function build(dir: string, size: number, labelled = false): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const layout = libraryLayout(dir)
  const db = SqlDatabase.open(layout.database)
  try {
    db.exec('PRAGMA synchronous = OFF')
    migrateDatabase(db)
    const stories = new Map<string, number>()
    for (let at = 0; at < size; at += 1000) {
      db.transaction(() => {
        for (let i = at; i < Math.min(size, at + 1000); i++) {
          const article = replayed(i)
          const rowid = writeArticleRow(db, article, article.excerpt)
          if (!labelled) continue
          const time = Date.parse(article.publishedAt!)
          const key = labelledStory(i)
          let story = stories.get(key)
          if (story === undefined) {
            story = createStory(db, time, new Date(time))
            stories.set(key, story)
          }
          putInStory(db, { rowid, at: time }, story, 'auto', 1)
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

/** The filters a folded list is asked with most; the country is the labelled set's commonest. */
function commonFilters(): Record<string, Record<string, string>> {
  const tally = new Map<string, number>()
  for (const tags of COUNTRIES) for (const tag of tags) tally.set(tag.code, (tally.get(tag.code) ?? 0) + 1)
  const country = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  return {
    none: {},
    unread: { state: 'unread' },
    starred: { state: 'starred' },
    country: { country },
    country_unread: { country, state: 'unread' },
  }
}

/**
 * The folded list at one size: per filter, the first page of 100 with its total and a page at
 * offset 1,000 (wall time, median of 9), the total, and the total counted as before schema 17.
 */
async function measureListAtSize(app: DatelineApp): Promise<Record<string, number>> {
  const results: Record<string, number> = {}
  for (const [name, filter] of Object.entries(commonFilters())) {
    for (const offset of [0, 1000]) {
      const times: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < 9; i++) {
        const start = performance.now()
        const startCpu = process.cpuUsage()
        const page = await app.dispatch('articles.list', { ...filter, offset, limit: 100, foldStories: true })
        const used = process.cpuUsage(startCpu)
        times.push(performance.now() - start)
        cpu.push((used.user + used.system) / 1000)
        if (!page.ok) throw new Error(page.error.message)
        results[`${name}_total`] = (page.value as { total: number }).total
      }
      results[`${name}_page_at_${offset}_ms`] = percentile(times, 0.5)
      results[`${name}_page_at_${offset}_cpu_ms`] = percentile(cpu, 0.5)
    }
    // Scrolled down to it: the pages above asked first, as the window asks them.
    for (let offset = 100; offset < 1000; offset += 100)
      await app.dispatch('articles.list', { ...filter, offset, limit: 100, foldStories: true })
    const scrolled: number[] = []
    const scrolledCpu: number[] = []
    for (let i = 0; i < 9; i++) {
      const start = performance.now()
      const startCpu = process.cpuUsage()
      await app.dispatch('articles.list', { ...filter, offset: 1000, limit: 100, foldStories: true })
      const used = process.cpuUsage(startCpu)
      scrolled.push(performance.now() - start)
      scrolledCpu.push((used.user + used.system) / 1000)
    }
    results[`${name}_scrolled_page_at_1000_ms`] = percentile(scrolled, 0.5)
    results[`${name}_scrolled_page_at_1000_cpu_ms`] = percentile(scrolledCpu, 0.5)
    const before = articleQuerySql({ state: 'all', ...filter }, 'newest', 0, 100, undefined, 'saved', true)
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const start = performance.now()
      const counted = app.library.query((db) => db.get<{ total: number }>(before.count, before.countParams))
      times.push(performance.now() - start)
      if (counted?.total !== results[`${name}_total`])
        throw new Error(`${name}: the counters disagree with a count`)
    }
    results[`${name}_counted_before_ms`] = percentile(times, 0.5)
  }
  return results
}

/** One new article at a time joining or starting a story in the library of `app`. */
async function measureAssign(app: DatelineApp, size: number): Promise<Record<string, number>> {
  const results: Record<string, number> = {}
  const times: number[] = []
  const cpu: number[] = []
  const storiesBefore =
    app.library.query((db) => db.get<{ top: number | null }>('SELECT max(id) AS top FROM stories'))?.top ?? 0
  const loopStart = process.cpuUsage()
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
  // Everything the loop cost (the articles stored, and work done between them): the CPU an article
  // saves in its turn must not come back between turns.
  const loopUsed = process.cpuUsage(loopStart)
  results.assign_loop_cpu_ms = Math.round((loopUsed.user + loopUsed.system) / 1000)
  results.assign_cpu_sum_ms = Math.round(cpu.slice(1).reduce((sum, ms) => sum + ms, 0))
  // The machine is shared: CPU time says what the grouping costs, wall time what was felt.
  results.assign_cpu_median_ms = percentile(cpu.slice(1), 0.5)
  results.assign_cpu_p95_ms = percentile(cpu.slice(1), 0.95)
  results.assign_first_ms = Math.round(times[0]! * 10) / 10
  results.assign_first_cpu_ms = Math.round(cpu[0]! * 10) / 10
  results.assign_median_ms = percentile(times.slice(1), 0.5)
  results.assign_p95_ms = percentile(times.slice(1), 0.95)
  results.assign_decisions_hash = decisionsHash(app, size, storiesBefore)
  for (let i = 0; i < 51; i++) await app.library.deleteArticle(replayed(size + i).id)
  return results
}

/**
 * The stories the new articles went to, as one number (equal runs decided alike): a story that
 * was there before by its id, one started by the loop by its first article.
 */
function decisionsHash(app: DatelineApp, size: number, storiesBefore: number): number {
  const started = new Map<number, string>()
  const labels: string[] = []
  for (let i = 0; i < 51; i++) {
    const story = app.library.query((db) =>
      db.get<{ story: number }>(
        'SELECT s.story AS story FROM story_articles s JOIN articles a ON a.rowid = s.article WHERE a.id = ?',
        [replayed(size + i).id],
      ),
    )?.story
    if (story === undefined) labels.push('-')
    else if (story <= storiesBefore) labels.push(String(story))
    else {
      if (!started.has(story)) started.set(story, `new${i}`)
      labels.push(started.get(story)!)
    }
  }
  let hash = 2166136261
  for (const character of labels.join(',')) hash = Math.imul(hash ^ character.charCodeAt(0), 16777619) >>> 0
  return hash
}

async function main(): Promise<void> {
  if (process.argv[2] === 'assign') {
    // One new article at a time in the library of DIR (built by an earlier run), several rounds.
    const dir = process.argv[3]!
    const rounds = Number(process.argv[4] ?? 3)
    const size = Number(process.argv[5] ?? 100_000)
    for (let round = 0; round < rounds; round++) {
      const app = await openApp({ libraryDir: dir, extraction: 'inline' })
      try {
        console.log(
          JSON.stringify({ load: os.loadavg()[0]!.toFixed(1), ...(await measureAssign(app, size)) }),
        )
      } finally {
        await app.close()
      }
    }
    return
  }
  if (process.argv[2] === 'list') {
    // The folded list's figures of one size on the library of DIR (built by an earlier run).
    const app = await openApp({ libraryDir: process.argv[3]!, extraction: 'inline' })
    try {
      console.log(JSON.stringify({ load: os.loadavg()[0]!.toFixed(1), ...(await measureListAtSize(app)) }))
    } finally {
      await app.close()
    }
    return
  }
  if (process.argv[2] === 'fold') {
    const app = await openApp({ libraryDir: process.argv[3]!, extraction: 'inline' })
    try {
      console.log(JSON.stringify({ load: os.loadavg()[0]!.toFixed(1), ...(await measureFoldedList(app)) }))
    } finally {
      await app.close()
    }
    return
  }
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
  const size = Number(args[0] ?? 100_000)
  const base = args[1] ?? '/tmp/dateline-bench-stories'
  const results: Record<string, unknown> = { size, load: os.loadavg()[0]!.toFixed(1) }

  if (!process.argv.includes('--no-round')) {
    const small = `${base}-10k`
    await build(small, Math.min(10_000, size))
    const grouped = await groupInBackground(small)
    await grouped.app.close()
    results.group_10k_s = grouped.seconds
    results.group_longest_turn_ms = grouped.longestTurnMs
  }

  for (const n of [...new Set([1000, 10_000, size])].filter((n) => n <= size)) {
    const dir = `${base}-labelled-${n}`
    const started = performance.now()
    await build(dir, n, true)
    console.error(`  ${n} built with their labelled stories in ${Math.round(performance.now() - started)} ms`)
    const app = await openApp({ libraryDir: dir, extraction: 'inline' })
    try {
      results[`list_${n}`] = { load: os.loadavg()[0]!.toFixed(1), ...(await measureListAtSize(app)) }
      if (n === size) {
        Object.assign(results, await measureAssign(app, size))
        Object.assign(results, await measureFoldedList(app))
      }
    } finally {
      await app.close()
    }
  }
  console.log(JSON.stringify(results))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
