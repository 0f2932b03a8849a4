import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArticleSummary } from '@shared/article'
import { openApp } from '../src/main/app'
import { SqlDatabase } from '../src/main/library/database'
import {
  articleHtmlPath,
  articleTextPath,
  libraryLayout,
  shardKey,
  shardPath,
} from '../src/main/library/layout'
import { LibraryStore } from '../src/main/library/library-store'
import { writeManifest } from '../src/main/library/manifest'
import {
  articlePageHtml,
  articleParagraphs,
  RARE_WORDS,
  seededRandom,
  syntheticSummary,
} from './synthetic-articles'

/**
 * `npm run bench`: builds libraries of 1k, 10k and 100k synthetic articles and measures, each size
 * in a fresh process so memory figures do not leak between sizes. Each library is written as the
 * sharded JSON Dateline wrote it (schema 1) and opened once, which migrates it into library.db and
 * builds the full-text index: that is index_build_s. Then 30 collections are filled in.
 *   load_avg_1m       the machine's load average when measuring began (and _end: after the CLI runs)
 *   open_ms           open the library until the first page of the list can be returned (+ counts)
 *   process_to_first_page_ms   the same from the process's start (Node and the modules loading too)
 *   first_article_ms  open until the newest article's text can be shown
 *   full_load_ms      kept for comparison with the JSON store: nothing is loaded after open, so = open_ms
 *   list_page_ms      newest 50 at offsets across the library (median of 50 calls)
 *   filtered_page_ms  a page of 50 with filters (country, country and unread, correspondent,
 *                     collection, site, date range, starred, archived, combinations): 95th percentile;
 *                     filtered_page_cpu_p95_ms the same in CPU time (open_cpu_ms: of open_ms)
 *   counts_ms         the sidebar counts (library, per country, collection, feed): median of 50
 *   mark_read_p95_ms  a read-state change persisted to disk (200 changes)
 *   search_p50_ms / search_p95_ms   a mix of text queries (1-3 common words, a rare word, a prefix,
 *                     a phrase), each alone and with a country filter, top 50 by relevance;
 *                     search_cpu_*: the same in CPU time, which a busy machine's waits leave out
 *   add_article_ms    capture of an already-downloaded ~800-word page incl. the index (median of 20)
 *   index_build_s     the migration of the whole library into library.db with its full-text index
 *   rss_mb, disk_mb, db_mb   resident memory after the above; the library folder; library.db
 *   cli_*_ms          (1k and 10k) whole `dateline` processes, median of 5, minus bare start-up;
 *                     cli_*_cpu_ms the same in CPU time (where /usr/bin/time is installed)
 *   cold_first_page_ms / _cpu_ms   a fresh process (bench-cold-open.ts) from its start to the
 *                     first page, as a window's: median of 5, wall and CPU of all its threads;
 *                     cold_modules_cpu_ms and cold_library_cpu_ms: its module loading, and its
 *                     open of the library with the first page
 */

const SIZES = (process.env.DATELINE_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)

async function main(): Promise<void> {
  const [mode, sizeArg, folderArg] = process.argv.slice(2)
  if (mode === '--generate' && sizeArg && folderArg) return prepareLibrary(Number(sizeArg), folderArg)
  if (mode === '--collections' && sizeArg && folderArg) return fillCollections(folderArg, Number(sizeArg))
  if (mode === '--measure' && sizeArg && folderArg) {
    console.log(JSON.stringify(await measure(Number(sizeArg), folderArg)))
    return
  }
  console.error(`Dateline benchmark on ${describeMachine()}`)
  for (const size of SIZES) {
    // DATELINE_BENCH_REUSE=DIR measures an already generated library again (and keeps it).
    const reuse = process.env.DATELINE_BENCH_REUSE
    const folder = reuse ?? (await mkdtemp(join(tmpdir(), `dateline-bench-${size}-`)))
    try {
      if (!reuse) runChild(['--generate', String(size), folder])
      // A library kept from an earlier run (DATELINE_BENCH_KEEP) already has them.
      // Measured in a fresh process, so memory figures carry nothing of the generation.
      process.stdout.write(runChild(['--measure', String(size), folder]))
    } finally {
      if (process.env.DATELINE_BENCH_KEEP) console.error(`  kept ${folder}`)
      else if (!reuse) await rm(folder, { recursive: true, force: true })
    }
  }
}

