import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import type { ExtractedArticle } from '@shared/article'
import { toErrorInfo } from '@shared/errors'
import { createWorkerExtractor, defaultWorkerPath } from '../src/main/ingest/extractor'
import { runExtractionJob } from '../src/main/ingest/extraction-job'
import { prepareCountryTagging } from '../src/main/ingest/tag-extracted'
import type { Extractor } from '../src/main/ingest/extractor-types'
import { FALLBACK_WARNINGS, type ReadingPath } from '../src/main/ingest/extract/wording'
import {
  articleExtractionDir,
  articleExtractionIds,
  readArticleExtractionPage,
  readTrafilaturaPage,
  trafilaturaEntries,
  trafilaturaEvalDir,
  worldPageFiles,
  worldPagesDir,
  type BenchmarkPage,
} from '../tests/fixtures/benchmark-pages'
import { MUTATIONS, seededRandom } from '../tests/fixtures/page-mutations'
import { storyRecall } from '../tests/fixtures/story-recall'

/*
 * Scores the extractor the app ships (the worker, linkedom, Readability and Dateline's cleaning) on
 * both development sets with each set's own scorer, and reports the fallbacks taken, the pages
 * refused, the time a page takes, and the robustness corpus: every page of the first set under
 * every mutation, and the world pages. `npm run bench:extraction` (`-- --no-sweep` skips the
 * corpus); DATELINE_EXTRACTION_BENCH / DATELINE_TRAFILATURA_BENCH point at other copies of the sets.
 *
 * Time is CPU time, as the machine is shared: each page's whole job (extraction, correspondents,
 * countries) runs once in-process and once through the worker, one right after the other, so both
 * meet the same load. The worker's start-up (loading, the country data) is timed apart, before the
 * first page, so the per-page figures are what each page costs a warm worker.
 */

/** The same bar as the unit test: a copy holding less than half the story's words lost it. */
const MIN_STORY_RECALL = 0.5
const SWEEP_SEED = 20_261_201
/** How many of the slowest pages of each set are listed. */
const SLOWEST = 20

interface SetRun {
  predictions: Record<string, string>
  times: number[]
  /** CPU time of the whole process while the worker read the page: its job and the copies of the messages. */
  cpuTimes: number[]
  /** CPU time of the same job done on this thread. */
  inProcessCpuTimes: number[]
  /** Page ids, in the order of the times above. */
  ids: string[]
  /** Pages whose text in-process differs from the worker's (should be none: the same code). */
  differing: string[]
  fellBack: Map<ReadingPath, string[]>
  refused: string[]
  failed: string[]
}

async function runSet(extractor: Extractor, pages: Iterable<BenchmarkPage>): Promise<SetRun> {
  const run: SetRun = {
    predictions: {},
    times: [],
    cpuTimes: [],
    inProcessCpuTimes: [],
    ids: [],
    differing: [],
    fellBack: new Map(),
    refused: [],
    failed: [],
  }
  for (const page of pages) {
    const request = { kind: 'html' as const, html: page.html, url: page.url }
    const inProcessStarted = process.cpuUsage()
    let inProcessText = ''
    try {
      inProcessText = runExtractionJob(request).text
    } catch {
      // Refusals and failures are counted from the worker's run below.
    }
    run.inProcessCpuTimes.push(cpuMs(process.cpuUsage(inProcessStarted)))
    run.ids.push(page.id)
    const started = performance.now()
    const startedCpu = process.cpuUsage()
    try {
      const article = await extractor.extract(request)
      run.predictions[page.id] = article.text
      const path = readingPathOf(article)
      if (path !== 'usual') run.fellBack.set(path, [...(run.fellBack.get(path) ?? []), page.id])
    } catch (error) {
      const info = toErrorInfo(error)
      ;(info.code === 'NOT_AN_ARTICLE' ? run.refused : run.failed).push(
        `${page.id}  ${info.code}: ${info.message}`,
      )
      run.predictions[page.id] = ''
    }
    run.times.push(performance.now() - started)
    run.cpuTimes.push(cpuMs(process.cpuUsage(startedCpu)))
    if ((run.predictions[page.id] ?? '') !== inProcessText) run.differing.push(page.id)
  }
  return run
}

