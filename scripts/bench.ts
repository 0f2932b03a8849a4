import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ArticleSummary } from '@shared/article'
import { openApp } from '../src/main/app'
import {
  articleHtmlPath,
  articleTextPath,
  libraryLayout,
  shardKey,
  shardPath,
} from '../src/main/library/layout'
import { newManifest, writeManifest } from '../src/main/library/manifest'
import { articlePageHtml, articleParagraphs, seededRandom, syntheticSummary } from './synthetic-articles'

/**
 * `npm run bench`: builds libraries of 1k, 10k and 100k synthetic articles and measures, each size
 * in a fresh process so memory figures do not leak between sizes:
 *   open_ms           open the library until the first page of the list can be returned
 *   first_article_ms  open until the newest article's text can be shown
 *   full_load_ms      open until every article's metadata is in memory (all queries answered)
 *   list_page_ms      newest 50 (median of 50 calls)
 *   mark_read_p95_ms  a read-state change persisted to disk (200 changes)
 *   add_article_ms    capture of an already-downloaded ~800-word page: extraction (worker) and storage (median of 20)
 *   rss_mb            resident memory after open and the operations above
 *   disk_mb           size of the library folder
 */

const SIZES = (process.env.DATELINE_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)

async function main(): Promise<void> {
  const [mode, sizeArg, folderArg] = process.argv.slice(2)
  if (mode === '--generate' && sizeArg && folderArg) return prepareLibrary(Number(sizeArg), folderArg)
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
  // A first open writes meta/head.json, as the app's first launch on a library does.
  await (await openApp({ libraryDir: folder })).close()
  // Flush the generated files, so that the fsyncs measured later do not pay for the set-up.
  execFileSync('sync')
  console.error(`  generated ${size} articles in ${Math.round(performance.now() - started)} ms`)
}

async function measure(size: number, folder: string): Promise<Record<string, number>> {
  const openStart = performance.now()
  const app = await openApp({ libraryDir: folder })
  const firstPage = await app.dispatch('articles.list', { limit: 50 })
  const openMs = performance.now() - openStart
  if (!firstPage.ok) throw new Error(firstPage.error.message)
  const [newest] = (firstPage.value as { items: ArticleSummary[] }).items
  const firstArticle = await app.dispatch('articles.get', { id: newest?.id })
  const firstArticleMs = performance.now() - openStart
  if (!firstArticle.ok) throw new Error(firstArticle.error.message)
  await app.library.ready()
  const fullLoadMs = performance.now() - openStart

  const listTimes: number[] = []
  for (let i = 0; i < 50; i++) {
    const start = performance.now()
    await app.dispatch('articles.list', { offset: (i * 997) % Math.max(1, size - 50), limit: 50 })
    listTimes.push(performance.now() - start)
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
  if (process.env.DATELINE_BENCH_DEBUG) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const { heapUsed, rss: rssAfterGc } = process.memoryUsage()
    console.error(
      `  heap used ${Math.round(heapUsed / 1e6)} MB, rss after gc ${Math.round(rssAfterGc / 1e6)} MB`,
    )
  }
  await app.close()
  return {
    articles: size,
    open_ms: round(openMs),
    first_article_ms: round(firstArticleMs),
    full_load_ms: round(fullLoadMs),
    list_page_ms: round(median(listTimes)),
    mark_read_p95_ms: round(percentile(markTimes, 0.95)),
    add_article_ms: round(median(addTimes)),
    rss_mb: round(rss / 1024 / 1024),
    disk_mb: round(diskMegabytes(folder)),
  }
}

/** Writes the library's files directly (no fsync): generation is set-up, not what is measured. */
async function generateLibrary(folder: string, size: number): Promise<void> {
  const layout = libraryLayout(folder)
  await mkdir(layout.metaDir, { recursive: true })
  await writeManifest(layout, newManifest(new Date()))
  const random = seededRandom(size)
  const shards = new Map<string, Record<string, ArticleSummary>>()
  const now = Date.now()
  const paragraphs = articleParagraphs(random)
  const text = paragraphs.join('\n\n')
  const html = paragraphs.map((p) => `<p>${p}</p>`).join('\n')
  const made = new Set<string>()
  for (let i = 0; i < size; i++) {
    const summary = syntheticSummary(random, i, now)
    const shard = shards.get(shardKey(summary.id)) ?? {}
    shard[summary.id] = summary
    shards.set(shardKey(summary.id), shard)
    const dir = join(layout.articlesDir, summary.id.slice(0, 2), summary.id)
    if (!made.has(dir)) await mkdir(dir, { recursive: true })
    made.add(dir)
    await writeFile(articleHtmlPath(layout, summary), html)
    await writeFile(articleTextPath(layout, summary), text)
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