function runChild(args: string[]): string {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (run.status !== 0) throw new Error(`benchmark step ${args.join(' ')} failed`)
  return run.stdout
}

async function prepareLibrary(size: number, folder: string): Promise<void> {
  const started = performance.now()
  await generateLibrary(folder, size)
  execFileSync('sync')
  const migrateStart = performance.now()
  const store = await LibraryStore.open(folder, {
    progress: ({ done, total }) => {
      if (done % 20000 === 0 || done === total) console.error(`  indexed ${done} of ${total}`)
    },
  })
  const indexBuildS = (performance.now() - migrateStart) / 1000
  await store.close()
  fillCollections(folder, size)
  await writeFile(join(folder, 'bench-build.json'), JSON.stringify({ index_build_s: indexBuildS }))
  // Flush the generated files, so that the fsyncs measured later do not pay for the set-up.
  execFileSync('sync')
  console.error(`  generated ${size} articles in ${Math.round(performance.now() - started)} ms`)
}

/** 30 collections of about 1% of the library each, in the tables the collections issue will fill. */
export function fillCollections(folder: string, size: number): void {
  const db = SqlDatabase.open(libraryLayout(folder).database)
  const random = seededRandom(size + 3)
  const rowids = db.all<{ rowid: number }>('SELECT rowid FROM articles').map((r) => r.rowid)
  db.transaction(() => {
    for (let c = 1; c <= 30; c++) {
      db.run('INSERT OR IGNORE INTO collections (id, name, created_at) VALUES (?, ?, ?)', [
        c,
        `Dossier ${c}`,
        '2026-01-01',
      ])
      const members = Math.max(1, Math.floor(size / 100))
      for (let i = 0; i < members; i++) {
        db.run(
          `INSERT OR IGNORE INTO collection_articles (collection, article, position, added_at)
           VALUES (?, ?, ?, '2026-01-01')`,
          [c, rowids[Math.floor(random() * rowids.length)]!, i],
        )
      }
    }
  })
  db.close()
}

