import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkerJob, WorkerMessage, WorkerReply } from '../../src/main/ingest/extract/protocol'
import { runExtractionJob } from '../../src/main/ingest/extraction-job'
import type { ExtractRequest } from '../../src/main/ingest/extractor-types'

const workerPath = resolve('out/main/extract-worker.js')
const built = existsSync(workerPath)
if (!built)
  console.log(`Skipping the worker warm-up test: ${workerPath} is not built (run electron-vite build).`)

/** A Drupal paper's story with a printed byline ("Von Jana Krüger") and a dated line under it. */
const request: ExtractRequest = {
  kind: 'html',
  html: readFileSync(resolve('tests/fixtures/world-pages/cms-drupal.html'), 'utf8'),
  url: 'https://kreiszeitung-nord.example/lokales/buslinie',
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000

describe('extraction worker start-up', () => {
  let worker: Worker | null = null
  afterEach(async () => {
    await worker?.terminate()
    worker = null
  })

  it.skipIf(!built)(
    'reads the first page after it reports ready as cheaply as a warm worker does, and the same way',
    async () => {
      const started = new Worker(workerPath)
      worker = started
      const next = (): Promise<WorkerMessage> =>
        new Promise((settle) => started.once('message', (message: WorkerMessage) => settle(message)))
      expect(await next()).toEqual({ ready: true })
      let id = 0
      /** One job, and the CPU time this process spent while the worker read it. */
      const read = async (): Promise<{ reply: WorkerReply; ms: number }> => {
        const before = process.cpuUsage()
        started.postMessage({ id: ++id, request } satisfies WorkerJob)
        const reply = (await next()) as WorkerReply
        return { reply, ms: cpuMs(process.cpuUsage(before)) }
      }
      const first = await read()
      const warm = Math.min((await read()).ms, (await read()).ms)
      // Before the warm-up, compiling the byline patterns made the first page cost ~25 times a warm
      // one (1.5 s against 60 ms of CPU); a warm worker's later pages are faster still from V8's
      // optimising, so the bar leaves room for that and for a loaded machine.
      expect(first.ms).toBeLessThan(4 * warm + 100)
      // The warm-up leaves nothing behind that changes what a page reads as.
      expect(first.reply).toEqual({ id: 1, ok: true, value: runExtractionJob(request) })
    },
    30_000,
  )
})
