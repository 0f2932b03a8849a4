import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Extractor } from '../../src/main/ingest/extractor-types'
import { createWorkerExtractor } from '../../src/main/ingest/extractor'
import { STORY_PARAGRAPHS, newsPage, storyHtml } from '../fixtures/extract-pages'

const workerPath = resolve('out/main/extract-worker.js')
const built = existsSync(workerPath)
if (!built)
  console.log(`Skipping the extraction worker tests: ${workerPath} is not built (run electron-vite build).`)

/** Five thousand nested blocks: about 8 s of parsing and scoring on a laptop, far beyond the limits below. */
function hugePage(blocks = 5_000): string {
  const block = `<div class="c"><div><p>${STORY_PARAGRAPHS[0]} <a href="/x">link</a></p></div></div>`
  return newsPage(block.repeat(blocks))
}

describe('worker extractor', () => {
  let extractor: Extractor | null = null
  afterEach(async () => {
    await extractor?.close()
    extractor = null
  })

  it.skipIf(!built)('reads a page off the main thread and reuses the worker for the next page', async () => {
    extractor = createWorkerExtractor({ workerPath })
    const first = await extractor.extract({
      kind: 'html',
      html: newsPage(storyHtml()),
      url: 'https://example.test/a',
    })
    const second = await extractor.extract({
      kind: 'text',
      text: 'Headline\n\nA short story.',
      fileName: null,
    })
    expect(first.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    expect(second.title).toBe('Headline')
  })

  it.skipIf(!built)(
    'started before the first page, it reads that page without making it wait for its start-up',
    async () => {
      const cpuMs = (): number => {
        const usage = process.cpuUsage()
        return (usage.user + usage.system) / 1000
      }
      const request = { kind: 'html' as const, html: newsPage(storyHtml()), url: null }
      /** The CPU time from asking for the first page to having it, and the article. */
      const firstPage = async (reader: Extractor): Promise<{ ms: number; text: string }> => {
        const before = cpuMs()
        const article = await reader.extract(request)
        return { ms: cpuMs() - before, text: article.text }
      }
      const cold = createWorkerExtractor({ workerPath })
      const unprepared = await firstPage(cold).finally(() => cold.close())
      extractor = createWorkerExtractor({ workerPath })
      await extractor.prepare?.()
      const prepared = await firstPage(extractor)
      expect(prepared.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
      expect(prepared.text).toBe(unprepared.text)
      // Unprepared, the page waits for the worker's modules, country data and warm-up (most of a
      // second of CPU); prepared, only for itself (tens of milliseconds).
      expect(prepared.ms).toBeLessThan(unprepared.ms / 2)
    },
  )

  it.skipIf(!built)('stops a page that takes too long and still reads the next one', async () => {
    extractor = createWorkerExtractor({ workerPath, timeoutMs: 1500 })
    const slow = extractor.extract({ kind: 'html', html: hugePage(), url: null })
    const next = extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
    await expect(slow).rejects.toMatchObject({
      code: 'TIMEOUT',
      message:
        'Reading this page took too long (over 2 s), so Dateline stopped. The page may be unusually large or malformed.',
    })
    expect((await next).text).toBe(STORY_PARAGRAPHS.join('\n\n'))
  })

  it.skipIf(!built)(
    'lets a page finish that outlasts the limit on the clock while the machine gives the reader little CPU',
    async () => {
      // The reader gets a hundredth of a core: 300 ms of CPU would take 30 s of the clock.
      const startedAt = Date.now()
      extractor = createWorkerExtractor({
        workerPath,
        timeoutMs: 300,
        hardTimeoutMs: 60_000,
        cpuTimeMs: () => (Date.now() - startedAt) / 100,
      })
      await extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
      const before = Date.now()
      const article = await extractor.extract({ kind: 'html', html: hugePage(400), url: null })
      // Over the limit by the clock, which a wall-clock limit would have stopped.
      expect(Date.now() - before).toBeGreaterThan(300)
      expect(article.text).toContain(STORY_PARAGRAPHS[0])
    },
  )

  it.skipIf(!built)('stops a page at the hard wall-clock limit however little CPU it was given', async () => {
    // The CPU clock runs for the first page and stops for the second: a reader starved outright.
    let starved = false
    const cpuMs = (): number => {
      const usage = process.cpuUsage()
      return starved ? 0 : (usage.user + usage.system) / 1000
    }
    extractor = createWorkerExtractor({
      workerPath,
      timeoutMs: 1500,
      hardTimeoutMs: 3_000,
      cpuTimeMs: cpuMs,
    })
    await extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
    starved = true
    const before = Date.now()
    // Four times the huge page: still being read when the hard limit comes, however fast the machine.
    await expect(
      extractor.extract({ kind: 'html', html: hugePage(20_000), url: null }),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
    })
    expect(Date.now() - before).toBeGreaterThanOrEqual(3_000)
    starved = false
    const next = await extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
    expect(next.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
  })

  it.skipIf(!built)('passes NOT_AN_ARTICLE back from the worker as a typed error', async () => {
    extractor = createWorkerExtractor({ workerPath })
    await expect(
      extractor.extract({ kind: 'html', html: '<html><body><img src="a.jpg"></body></html>', url: null }),
    ).rejects.toMatchObject({ code: 'NOT_AN_ARTICLE' })
  })

  it.skipIf(!built)(
    'fails one job with EXTRACTION_FAILED when the worker cannot run, without hanging',
    async () => {
      extractor = createWorkerExtractor({ workerPath: resolve('out/main/no-such-worker.js') })
      await expect(extractor.extract({ kind: 'text', text: 'A\n\nB', fileName: null })).rejects.toMatchObject(
        {
          code: 'EXTRACTION_FAILED',
        },
      )
    },
  )

  it.skipIf(!built)(
    'fails a page that outgrows the memory limit with a clear message, then reads the next page in a fresh worker',
    async () => {
      // A limit far below the default (512 MB), so a few megabytes of markup exceed it in a test's time;
      // above what the worker needs at rest with the country tagger's data loaded (~35 MB of heap).
      extractor = createWorkerExtractor({
        workerPath,
        resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 },
      })
      const before = await extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
      expect(before.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
      const block = `<div class="c"><p>${STORY_PARAGRAPHS[1]} <a href="/x">link</a></p></div>`
      await expect(
        extractor.extract({ kind: 'html', html: newsPage(block.repeat(40_000)), url: null }),
      ).rejects.toMatchObject({
        code: 'TOO_LARGE',
        message: expect.stringContaining('This page is too large for Dateline to read'),
      })
      const after = await extractor.extract({ kind: 'html', html: newsPage(storyHtml()), url: null })
      expect(after.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    },
  )

  it.skipIf(!built)('reads a page nested 30,000 levels deep instead of overflowing', async () => {
    extractor = createWorkerExtractor({ workerPath, timeoutMs: 15_000 })
    const deep = newsPage(`${'<div>'.repeat(30_000)}${storyHtml()}${'</div>'.repeat(30_000)}`)
    const article = await extractor.extract({ kind: 'html', html: deep, url: null })
    expect(article.text).toBe(STORY_PARAGRAPHS.join('\n\n'))
    expect(article.warnings).toContain(
      'This page’s markup is nested unusually deeply, so Dateline flattened it to read it; some of its layout may be lost.',
    )
  })
})