async function measure(size: number, folder: string): Promise<Record<string, number | null>> {
  const loadAtStart = loadavg()[0]!
  const openStart = performance.now()
  const openCpuStart = process.cpuUsage()
  const app = await openApp({ libraryDir: folder, host: true })
  const firstPage = await app.dispatch('articles.list', { limit: 50 })
  const openMs = performance.now() - openStart
  const openCpu = process.cpuUsage(openCpuStart)
  // From the process's own start (performance's time origin): Node and our modules loading too.
  const processToFirstPageMs = performance.now()
  if (!firstPage.ok) throw new Error(firstPage.error.message)
  const [newest] = (firstPage.value as { items: ArticleSummary[] }).items
  const firstArticle = await app.dispatch('articles.get', { id: newest?.id })
  const firstArticleMs = performance.now() - openStart
  if (!firstArticle.ok) throw new Error(firstArticle.error.message)

  const timed = async (input: Record<string, unknown>): Promise<number> => {
    const start = performance.now()
    const result = await app.dispatch('articles.list', input)
    const ms = performance.now() - start
    if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.error.message}`)
    return ms
  }

  const listTimes: number[] = []
  for (let i = 0; i < 50; i++)
    listTimes.push(await timed({ offset: (i * 997) % Math.max(1, size - 50), limit: 50 }))

  const filters: Record<string, unknown>[] = [
    { country: 'UA' },
    { country: 'UA', state: 'unread' },
    { country: 'LV', state: 'unread' },
    { correspondent: 'Anna Kowalska' },
    { correspondent: 'Anna Kowalska', state: 'unread', country: 'BY' },
    { collection: 'Dossier 7' },
    { site: 'Reuters', state: 'unread' },
    { from: '2024-01-01', to: '2024-03-31' },
    { from: '2024-01-01', to: '2024-03-31', country: 'PL', state: 'unread' },
    { state: 'starred' },
    { state: 'archived' },
    { state: 'unread', offset: 5000 },
    { country: 'DE', sort: 'oldest' },
  ]
  const filteredTimes: number[] = []
  const filteredCpuTimes: number[] = []
  for (let round = 0; round < 5; round++) {
    for (const filter of filters) {
      const cpuStart = process.cpuUsage()
      filteredTimes.push(await timed({ limit: 50, ...filter }))
      const cpu = process.cpuUsage(cpuStart)
      filteredCpuTimes.push((cpu.user + cpu.system) / 1000)
    }
  }

  const countTimes: number[] = []
  for (let i = 0; i < 50; i++) {
    const start = performance.now()
    app.library.sidebarCounts()
    countTimes.push(performance.now() - start)
  }

  const queries = [
    'government',
    'border troops',
    'energy prices europe',
    RARE_WORDS[41]!,
    'sanc',
    'minis',
    '"central square"',
    'election sanctions',
    RARE_WORDS[777]!,
    'journ',
  ]
  const searchTimes: number[] = []
  const searchCpuTimes: number[] = []
  for (let round = 0; round < 3; round++) {
    for (const query of queries) {
      for (const filter of [{}, { country: 'UA' }]) {
        const cpuStart = process.cpuUsage()
        searchTimes.push(await timed({ query, sort: 'relevance', limit: 50, ...filter }))
        const cpu = process.cpuUsage(cpuStart)
        searchCpuTimes.push((cpu.user + cpu.system) / 1000)
      }
    }
  }

  const ids = (firstPage.value as { items: ArticleSummary[] }).items.map((a) => a.id)
  const more = await app.dispatch('articles.list', { offset: 50, limit: 150 })
  if (more.ok) ids.push(...(more.value as { items: ArticleSummary[] }).items.map((a) => a.id))
  const markTimes: number[] = []
  for (let i = 0; i < 200; i++) {
    const id = ids[i % ids.length]!
    const start = performance.now()
    const result = await app.dispatch('articles.setState', { id, read: i % 2 === 0 })
    markTimes.push(performance.now() - start)
    if (!result.ok) throw new Error(result.error.message)
  }

  const random = seededRandom(size + 7)
  const addTimes: number[] = []
  for (let i = 0; i < 21; i++) {
    const html = articlePageHtml(`Bench story ${i} from ${size}`, articleParagraphs(random))
    const start = performance.now()
    const result = await app.dispatch('articles.add', {
      kind: 'html',
      html,
      baseUrl: `https://bench.example/story-${size}-${i}`,
    })
    // The first add warms the extraction worker up; a person pays that once per session.
    if (i > 0) addTimes.push(performance.now() - start)
    if (!result.ok) throw new Error(result.error.message)
  }
  const rss = process.memoryUsage().rss
  const loadAtEnd = loadavg()[0]!
  await app.close()
  const build = JSON.parse(await readFile(join(folder, 'bench-build.json'), 'utf8').catch(() => '{}')) as {
    index_build_s?: number
  }
  const cli = size <= 10_000 ? measureCli(folder, newest?.id ?? '') : {}
  const cold = measureColdOpen(folder)
  return {
    articles: size,
    load_avg_1m: round(loadAtStart),
    open_ms: round(openMs),
    open_cpu_ms: round((openCpu.user + openCpu.system) / 1000),
    process_to_first_page_ms: round(processToFirstPageMs),
    first_article_ms: round(firstArticleMs),
    full_load_ms: round(openMs),
    list_page_ms: round(median(listTimes)),
    filtered_page_ms: round(percentile(filteredTimes, 0.95)),
    filtered_page_cpu_p95_ms: round(percentile(filteredCpuTimes, 0.95)),
    counts_ms: round(median(countTimes)),
    mark_read_p95_ms: round(percentile(markTimes, 0.95)),
    search_p50_ms: round(median(searchTimes)),
    search_p95_ms: round(percentile(searchTimes, 0.95)),
    search_cpu_p50_ms: round(median(searchCpuTimes)),
    search_cpu_p95_ms: round(percentile(searchCpuTimes, 0.95)),
    add_article_ms: round(median(addTimes)),
    index_build_s: build.index_build_s === undefined ? null : round(build.index_build_s),
    rss_mb: round(rss / 1024 / 1024),
    disk_mb: round(diskMegabytes(folder)),
    db_mb: round(statSync(libraryLayout(folder).database).size / 1024 / 1024),
    ...cli,
    ...cold,
    load_avg_1m_end: round(loadAtEnd),
  }
}

/**
 * Whole CLI processes, as a script would run them; start-up (`--version`) is taken off. Where
 * GNU time is installed, each run's CPU time (user + system) is taken too (`cli_*_cpu_ms`): on a
 * busy machine the wall clock of a whole process mostly measures the wait for a core.
 */