/**
 * What the worker costs before its first page: the thread, its modules, the country data. Timed with
 * a one-line page, which it refuses at once; the CPU is the whole process's while the main thread waits.
 */
async function startUp(extractor: Extractor): Promise<{ cpu: number; wall: number }> {
  const started = performance.now()
  const startedCpu = process.cpuUsage()
  await extractor.extract({ kind: 'html', html: '<p>Start.</p>', url: null }).catch(() => null)
  return { cpu: cpuMs(process.cpuUsage(startedCpu)), wall: performance.now() - started }
}

/** The same for this thread: the country data, loaded once (the modules are loaded already). */
function inProcessStartUp(): number {
  const started = process.cpuUsage()
  prepareCountryTagging()
  runExtractionJob({ kind: 'html', html: '<p>Start.</p>', url: null })
  return cpuMs(process.cpuUsage(started))
}

function readingPathOf(article: ExtractedArticle): ReadingPath {
  for (const [path, warning] of Object.entries(FALLBACK_WARNINGS) as [ReadingPath, string | null][]) {
    if (warning !== null && article.warnings.includes(warning)) return path
  }
  return 'usual'
}

function report(name: string, run: SetRun, scorerLines: string[]): void {
  console.log(`\n== ${name}: ${Object.keys(run.predictions).length} pages`)
  for (const line of scorerLines) console.log(`  ${line}`)
  const fellBack = [...run.fellBack.values()].reduce((sum, ids) => sum + ids.length, 0)
  const paths = [...run.fellBack.entries()].map(([path, ids]) => `${path} ${ids.length}`).join(', ')
  console.log(`  fell back: ${fellBack}${fellBack > 0 ? ` (${paths})` : ''}`)
  for (const [path, ids] of run.fellBack) console.log(`    ${path}: ${ids.join(', ')}`)
  console.log(`  refused: ${run.refused.length}`)
  for (const line of run.refused) console.log(`    ${line}`)
  console.log(`  failed: ${run.failed.length}`)
  for (const line of run.failed) console.log(`    ${line}`)
  console.log(
    `  CPU per page, in-process (the worker's job on this thread): ${spread(run.inProcessCpuTimes)}`,
  )
  console.log(`  CPU per page, through the warm worker (job + messages):    ${spread(run.cpuTimes)}`)
  console.log(`  wall per page, through the worker (waits for a core too):  ${spread(run.times)}`)
  if (run.differing.length > 0) console.log(`  text differs in-process: ${run.differing.join(', ')}`)
  const slowest = run.ids
    .map((id, index) => [id, run.inProcessCpuTimes[index] ?? 0, run.cpuTimes[index] ?? 0] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, SLOWEST)
  console.log(`  slowest ${SLOWEST} (CPU in-process / through the worker):`)
  for (const [id, inProcess, worker] of slowest) {
    console.log(`    ${ms(inProcess).padStart(8)} / ${ms(worker).padStart(8)}  ${id}`)
  }
  console.log(`  load average (1 min) at the end: ${loadavg()[0]?.toFixed(1) ?? '?'}`)
}

function spread(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b)
  return `p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, max ${ms(sorted.at(-1) ?? 0)}`
}

/**
 * The worker runs in this process and the main thread only waits for it, so the process's CPU time
 * over one job is the page's cost without the time the page waited for a core on a loaded machine.
 */
function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000
}

function score(
  scorer: string,
  predictions: Record<string, string>,
  file: string,
  extraArgs: string[],
): string[] {
  const path = resolve(file)
  writeFileSync(path, JSON.stringify(predictions, null, 1))
  const scored = spawnSync(process.execPath, [scorer, path, ...extraArgs], { encoding: 'utf8' })
  const lines = `${scored.stdout}${scored.stderr}`.split('\n').filter((line) => line.trim() !== '')
  return [...lines, `(predictions: ${path})`]
}

