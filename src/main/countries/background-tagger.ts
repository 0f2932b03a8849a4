import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CountryTag, TagInput } from './tag-countries'

/** Tags many articles without holding up the thread that asks (see tag-worker.ts). */
export interface BackgroundTagger {
  /** One result per input, in order; null where the tagger failed on that article. */
  tag(inputs: TagInput[]): Promise<(CountryTag[] | null)[]>
  close(): Promise<void>
}

export interface TagBatch {
  id: number
  inputs: TagInput[]
}

export interface TagBatchReply {
  id: number
  tags: (CountryTag[] | null)[]
}

/**
 * The tagger's data takes ~150 MB once indexed; a batch of long articles adds little to that. Past
 * this V8 stops the worker and re-tagging ends with a message instead of the app running out.
 */
const TAG_WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 48 }

/**
 * The built worker when there is one (the app, the CLI, serve), else the tagger on this thread
 * between awaits (unit tests run from source, where no worker is built).
 */
export function createBackgroundTagger(workerPath: string | null = defaultTagWorkerPath()): BackgroundTagger {
  return workerPath !== null && existsSync(workerPath) ? workerTagger(workerPath) : inlineTagger()
}

function inlineTagger(): BackgroundTagger {
  return {
    tag: async (inputs) => {
      const { tagCountries } = await import('./tag-countries')
      return inputs.map((input) => {
        try {
          return tagCountries(input)
        } catch {
          return null
        }
      })
    },
    close: async () => {},
  }
}

function workerTagger(workerPath: string): BackgroundTagger {
  let worker: Worker | null = null
  let nextId = 1
  const waiting = new Map<
    number,
    { resolve: (tags: TagBatchReply['tags']) => void; reject: (e: Error) => void }
  >()

  const failAll = (error: Error): void => {
    for (const pending of waiting.values()) pending.reject(error)
    waiting.clear()
    worker = null
  }
  const start = (): Worker => {
    const started = new Worker(workerPath, { resourceLimits: TAG_WORKER_LIMITS })
    started.on('message', (message: TagBatchReply | { ready: true }) => {
      if (!('id' in message)) return
      const pending = waiting.get(message.id)
      waiting.delete(message.id)
      pending?.resolve(message.tags)
    })
    started.on('error', (error) => failAll(new Error(`the country tagger stopped (${error.message})`)))
    started.on('exit', (code) => failAll(new Error(`the country tagger stopped (exit code ${code})`)))
    return started
  }

  return {
    tag: (inputs) =>
      new Promise((resolve, reject) => {
        worker ??= start()
        const id = nextId++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, inputs } satisfies TagBatch)
      }),
    close: async () => {
      const running = worker
      worker = null
      if (running === null) return
      running.removeAllListeners()
      running.on('error', () => {})
      await running.terminate()
    },
  }
}

/** Beside the bundle that imports this module, or its parent when the bundler made a chunk folder. */
export function defaultTagWorkerPath(): string {
  const beside = fileURLToPath(new URL('./tag-worker.js', import.meta.url))
  const parent = fileURLToPath(new URL('../tag-worker.js', import.meta.url))
  return existsSync(beside) || !existsSync(parent) ? beside : parent
}
