import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { prepareTagger, tagCountries } from '../src/main/countries'
import { retagLibrary } from '../src/main/countries/retag-library'
import { writeArticleRow } from '../src/main/library/article-rows'
import { articleTextPath } from '../src/main/library/layout'
import { LibraryStore } from '../src/main/library/library-store'
import { articleParagraphs, seededRandom, syntheticSummary } from './synthetic-articles'

/**
 * `npm run bench:countries` (also run by `npm run bench`): the country tagger's cost, in a process
 * of its own so the memory figures are the tagger's.
 *   startup_ms          building the lexicon from the bundled data (once per process)
 *   rss_mb / heap_mb    resident memory and V8 heap the lexicon adds, after a GC
 *   tag_1000w_median_ms / _p95_ms  one 1,000-word article (news text dense with place names), wall clock
 *   tag_1000w_cpu_ms    the same, mean CPU time (steadier on a shared machine)
 *   retag_100k_s        100,000 such articles one after another: what `dateline retag` costs in CPU
 * Then a real re-tagging (`countries.retag`) of a library of DATELINE_RETAG_SIZE articles (100,000 by
 * default; one labelled story in ~600 words of wire copy each), through the tag worker, measured on the main thread:
 *   retag_library_s     wall clock from start to the last progress event
 *   retag_per_s         articles re-tagged per second
 *   retag_progress_events  how many progress events the window got
 *   retag_loop_p99_ms / retag_loop_max_ms  the main thread's event-loop delay meanwhile: what a
 *                       click in the window waits at worst (a frame is 16 ms)
 */

interface Story {
  title: string
  text: string
  lang: string
}

const ARTICLES = 300
const WORDS = 1000

function main(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage()
  const started = performance.now()
  prepareTagger()
  const startupMs = performance.now() - started
  gc?.()
  const after = process.memoryUsage()

  const articles = thousandWordArticles()
  for (const article of articles.slice(0, 20)) tagCountries(article)
  const times: number[] = []
  let tags = 0
  const cpuBefore = process.cpuUsage()
  for (const article of articles) {
    const start = performance.now()
    tags += tagCountries(article).length
    times.push(performance.now() - start)
  }
  const cpu = process.cpuUsage(cpuBefore)
  // CPU time is what a busy shared machine disturbs least: waiting for a core does not count.
  const cpuPerArticleMs = (cpu.user + cpu.system) / 1000 / articles.length
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? 0
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length
  console.log(
    JSON.stringify({
      startup_ms: round(startupMs),
      rss_mb: round((after.rss - before.rss) / 2 ** 20),
      heap_mb: round((after.heapUsed - before.heapUsed) / 2 ** 20),
      gc: gc !== undefined,
      tag_1000w_median_ms: round(median),
      tag_1000w_p95_ms: round(p95),
      tag_1000w_cpu_ms: round(cpuPerArticleMs),
      retag_100k_s: round((mean * 100_000) / 1000),
      tags_per_article: round(tags / articles.length),
    }),
  )
}

const RETAG_SIZE = Number(process.env.DATELINE_RETAG_SIZE ?? '100000')

/** A library of `size` untagged articles with their text files, written in big transactions. */
async function libraryToRetag(size: number): Promise<{ folder: string; store: LibraryStore }> {
  const folder = await mkdtemp(join(tmpdir(), 'dateline-retag-'))
  // Held as the app and serve hold it (one database lock for the process).
  const store = await LibraryStore.open(folder, { exclusive: true })
  // One labelled story in ~600 words of wire copy that names no place: tags as real news has them.
  const filler = seededRandom(5)
  const texts = storyArticles(400, 1).map((story) => ({
    ...story,
    text: [story.text, ...articleParagraphs(filler, 7)].join('\n\n'),
  }))
  const random = seededRandom(7)
  const now = Date.parse('2026-01-01T00:00:00Z')
  for (let start = 0; start < size; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, size - start) }, (_, i) => {
      const story = texts[(start + i) % texts.length]!
      const summary = {
        ...syntheticSummary(random, start + i, now),
        title: story.title,
        lang: story.lang,
        countries: [],
      }
      const path = articleTextPath(store.layout, summary)
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, story.text)
      return { summary, text: story.text }
    })
    store.change((db) => {
      for (const { summary, text } of batch) writeArticleRow(db, summary, text)
    })
  }
  return { folder, store }
}

async function measureRetag(): Promise<void> {
  const { folder, store } = await libraryToRetag(RETAG_SIZE)
  try {
    const loop = monitorEventLoopDelay({ resolution: 5 })
    let events = 0
    const started = performance.now()
    loop.enable()
    // The main thread's share, timed: reads (which articles change) and write transactions.
    let slowestRead = 0
    let slowestWrite = 0
    const timed = Object.create(store) as LibraryStore
    timed.query = <T>(read: Parameters<LibraryStore['query']>[0]): T => {
      const at = performance.now()
      const result = store.query(read) as T
      slowestRead = Math.max(slowestRead, performance.now() - at)
      return result
    }
    timed.change = <T>(write: Parameters<LibraryStore['change']>[0]): T => {
      const at = performance.now()
      const result = store.change(write) as T
      slowestWrite = Math.max(slowestWrite, performance.now() - at)
      return result
    }
    const status = await retagLibrary({
      library: timed,
      now: () => new Date(),
      progress: () => {
        events++
      },
    })
    loop.disable()
    const seconds = (performance.now() - started) / 1000
    console.log(
      JSON.stringify({
        retag_library_size: RETAG_SIZE,
        retag_library_s: round(seconds),
        retag_per_s: round(status.done / seconds),
        retag_changed: status.changed,
        retag_progress_events: events,
        retag_loop_p99_ms: round(loop.percentile(99) / 1e6),
        retag_loop_max_ms: round(loop.max / 1e6),
        retag_read_max_ms: round(slowestRead),
        retag_write_max_ms: round(slowestWrite),
        retag_error: status.error,
      }),
    )
  } finally {
    await store.close()
    await rm(folder, { recursive: true, force: true })
  }
}

/** Articles of 1,000 words made of the labelled stories (many languages, many places), shuffled. */
function thousandWordArticles(): Story[] {
  return storyArticles(ARTICLES, WORDS)
}

function storyArticles(count: number, length: number): Story[] {
  const stories = ['dev', 'held-out'].flatMap((file) => {
    const path = resolve('tests/fixtures/countries', `${file}.json`)
    return (JSON.parse(readFileSync(path, 'utf8')) as { stories: Story[] }).stories
  })
  const random = seededRandom(13)
  const articles: Story[] = []
  for (let i = 0; i < count; i += 1) {
    const first = stories[Math.floor(random() * stories.length)]
    const paragraphs: string[] = []
    let words = 0
    while (words < length) {
      const story = stories[Math.floor(random() * stories.length)]
      if (story === undefined) break
      paragraphs.push(story.text)
      words += story.text.split(/\s+/).length
    }
    articles.push({ title: first?.title ?? '', text: paragraphs.join('\n\n'), lang: first?.lang ?? 'en' })
  }
  return articles
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

// The re-tagging runs in a process of its own: the tagger's lexicon, loaded above for its own
// figures, would otherwise sit in this heap and lengthen the main thread's garbage collections,
// which the app's main process (where the lexicon is never loaded) does not have.
if (process.argv.includes('--retag')) await measureRetag()
else {
  main()
  if (RETAG_SIZE > 0) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--retag'],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    if (child.status !== 0) process.exitCode = 1
  }
}
