import { mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { toErrorInfo } from '@shared/errors'
import { extractArticle } from '../src/main/ingest/extract'
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
 */

interface PageRecord {
  id: string
  heldOut: boolean
  score: number
  ms: number
  warnings: string[]
  error?: string
}

const outDir = '.bench'

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now()
  const value = fn()
  return [value, performance.now() - started]
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
    const [result, ms] = timed(() => extractText(page.html, page.url))
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
    const [result, ms] = timed(() => extractText(page.html, page.url))
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
  const sorted = records.map((r) => r.ms).sort((a, b) => a - b)
  const at = (f: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))] ?? 0
  return `p50 ${at(0.5).toFixed(0)} ms p95 ${at(0.95).toFixed(0)} ms max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`
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

function main(): void {
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
