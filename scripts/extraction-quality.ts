import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { toErrorInfo } from '@shared/errors'
import { extractArticle, extractArticleAndPage } from '../src/main/ingest/extract'
import { withCorrespondents } from '../src/main/ingest/credit-extracted'
import { prepareCountryTagging, withCountries } from '../src/main/ingest/tag-extracted'
import {
  articleExtractionDir,
  articleExtractionIds,
  readArticleExtractionPage,
  readTrafilaturaPage,
  trafilaturaEntries,
  trafilaturaEvalDir,
} from '../tests/fixtures/benchmark-pages'
import {
  isHeldOut,
  shingleF1,
  shingleScore,
  snippetF1,
  snippetScore,
  type ShinglePage,
  type SnippetPage,
} from '../tests/fixtures/extraction-scores'

/*
 * The extractor in-process on both development sets, split into dev and held-out pages, with the
 * time each page took and a per-page record in .bench/ so two runs can be compared page by page:
 * `node out/main/extraction-quality.js [--set ae|tf] [--compare]`. The benchmark
 * (bench-extraction) measures the shipped worker; this is the quick loop for working on quality.
 * `--job` instead times, in CPU, each step of the worker's whole job on every page of both sets.
 */

interface PageRecord {
  id: string
  heldOut: boolean
  score: number
  ms: number
  /** CPU time of the extraction alone, which a loaded machine does not inflate as it does `ms`. */
  cpuMs: number
  warnings: string[]
  error?: string
}

const outDir = '.bench'

function timed<T>(fn: () => T): [T, number, number] {
  const started = performance.now()
  const startedCpu = process.cpuUsage()
  const value = fn()
  const cpu = process.cpuUsage(startedCpu)
  return [value, performance.now() - started, (cpu.user + cpu.system) / 1000]
}

function extractText(html: string, url: string | null): { text: string; warnings: string[]; error?: string } {
  try {
    const article = extractArticle({ kind: 'html', html, url })
    return { text: article.text, warnings: article.warnings }
  } catch (error) {
    return { text: '', warnings: [], error: toErrorInfo(error).message }
  }
}

function runArticleExtraction(): PageRecord[] {
  const ids = articleExtractionIds(articleExtractionDir()) ?? []
  const records: PageRecord[] = []
  const scores: [ShinglePage, boolean][] = []
  const texts: Record<string, string> = {}
  ids.forEach((id, index) => {
    const page = readArticleExtractionPage(id)
    const [result, ms, cpuMs] = timed(() => extractText(page.html, page.url))
    texts[id] = result.text
    const score = shingleScore(page.articleText, result.text)
    const heldOut = isHeldOut(index)
    scores.push([score, heldOut])
    const p = score.precision ?? 0
    const r = score.recall ?? 0
    records.push({
      id,
      heldOut,
      score: p + r === 0 ? 0 : (2 * p * r) / (p + r),
      ms,
      cpuMs,
      ...result,
      text: undefined,
    } as PageRecord)
  })
  writeFileSync(join(outDir, 'ae-texts.json'), JSON.stringify(texts))
  const dev = shingleF1(scores.filter(([, h]) => !h).map(([s]) => s))
  const held = shingleF1(scores.filter(([, h]) => h).map(([s]) => s))
  const all = shingleF1(scores.map(([s]) => s))
  console.log(
    `article-extraction: F1 all ${all.toFixed(4)}  dev ${dev.toFixed(4)}  held-out ${held.toFixed(4)}`,
  )
  return records
}

function runTrafilatura(): PageRecord[] {
  const entries = trafilaturaEntries(trafilaturaEvalDir()) ?? []
  const records: PageRecord[] = []
  const scores: [SnippetPage, boolean][] = []
  const only = process.env.ONLY
  const texts: Record<string, string> = {}
  entries.forEach(([url, entry], index) => {
    if (only !== undefined && !entry.file.includes(only)) return
    const page = readTrafilaturaPage(url, entry)
    const [result, ms, cpuMs] = timed(() => extractText(page.html, page.url))
    const score = snippetScore(entry.with, entry.without, result.text)
    const heldOut = isHeldOut(index)
    scores.push([score, heldOut])
    const total = entry.with.length + entry.without.length
    texts[entry.file] = result.text
    records.push({
      id: entry.file,
      heldOut,
      score: total === 0 ? 1 : (score.tp + score.tn) / total,
      ms,
      cpuMs,
      warnings: result.warnings,
      ...(result.error === undefined ? {} : { error: result.error }),
    })
    if (only !== undefined) {
      writeFileSync(join(outDir, `tf-${entry.file}.txt`), result.text)
      console.log(entry.file, score, result.warnings, result.error ?? '')
      for (const s of entry.with)
        if (!result.text.replace(/\s+/g, ' ').includes(s.replace(/\s+/g, ' ').trim()))
          console.log('  MISSING', s)
      for (const s of entry.without)
        if (result.text.replace(/\s+/g, ' ').includes(s.replace(/\s+/g, ' ').trim()))
          console.log('  LEAKED', s)
    }
  })
  if (only === undefined) writeFileSync(join(outDir, 'tf-texts.json'), JSON.stringify(texts))
  const fmt = (pages: SnippetPage[]): string => {
    const { precision, recall, f1 } = snippetF1(pages)
    return `${f1.toFixed(4)} (P ${precision.toFixed(3)} R ${recall.toFixed(3)})`
  }
  console.log(
    `trafilatura-eval: F1 all ${fmt(scores.map(([s]) => s))}  dev ${fmt(scores.filter(([, h]) => !h).map(([s]) => s))}  held-out ${fmt(scores.filter(([, h]) => h).map(([s]) => s))}`,
  )
  return records
}

