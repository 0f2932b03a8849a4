import { rm, mkdtemp, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openApp, type DatelineApp } from '../src/main/app'
import { articleParagraphs, seededRandom, syntheticSummary } from './synthetic-articles'
import { encodeRgbPng } from '../tests/helpers/images'

/**
 * `npm run bench:export [-- COUNT]`: a library of COUNT (1,000) synthetic articles, each with two
 * pictures of its own (~60 kB PNGs of noise, which do not compress), exported to EPUB and to a
 * Dateline archive, then the archive imported into an empty library. For each: the time, the
 * output's size, and the peak resident memory of the process while it ran (sampled every 10 ms)
 * above what it held before, and the peak held in Buffers, to show it stays flat however large
 * the export (the pictures alone are ~110 MB).
 */

const COUNT = Number(process.argv[2] ?? 1000)

/** A real PNG of random pixels: the size of a news photo's thumbnail, incompressible. */
function noisePng(random: () => number, width = 160, height = 120): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let i = 0; i < raw.length; i++) raw[i] = i % (width * 3 + 1) === 0 ? 0 : Math.floor(random() * 256)
  return encodeRgbPng(width, height, raw)
}

async function buildLibrary(app: DatelineApp): Promise<number> {
  const random = seededRandom(16)
  const start = Date.parse('2026-01-01T00:00:00Z')
  let pictureBytes = 0
  for (let i = 0; i < COUNT; i++) {
    const summary = syntheticSummary(random, i, start)
    const pictures: string[] = []
    for (let p = 0; p < 2; p++) {
      const png = noisePng(random)
      pictureBytes += png.length
      pictures.push(await app.library.media.store(png, 'png'))
    }
    const paragraphs = articleParagraphs(random)
    const html = [
      `<figure><img src="${pictures[0]}" alt="Picture one"><figcaption>The scene</figcaption></figure>`,
      ...paragraphs.slice(0, 5).map((p) => `<p>${p}</p>`),
      `<p><img src="${pictures[1]}" alt="Picture two"></p>`,
      ...paragraphs.slice(5).map((p) => `<p>${p}</p>`),
    ].join('\n')
    await app.library.putArticle(summary, { html, text: paragraphs.join('\n\n') })
  }
  return pictureBytes
}

interface Measured<T> {
  value: T
  seconds: number
  peakRssMb: number
  baselineRssMb: number
  /** Peak of the memory held in Buffers (where pictures live), which falls again when freed. */
  peakBuffersMb: number
}

async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  let buffers = process.memoryUsage().arrayBuffers
  const timer = setInterval(() => {
    const now = process.memoryUsage()
    peak = Math.max(peak, now.rss)
    buffers = Math.max(buffers, now.arrayBuffers)
  }, 10)
  const started = performance.now()
  const value = await work()
  const seconds = (performance.now() - started) / 1000
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { value, seconds, peakRssMb: mb(peak), baselineRssMb: mb(baseline), peakBuffersMb: mb(buffers) }
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'dateline-bench-export-'))
  try {
    const source = await openApp({ libraryDir: join(work, 'library'), extraction: 'inline' })
    const built = await measure(() => buildLibrary(source))
    console.log(
      `library: ${COUNT} articles, ${mb(built.value)} MB of pictures, built in ${built.seconds.toFixed(1)} s`,
    )
    for (const format of ['epub', 'archive'] as const) {
      const path = join(work, format === 'epub' ? 'library.epub' : 'library.dateline.zip')
      const run = await measure(async () => {
        const result = await source.dispatch('export.write', {
          selection: { kind: 'library' },
          format,
          destination: { kind: 'path', path },
        })
        if (!result.ok) throw new Error(result.error.message)
        return result.value as { articles: number; pictures: number }
      })
      const size = (await stat(path)).size
      console.log(
        JSON.stringify({
          bench: `export_${format}`,
          articles: run.value.articles,
          pictures: run.value.pictures,
          seconds: Number(run.seconds.toFixed(2)),
          output_mb: mb(size),
          rss_before_mb: run.baselineRssMb,
          rss_peak_mb: run.peakRssMb,
          rss_growth_mb: Math.round((run.peakRssMb - run.baselineRssMb) * 10) / 10,
          buffers_peak_mb: run.peakBuffersMb,
        }),
      )
    }
    await source.close()
    const target = await openApp({ libraryDir: join(work, 'restored'), extraction: 'inline' })
    const imported = await measure(async () => {
      const result = await target.dispatch('archive.import', { path: join(work, 'library.dateline.zip') })
      if (!result.ok) throw new Error(result.error.message)
      return result.value as { articlesAdded: number; pictures: number }
    })
    console.log(
      JSON.stringify({
        bench: 'import_archive',
        articles: imported.value.articlesAdded,
        pictures: imported.value.pictures,
        seconds: Number(imported.seconds.toFixed(2)),
        rss_before_mb: imported.baselineRssMb,
        rss_peak_mb: imported.peakRssMb,
        rss_growth_mb: Math.round((imported.peakRssMb - imported.baselineRssMb) * 10) / 10,
        buffers_peak_mb: imported.peakBuffersMb,
      }),
    )
    await target.close()
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

await main()