async function robustnessSweep(extractor: Extractor, ids: string[]): Promise<void> {
  let passed = 0
  let total = 0
  const failures: string[] = []
  const perMutation = new Map<string, { passed: number; total: number }>()
  for (const id of ids) {
    const page = readArticleExtractionPage(id)
    for (const [index, mutation] of MUTATIONS.entries()) {
      const seed = SWEEP_SEED + index
      const html = mutation.apply({
        html: page.html,
        articleText: page.articleText,
        random: seededRandom(seed),
      })
      const tally = perMutation.get(mutation.name) ?? { passed: 0, total: 0 }
      total += 1
      tally.total += 1
      try {
        const article = await extractor.extract({ kind: 'html', html, url: page.url })
        const recall = storyRecall(article.text, page.articleText)
        if (recall >= MIN_STORY_RECALL) {
          passed += 1
          tally.passed += 1
        } else
          failures.push(
            `${id.slice(0, 16)} [${mutation.name}] seed ${seed}: ${recall.toFixed(2)} of the story`,
          )
      } catch (error) {
        failures.push(`${id.slice(0, 16)} [${mutation.name}] seed ${seed}: ${toErrorInfo(error).message}`)
      }
      perMutation.set(mutation.name, tally)
    }
  }
  for (const file of worldPageFiles()) {
    total += 1
    try {
      const html = readFileSync(join(worldPagesDir(), file), 'utf8')
      const article = await extractor.extract({ kind: 'html', html, url: null })
      if (article.text !== '') passed += 1
      else failures.push(`${file}: empty`)
    } catch (error) {
      failures.push(`${file}: ${toErrorInfo(error).message}`)
    }
  }
  console.log(`\n== Robustness corpus: ${passed}/${total} pass (no throw, no refusal, >= half the story)`)
  for (const [name, tally] of perMutation) console.log(`  ${name}: ${tally.passed}/${tally.total}`)
  for (const failure of failures) console.log(`  FAIL ${failure}`)
}

async function main(): Promise<void> {
  const extractor = createWorkerExtractor({ workerPath: defaultWorkerPath() })
  console.log(`load average (1 min) at the start: ${loadavg()[0]?.toFixed(1) ?? '?'}`)
  try {
    const worker = await startUp(extractor)
    console.log(`worker start-up (before its first page): CPU ${ms(worker.cpu)}, wall ${ms(worker.wall)}`)
    console.log(`in-process start-up (country data): CPU ${ms(inProcessStartUp())}`)
    const aeDir = articleExtractionDir()
    const ids = articleExtractionIds(aeDir)
    if (ids === null) console.log(`No article-extraction benchmark at ${aeDir}; skipped.`)
    else {
      const run = await runSet(
        extractor,
        ids.map((id) => readArticleExtractionPage(id, aeDir)),
      )
      const lines = score(join(aeDir, 'score.mjs'), run.predictions, 'bench-extraction-predictions.json', [
        '--n-bootstrap',
        '0',
      ])
      report('article-extraction', run, lines)
    }

    const tfDir = trafilaturaEvalDir()
    const entries = trafilaturaEntries(tfDir)
    if (entries === null || !existsSync(join(tfDir, 'score.mjs'))) {
      console.log(`No trafilatura-eval benchmark at ${tfDir}; skipped.`)
    } else {
      const pages = (function* (): Generator<BenchmarkPage> {
        for (const [url, entry] of entries) yield readTrafilaturaPage(url, entry, tfDir)
      })()
      const run = await runSet(extractor, pages)
      const lines = score(join(tfDir, 'score.mjs'), run.predictions, 'bench-extraction-trafilatura.json', [])
      report('trafilatura-eval', run, lines)
    }

    if (ids !== null && !process.argv.includes('--no-sweep')) await robustnessSweep(extractor, ids)
  } finally {
    await extractor.close()
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`
}

main().catch((error: unknown) => {
  console.error(toErrorInfo(error).message)
  process.exitCode = 1
})