function times(records: PageRecord[]): string {
  const spread = (values: number[]): string => {
    const sorted = [...values].sort((a, b) => a - b)
    const at = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))] ?? 0
    return `p50 ${at(0.5).toFixed(0)} ms p95 ${at(0.95).toFixed(0)} ms max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`
  }
  return `wall ${spread(records.map((r) => r.ms))}; CPU ${spread(records.map((r) => r.cpuMs))}; load ${loadavg()[0]?.toFixed(1) ?? '?'}`
}

function compare(name: string, records: PageRecord[]): void {
  const file = join(outDir, `quality-${name}.json`)
  const base = join(outDir, `quality-${name}-base.json`)
  if (process.argv.includes('--compare') && existsSync(base)) {
    const before = new Map((JSON.parse(readFileSync(base, 'utf8')) as PageRecord[]).map((r) => [r.id, r]))
    for (const record of records) {
      const old = before.get(record.id)
      if (old === undefined || Math.abs(old.score - record.score) < 1e-9) continue
      console.log(
        `  ${record.score > old.score ? '+' : '-'} ${record.id} ${old.score.toFixed(2)} -> ${record.score.toFixed(2)}`,
      )
    }
  }
  if (!process.argv.includes('--no-save')) writeFileSync(file, JSON.stringify(records))
}

/**
 * CPU per page of each step the worker runs for a page (extraction, bylines, countries), and of the
 * whole job done the old way (the page parsed again for the bylines), interleaved page by page so a
 * changing load weighs on both alike.
 */
function timeWorkerJob(): void {
  prepareCountryTagging()
  const steps = {
    extraction: [] as number[],
    correspondents: [] as number[],
    countries: [] as number[],
    'job, page parsed once': [] as number[],
    'job, page parsed again for the bylines': [] as number[],
  }
  const cpu = (): number => {
    const usage = process.cpuUsage()
    return (usage.user + usage.system) / 1000
  }
  const pages = [
    ...(articleExtractionIds(articleExtractionDir()) ?? []).map((id) => readArticleExtractionPage(id)),
    ...(trafilaturaEntries(trafilaturaEvalDir()) ?? []).map(([url, entry]) =>
      readTrafilaturaPage(url, entry),
    ),
  ]
  for (const page of pages) {
    const request = { kind: 'html' as const, html: page.html, url: page.url }
    try {
      let started = cpu()
      withCountries(withCorrespondents(extractArticle(request), request))
      steps['job, page parsed again for the bylines'].push(cpu() - started)
      const jobStarted = cpu()
      started = jobStarted
      const { article, page: served } = extractArticleAndPage(request)
      steps.extraction.push(cpu() - started)
      started = cpu()
      const credited = withCorrespondents(article, request, served)
      steps.correspondents.push(cpu() - started)
      started = cpu()
      withCountries(credited)
      steps.countries.push(cpu() - started)
      steps['job, page parsed once'].push(cpu() - jobStarted)
    } catch {
      // A refused page costs its extraction only; the quality run reports it.
    }
  }
  for (const [step, values] of Object.entries(steps)) {
    const sorted = [...values].sort((a, b) => a - b)
    const at = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))] ?? 0
    const total = values.reduce((sum, value) => sum + value, 0)
    console.log(
      `${step}: CPU p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, total ${(total / 1000).toFixed(1)} s`,
    )
  }
  console.log(`load average (1 min): ${loadavg()[0]?.toFixed(1) ?? '?'}`)
}

function main(): void {
  if (process.argv.includes('--job')) {
    timeWorkerJob()
    return
  }
  mkdirSync(outDir, { recursive: true })
  const set = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'both'
  if (set === 'ae' || set === 'both') {
    const records = runArticleExtraction()
    console.log(`  in-process ${times(records)}; errors ${records.filter((r) => r.error).length}`)
    compare('ae', records)
  }
  if (set === 'tf' || set === 'both') {
    const records = runTrafilatura()
    console.log(`  in-process ${times(records)}; errors ${records.filter((r) => r.error).length}`)
    for (const r of records.filter((r) => r.error)) console.log(`    ${r.id}: ${r.error}`)
    if (process.env.ONLY === undefined) compare('tf', records)
  }
}

main()
