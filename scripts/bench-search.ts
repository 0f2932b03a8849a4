import { existsSync } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SqlDatabase } from '../src/main/library/database'
import { parseQuery } from '../src/main/search/query-parser'
import { searchArticles } from '../src/main/search/search-library'
import { buildSnippet, highlightAll } from '../src/main/search/snippets'
import { buildVocabulary, zipfBody, type Vocabulary } from './search-corpus'
import { seededRandom } from './synthetic-articles'
import { writeZipfLibrary } from './zipf-library'

/**
 * `npm run bench:search [-- SIZE [DIR]]`: search speed over a library database of SIZE (100,000)
 * synthetic ~800-word articles whose words follow Zipf's law (scripts/search-corpus.ts), written
 * through the store's own row writer (articles, countries, correspondents, full-text index).
 * The database is kept in DIR (default: a folder under /tmp) and reused by later runs.
 *
 *   search_p50_ms / search_p95_ms   one page of 30 results for a mix of queries, each with and
 *                                   without a country filter (ranking and rows, as articles.list)
 *   snippets_ms                      headline and snippet of those 30 results (median)
 *   index_build_s                    writing the rows and the index (first run only)
 */

const SITES = ['EU Today', 'The Guardian', 'Reuters', 'BBC News', 'Le Monde', 'Kyiv Independent']

export function benchVocabulary(): Vocabulary {
  return buildVocabulary(60_000, seededRandom(12))
}

/**
 * The query mix, chosen by frequency rank rather than by word, so it means the same on any
 * corpus of this kind: common words (ranks 60–200, each in 30–75% of articles), a mid-frequency
 * and a rare word, prefixes as typed, phrases of common words.
 */
export function searchMix(vocabulary: Vocabulary): string[] {
  const w = (rank: number): string => vocabulary.words[rank - 1]!
  return [
    w(60),
    `${w(80)} ${w(120)}`,
    `${w(60)} ${w(150)} ${w(200)}`,
    w(2_000),
    w(20_000),
    w(60).slice(0, 3),
    `${w(150)} ${w(400).slice(0, 4)}`,
    `"${w(60)} ${w(80)}"`,
    `"${w(3)} ${w(1)}"`,
    `${w(300)} -${w(120)}`,
  ]
}

async function build(file: string, size: number): Promise<number> {
  const started = performance.now()
  const db = SqlDatabase.open(file)
  try {
    const site = (random: () => number): string => SITES[Math.floor(random() * SITES.length)]!
    writeZipfLibrary(db, size, benchVocabulary(), { words: 800, excerptWords: 30, site }, 7, 10_000)
  } finally {
    db.close()
  }
  return (performance.now() - started) / 1000
}

export interface SearchFigures {
  search_p50_ms: number
  search_p95_ms: number
  search_max_ms: number
  /** The same in CPU time of this process: what a busy machine's waits for a core leave out. */
  search_cpu_p50_ms: number
  search_cpu_p95_ms: number
  snippets_ms: number
}

/** Times the mix on an open library database, three rounds after one warm-up round. */
export function measureSearch(db: SqlDatabase, queries: string[], country = 'PL'): SearchFigures {
  const times: number[] = []
  const cpuTimes: number[] = []
  const snippetTimes: number[] = []
  const vocabulary = benchVocabulary()
  const random = seededRandom(99)
  const texts = Array.from({ length: 30 }, () => zipfBody(vocabulary, random, 800))
  for (let round = 0; round < 4; round++) {
    for (const query of queries) {
      for (const filter of [{ query }, { query, country }]) {
        const start = performance.now()
        const cpuStart = process.cpuUsage()
        const page = db.read(() =>
          searchArticles(db, {
            filter: { state: 'all', ...filter },
            sort: 'relevance',
            offset: 0,
            limit: 30,
          }),
        )
        const cpu = process.cpuUsage(cpuStart)
        const took = performance.now() - start
        if (round > 0) times.push(took)
        if (round > 0) cpuTimes.push((cpu.user + cpu.system) / 1000)
        const snippetStart = performance.now()
        page.items.forEach((article, i) => {
          highlightAll(article.title, page.query.include)
          buildSnippet(texts[i % texts.length]!, page.query.include)
        })
        if (round > 0) snippetTimes.push(performance.now() - snippetStart)
      }
    }
  }
  const at = (values: number[], p: number): number => {
    const sorted = [...values].sort((a, b) => a - b)
    return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!)
  }
  return {
    search_p50_ms: at(times, 0.5),
    search_p95_ms: at(times, 0.95),
    search_max_ms: at(times, 1),
    search_cpu_p50_ms: at(cpuTimes, 0.5),
    search_cpu_p95_ms: at(cpuTimes, 0.95),
    snippets_ms: round([...snippetTimes].sort((a, b) => a - b)[Math.floor(snippetTimes.length / 2)]!),
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

async function main(): Promise<void> {
  const size = Number(process.argv[2] ?? 100_000)
  const dir = process.argv[3] ?? `/tmp/dateline-bench-search-${size}`
  const file = join(dir, 'library.db')
  let indexBuildS: number | null = null
  if (!existsSync(file)) {
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    indexBuildS = await build(file, size)
  }
  // As the app holds it (`host`): the lock kept from the first statement, one read per answer.
  const db = SqlDatabase.open(file, { readOnly: true, exclusive: true })
  try {
    const queries = searchMix(benchVocabulary())
    // Per query, for the table in docs/benchmarks.md.
    const perQuery = Object.fromEntries(
      queries.flatMap((query) =>
        [undefined, 'PL'].map((country) => {
          const filter = { state: 'all' as const, query, ...(country ? { country } : {}) }
          const run = (): ReturnType<typeof searchArticles> =>
            db.read(() => searchArticles(db, { filter, sort: 'relevance', offset: 0, limit: 30 }))
          const first = run()
          const took: number[] = []
          const cpu: number[] = []
          for (let i = 0; i < 5; i++) {
            const start = performance.now()
            const cpuStart = process.cpuUsage()
            run()
            const used = process.cpuUsage(cpuStart)
            took.push(performance.now() - start)
            cpu.push((used.user + used.system) / 1000)
          }
          const label = `${query}${country ? ` [${country}]` : ''}`
          const bound = first.totalIsLowerBound ? '≥' : ''
          const mid = (values: number[]): number => round(values.sort((a, b) => a - b)[2]!)
          return [label, `${mid(took)} ms (cpu ${mid(cpu)}), ${bound}${first.total} found`]
        }),
      ),
    )
    console.error(perQuery)
    console.error(parseQuery(queries[0]!).match)
    const figures = measureSearch(db, queries)
    const dbMb = round((await stat(file)).size / 1e6)
    console.log(JSON.stringify({ articles: size, ...figures, index_build_s: indexBuildS, db_mb: dbMb }))
  } finally {
    db.close()
  }
}

if (process.argv[1]?.endsWith('bench-search.js')) await main()
