import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { ExtractedArticle } from '@shared/article'
import { toErrorInfo } from '@shared/errors'
import { extractArticleAndPage } from '../src/main/ingest/extract'
import { withCorrespondents } from '../src/main/ingest/credit-extracted'
import { prepareCountryTagging, withCountries } from '../src/main/ingest/tag-extracted'
import {
  articleExtractionDir,
  articleExtractionIds,
  readArticleExtractionPage,
  readTrafilaturaPage,
  trafilaturaEntries,
  trafilaturaEvalDir,
  type BenchmarkPage,
} from '../tests/fixtures/benchmark-pages'

/*
 * A speed change must not change what is read. This runs the worker's whole job in-process (the
 * extraction, the correspondents, the countries) on every page of both development sets and keeps
 * every field of every result, so two builds can be compared field by field:
 *   node out/main/extraction-identity.js --save before      (writes .bench/identity-before.json)
 *   node out/main/extraction-identity.js --compare before   (exit code 1 on any difference)
 * `--only TEXT[,TEXT…]` takes the pages whose id holds one of the TEXTs; `--limit N` takes the first N pages of each set (for profiling with `node --cpu-prof`); `--slowest N`
 * lists the N pages that took the most CPU time.
 */

type Outcome = { article: ExtractedArticle } | { error: string }

const outDir = '.bench'

function argument(name: string): string | null {
  const at = process.argv.indexOf(name)
  return at === -1 ? null : (process.argv[at + 1] ?? null)
}

function* pages(limit: number, only: string | null): Generator<BenchmarkPage> {
  const wanted = only?.split(',') ?? null
  const taken = (id: string): boolean => wanted === null || wanted.some((text) => id.includes(text))
  const ids = articleExtractionIds(articleExtractionDir()) ?? []
  for (const id of ids.slice(0, limit)) {
    if (taken(`ae/${id}`)) yield { ...readArticleExtractionPage(id), id: `ae/${id}` }
  }
  const entries = trafilaturaEntries(trafilaturaEvalDir()) ?? []
  for (const [url, entry] of entries.slice(0, limit)) {
    if (!taken(`tf/${entry.file}`)) continue
    const page = readTrafilaturaPage(url, entry)
    yield { ...page, id: `tf/${page.id}` }
  }
}

function job(page: BenchmarkPage): Outcome {
  const request = { kind: 'html' as const, html: page.html, url: page.url }
  try {
    const { article, page: tree } = extractArticleAndPage(request)
    return { article: withCountries(withCorrespondents(article, request, tree)) }
  } catch (error) {
    const info = toErrorInfo(error)
    return { error: `${info.code}: ${info.message}` }
  }
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000
}

/** The fields that differ between two outcomes of one page, each with a short excerpt. */
function differences(before: Outcome, after: Outcome): string[] {
  if ('error' in before || 'error' in after) {
    const a = 'error' in before ? before.error : 'an article'
    const b = 'error' in after ? after.error : 'an article'
    return a === b ? [] : [`outcome: ${a} -> ${b}`]
  }
  const found: string[] = []
  const keys = new Set([...Object.keys(before.article), ...Object.keys(after.article)])
  for (const key of keys) {
    const a = JSON.stringify((before.article as unknown as Record<string, unknown>)[key])
    const b = JSON.stringify((after.article as unknown as Record<string, unknown>)[key])
    if (a === b) continue
    let at = 0
    while (at < a.length && a[at] === b[at]) at += 1
    found.push(
      `${key}: …${a.slice(Math.max(0, at - 40), at + 60)}… -> …${b.slice(Math.max(0, at - 40), at + 60)}…`,
    )
  }
  return found
}

function main(): void {
  const limit = Number(argument('--limit') ?? Infinity)
  const save = argument('--save')
  const compare = argument('--compare')
  const slowest = Number(argument('--slowest') ?? 0)
  prepareCountryTagging()
  const outcomes: Record<string, Outcome> = {}
  const times: [string, number][] = []
  console.log(`load average (1 min) at the start: ${loadavg()[0]?.toFixed(1) ?? '?'}`)
  for (const page of pages(limit, argument('--only'))) {
    const started = process.cpuUsage()
    outcomes[page.id] = job(page)
    times.push([page.id, cpuMs(process.cpuUsage(started))])
  }
  const sorted = times.map(([, ms]) => ms).sort((a, b) => a - b)
  const at = (fraction: number): string =>
    (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0).toFixed(0)
  const total = sorted.reduce((sum, ms) => sum + ms, 0)
  console.log(
    `${times.length} pages, whole job in-process, CPU per page: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, ` +
      `max ${at(1)} ms, total ${(total / 1000).toFixed(1)} s; load average (1 min) ${loadavg()[0]?.toFixed(1) ?? '?'}`,
  )
  if (slowest > 0) {
    for (const [id, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, slowest)) {
      console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${id}`)
    }
  }
  mkdirSync(outDir, { recursive: true })
  if (save !== null) writeFileSync(join(outDir, `identity-${save}.json`), JSON.stringify(outcomes))
  if (compare !== null) {
    const file = join(outDir, `identity-${compare}.json`)
    if (!existsSync(file)) throw new Error(`No ${file}; run with --save ${compare} first.`)
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Outcome>
    let changed = 0
    for (const [id, outcome] of Object.entries(outcomes)) {
      const old = before[id]
      const found = old === undefined ? ['not in the saved run'] : differences(old, outcome)
      if (found.length === 0) continue
      changed += 1
      console.log(`DIFF ${id}`)
      for (const line of found) console.log(`  ${line}`)
    }
    console.log(`${changed} of ${Object.keys(outcomes).length} pages differ from ${file}`)
    if (changed > 0) process.exitCode = 1
  }
}

main()