function measureCli(folder: string, id: string): Record<string, number> {
  const cliPath = resolve(fileURLToPath(import.meta.url), '../cli.js')
  const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
  const run = (args: string[]): { wall: number; cpu: number | null } => {
    const walls: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      const command = timeCommand ?? process.execPath
      const commandArgs = timeCommand
        ? ['-f', 'cpu-seconds %U %S', process.execPath, cliPath, ...args]
        : [cliPath, ...args]
      const done = spawnSync(command, commandArgs, {
        encoding: 'utf8',
        env: { ...process.env, DATELINE_LIBRARY: folder },
      })
      walls.push(performance.now() - start)
      if (done.status !== 0) throw new Error(`dateline ${args.join(' ')}: ${done.stderr}`)
      const used = /cpu-seconds ([\d.]+) ([\d.]+)\s*$/.exec(done.stderr)
      if (used) cpus.push((Number(used[1]) + Number(used[2])) * 1000)
    }
    return { wall: median(walls), cpu: cpus.length === walls.length ? median(cpus) : null }
  }
  const startup = run(['--version'])
  const figures: Record<string, number> = { cli_startup_ms: round(startup.wall) }
  if (startup.cpu !== null) figures.cli_startup_cpu_ms = round(startup.cpu)
  const commands: [string, string[]][] = [
    ['list', ['list', '--limit', '50', '--json']],
    ['show', ['show', id, '--json']],
    ['search', ['search', 'border', 'troops', '--limit', '50', '--json']],
  ]
  for (const [name, args] of commands) {
    const measured = run(args)
    figures[`cli_${name}_ms`] = round(measured.wall - startup.wall)
    if (measured.cpu !== null && startup.cpu !== null) {
      figures[`cli_${name}_cpu_ms`] = round(measured.cpu - startup.cpu)
    }
  }
  return figures
}

/**
 * The open of a window's process, from nothing: five fresh processes of bench-cold-open.js (run
 * once the app above has closed the library), medians of each figure.
 */
function measureColdOpen(folder: string): Record<string, number> {
  const script = resolve(fileURLToPath(import.meta.url), '../bench-cold-open.js')
  const runs: Record<string, number>[] = []
  for (let i = 0; i < 5; i++) {
    const done = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' })
    if (done.status !== 0) throw new Error(`bench-cold-open: ${done.stderr}`)
    runs.push(JSON.parse(done.stdout) as Record<string, number>)
  }
  const med = (field: string): number => round(median(runs.map((run) => run[field]!)))
  return {
    cold_first_page_ms: med('total_ms'),
    cold_first_page_cpu_ms: med('total_cpu_ms'),
    cold_modules_cpu_ms: med('import_cpu_ms'),
    cold_library_cpu_ms: med('open_cpu_ms'),
  }
}

/** Writes a schema-1 library's files directly (no fsync): generation is set-up, not what is measured. */
async function generateLibrary(folder: string, size: number): Promise<void> {
  const layout = libraryLayout(folder)
  await mkdir(layout.metaDir, { recursive: true })
  await writeManifest(layout, {
    format: 'dateline-library',
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
  })
  const random = seededRandom(size)
  const shards = new Map<string, Record<string, ArticleSummary>>()
  const now = Date.now()
  const made = new Set<string>()
  for (let i = 0; i < size; i++) {
    const summary = syntheticSummary(random, i, now)
    const shard = shards.get(shardKey(summary.id)) ?? {}
    shard[summary.id] = summary
    shards.set(shardKey(summary.id), shard)
    const paragraphs = articleParagraphs(random)
    const dir = join(layout.articlesDir, summary.id.slice(0, 2), summary.id)
    if (!made.has(dir)) await mkdir(dir, { recursive: true })
    made.add(dir)
    await writeFile(articleHtmlPath(layout, summary), paragraphs.map((p) => `<p>${p}</p>`).join('\n'))
    await writeFile(articleTextPath(layout, summary), paragraphs.join('\n\n'))
  }
  for (const [key, articles] of shards) await writeFile(shardPath(layout, key), JSON.stringify({ articles }))
}

function diskMegabytes(folder: string): number {
  const out = execFileSync('du', ['-sk', folder], { encoding: 'utf8' })
  return Number(out.split('\t')[0]) / 1024
}

function median(values: number[]): number {
  return percentile(values, 0.5)
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function describeMachine(): string {
  const cpu = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()
  return `${process.platform} ${process.arch}, ${cpu} cores, Node ${process.version}`
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
