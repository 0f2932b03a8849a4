import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { prepareTagger, tagCountries } from '../src/main/countries'
import { seededRandom } from './synthetic-articles'

/**
 * `npm run bench:countries` (also run by `npm run bench`): the country tagger's cost, in a process
 * of its own so the memory figures are the tagger's.
 *   startup_ms          building the lexicon from the bundled data (once per process)
 *   rss_mb / heap_mb    resident memory and V8 heap the lexicon adds, after a GC
 *   tag_1000w_median_ms / _p95_ms  one 1,000-word article (news text dense with place names), wall clock
 *   tag_1000w_cpu_ms    the same, mean CPU time (steadier on a shared machine)
 *   retag_100k_s        100,000 such articles one after another: what `dateline retag` costs in CPU
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

/** Articles of 1,000 words made of the labelled stories (many languages, many places), shuffled. */
function thousandWordArticles(): Story[] {
  const stories = ['dev', 'held-out'].flatMap((file) => {
    const path = resolve('tests/fixtures/countries', `${file}.json`)
    return (JSON.parse(readFileSync(path, 'utf8')) as { stories: Story[] }).stories
  })
  const random = seededRandom(13)
  const articles: Story[] = []
  for (let i = 0; i < ARTICLES; i += 1) {
    const first = stories[Math.floor(random() * stories.length)]
    const paragraphs: string[] = []
    let words = 0
    while (words < WORDS) {
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

main()
