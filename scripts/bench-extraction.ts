import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { toErrorInfo } from '@shared/errors'
import { createWorkerExtractor, defaultWorkerPath } from '../src/main/ingest/extractor'

/*
 * Scores the extractor the app ships (the worker, linkedom, Readability and Dateline's cleaning) on
 * the article-extraction benchmark, and reports how long a page takes through the worker.
 * `npm run bench:extraction`; DATELINE_EXTRACTION_BENCH points at another copy of the benchmark.
 */

const PREDICTIONS_FILE = 'bench-extraction-predictions.json'

interface GroundTruthEntry {
  url: string
}

async function main(): Promise<void> {
  const bench = resolve(process.env.DATELINE_EXTRACTION_BENCH ?? '../shared/benchmarks/article-extraction')
  const truthFile = join(bench, 'ground-truth.json')
  if (!existsSync(truthFile)) {
    console.log(`No extraction benchmark at ${bench}; nothing to measure.`)
    return
  }
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, GroundTruthEntry>
  const ids = Object.keys(truth).sort()
  const extractor = createWorkerExtractor({ workerPath: defaultWorkerPath() })
  const predictions: Record<string, string> = {}
  const times: number[] = []
  const failures: string[] = []
  try {
    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(bench, 'html', `${id}.html.gz`))).toString('utf8')
      const started = performance.now()
      try {
        const article = await extractor.extract({ kind: 'html', html, url: truth[id]?.url ?? null })
        predictions[id] = article.text
      } catch (error) {
        const info = toErrorInfo(error)
        failures.push(`${id.slice(0, 16)}  ${info.code}: ${info.message}`)
        predictions[id] = ''
      }
      times.push(performance.now() - started)
    }
  } finally {
    await extractor.close()
  }

  const predictionsPath = resolve(PREDICTIONS_FILE)
  writeFileSync(predictionsPath, JSON.stringify(predictions, null, 1))
  console.log(`Extracted ${ids.length} pages (${failures.length} without text) -> ${predictionsPath}`)
  for (const failure of failures) console.log(`  ${failure}`)
  const scored = spawnSync(
    process.execPath,
    [join(bench, 'score.mjs'), predictionsPath, '--n-bootstrap', '0'],
    {
      stdio: 'inherit',
    },
  )
  const sorted = [...times].sort((a, b) => a - b)
  console.log(
    `Time per page through the worker: p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, max ${ms(sorted.at(-1) ?? 0)}`,
  )
  process.exitCode = scored.status ?? 1
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
