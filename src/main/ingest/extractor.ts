import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { ExtractedArticle } from '@shared/article'
import { DatelineError, toErrorInfo } from '@shared/errors'
import type { WorkerJob, WorkerMessage } from './extract/protocol'
import type { Extractor, ExtractRequest } from './extractor-types'

/**
 * The CPU time one page may take. The slowest of 1,171 real pages took under 2 s on a busy 2-core
 * machine; a person can wait this long.
 */
const DEFAULT_TIMEOUT_MS = 20_000
/**
 * However little CPU the machine gives the reader, a page is stopped after this many times its CPU
 * allowance of wall-clock time, so a page that hangs without spinning cannot hold the queue forever.
 */
const HARD_LIMIT_FACTOR = 5
/** Loading the worker (linkedom, Readability) is not the page's fault, so it gets time of its own. */
const START_UP_ALLOWANCE_MS = 15_000

/** CPU time this process has used, in ms: the worker thread's time included, as the worker is ours. */
function processCpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
/** A job under its limits is looked at again no sooner than this, so a nearly spent one is not polled. */
const MIN_RECHECK_MS = 100

/**
 * What one page may cost the reader. A 10 MB paste once grew the worker past 1 GB; past these limits
 * V8 stops the worker instead, the page fails with a clear message and the next page gets a fresh
 * worker. 512 MB is over ten times what the largest real page of the benchmarks needs.
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 48,
  // Readability recurses over the tree; nesting is flattened past 128 levels, this is the margin.
  stackSizeMb: 8,
}

/** Extracts on the calling thread: for unit tests, and as a fallback when no worker can start. */
export function createInlineExtractor(): Extractor {
  return {
    // Imported on first use: the page reader (linkedom, Readability) and the country data (3 MB
    // of JS) belong in the worker, not in every process that merely links this module.
    extract: async (request) => {
      const [{ extractArticleAndPage }, { withCountries }, { withCorrespondents }] = await Promise.all([
        import('./extract'),
        import('./tag-extracted'),
        import('./credit-extracted'),
      ])
      const { article, page } = extractArticleAndPage(request)
      return withCountries(withCorrespondents(article, request, page))
    },
    close: async () => {},
  }
}

export interface WorkerExtractorOptions {
  /** The built worker entry, normally `defaultWorkerPath()`. */
  workerPath: string
  /** The CPU time a page may take (20 s). */
  timeoutMs?: number
  /** The wall-clock time a page may take however loaded the machine is (five times `timeoutMs`). */
  hardTimeoutMs?: number
  resourceLimits?: ResourceLimits
  /** The process's CPU time in ms; tests stand in a starved machine with it. */
  cpuTimeMs?: () => number
}

/** When the current job started, in both clocks, and how much of each it may use. */
interface JobClock {
  startedAt: number
  cpuAtStart: number
  cpuBudgetMs: number
  wallBudgetMs: number
}

interface PendingJob {
  job: WorkerJob
  resolve: (article: ExtractedArticle) => void
  reject: (error: DatelineError) => void
}

/**
 * Extracts in one long-lived worker thread, one job at a time, so an add costs no worker start-up.
 * A job over the time limit terminates the worker (a runaway parse cannot be interrupted any other
 * way); a crash fails only the job that caused it. Either way the next job starts a fresh worker.
 *
 * The limit counts CPU time, not the clock: on a machine busy with other work a page that would
 * finish in 3 s can take 30 s of wall-clock time, and stopping it would fail a good page for the
 * machine's load. A hostile page that spins uses CPU as fast as the clock runs and is stopped at the
 * same time as before; a hard wall-clock limit stops anything else. The process's CPU time stands in
 * for the worker's (Node offers no other thread's time); other work in the process only makes the
 * limit come sooner, never later than the hard limit, and never before `timeoutMs` of wall-clock time.
 */
export function createWorkerExtractor(options: WorkerExtractorOptions): Extractor {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const hardTimeoutMs = Math.max(timeoutMs, options.hardTimeoutMs ?? timeoutMs * HARD_LIMIT_FACTOR)
  const cpuTimeMs = options.cpuTimeMs ?? processCpuMs
  const resourceLimits = options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS
  const queue: PendingJob[] = []
  let worker: Worker | null = null
  let current: PendingJob | null = null
  let timer: NodeJS.Timeout | null = null
  let clock: JobClock | null = null
  let workerReady = false
  /** Told when the current worker reports ready (or is gone): what `prepare` waits for. */
  let readyWaiters: (() => void)[] = []
  let nextId = 1
  let closed = false

  const finish = (settle: (pending: PendingJob) => void): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    clock = null
    const pending = current
    current = null
    worker?.unref()
    if (pending !== null) settle(pending)
    pump()
  }

  /** Starts the current job's clocks: `allowanceMs` more of each when the worker is still loading. */
  const startClock = (allowanceMs: number): void => {
    clock = {
      startedAt: Date.now(),
      cpuAtStart: cpuTimeMs(),
      cpuBudgetMs: timeoutMs + allowanceMs,
      wallBudgetMs: hardTimeoutMs + allowanceMs,
    }
    armTimer(timeoutMs + allowanceMs)
  }

  const armTimer = (ms: number): void => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(checkClock, ms)
  }

  // A page cannot use CPU time faster than the clock runs, so the next look comes no sooner than the
  // CPU time it has left, and no later than the hard limit.
  const checkClock = (): void => {
    timer = null
    if (clock === null) return
    const wallMs = Date.now() - clock.startedAt
    const cpuLeftMs = clock.cpuBudgetMs - (cpuTimeMs() - clock.cpuAtStart)
    const wallLeftMs = clock.wallBudgetMs - wallMs
    if (cpuLeftMs > 0 && wallLeftMs > 0) {
      armTimer(Math.min(Math.max(cpuLeftMs, MIN_RECHECK_MS), wallLeftMs))
      return
    }
    void discardWorker()
    finish((pending) => pending.reject(new DatelineError('TIMEOUT', timeoutMessage(timeoutMs))))
  }

  const settleReadyWaiters = (): void => {
    const waiters = readyWaiters
    readyWaiters = []
    for (const settle of waiters) settle()
  }

  const discardWorker = async (): Promise<void> => {
    const old = worker
    worker = null
    workerReady = false
    settleReadyWaiters()
    if (old === null) return
    old.removeAllListeners()
    // A terminated worker may still emit 'error'; with no listener left that would be uncaught.
    old.on('error', () => {})
    await old.terminate()
  }

  const startWorker = (): Worker => {
    const started = new Worker(options.workerPath, { resourceLimits })
    workerReady = false
    started.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        workerReady = true
        settleReadyWaiters()
        if (current !== null) startClock(0)
        return
      }
      const reply = message
      if (current === null || reply.id !== current.job.id) return
      finish((pending) =>
        reply.ok
          ? pending.resolve(reply.value)
          : pending.reject(new DatelineError(reply.error.code, reply.error.message)),
      )
    })
    const crashed = (failure: DatelineError): void => {
      if (worker !== started) return
      void discardWorker()
      finish((pending) => pending.reject(failure))
    }
    started.on('error', (error: Error & { code?: string }) =>
      crashed(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new DatelineError('TOO_LARGE', outOfMemoryMessage(resourceLimits))
          : new DatelineError('EXTRACTION_FAILED', crashMessage(error.message)),
      ),
    )
    started.on('exit', (code) =>
      crashed(new DatelineError('EXTRACTION_FAILED', crashMessage(`the reader stopped (exit code ${code})`))),
    )
    return started
  }

  const pump = (): void => {
    if (current !== null || closed) return
    const next = queue.shift()
    if (next === undefined) return
    current = next
    try {
      worker ??= startWorker()
    } catch (error) {
      finish((pending) =>
        pending.reject(new DatelineError('EXTRACTION_FAILED', crashMessage(toErrorInfo(error).message))),
      )
      return
    }
    worker.ref()
    startClock(workerReady ? 0 : START_UP_ALLOWANCE_MS)
    worker.postMessage(next.job)
  }

  return {
    extract: (request: ExtractRequest) =>
      new Promise<ExtractedArticle>((resolve, reject) => {
        if (closed) {
          reject(new DatelineError('INTERNAL', 'The page reader has been shut down.'))
          return
        }
        queue.push({ job: { id: nextId++, request }, resolve, reject })
        pump()
      }),
    // A worker started before any page is unreferenced, so it never keeps a process alive by itself;
    // the first page's job is then given the start-up allowance only if the worker is still loading.
    prepare: () =>
      new Promise<void>((settle) => {
        if (closed) return settle()
        if (worker === null) {
          try {
            worker = startWorker()
          } catch {
            return settle()
          }
          if (current === null) worker.unref()
        }
        if (workerReady) return settle()
        readyWaiters.push(settle)
      }),
    close: async () => {
      closed = true
      const stopped = new DatelineError('INTERNAL', 'The page reader was shut down before it read this page.')
      for (const pending of queue.splice(0)) pending.reject(stopped)
      if (timer !== null) clearTimeout(timer)
      timer = null
      clock = null
      current?.reject(stopped)
      current = null
      await discardWorker()
    },
  }
}

/**
 * The built worker sits next to the bundle that imports this module (out/main/ for the app, the CLI
 * and the browser host). If the bundler moved this module into a chunk folder, its parent is tried.
 */
export function defaultWorkerPath(): string {
  const beside = fileURLToPath(new URL('./extract-worker.js', import.meta.url))
  const parent = fileURLToPath(new URL('../extract-worker.js', import.meta.url))
  return existsSync(beside) || !existsSync(parent) ? beside : parent
}

export function timeoutMessage(timeoutMs: number): string {
  const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`
  return `Reading this page took too long (over ${limit}), so Dateline stopped. The page may be unusually large or malformed.`
}

export function outOfMemoryMessage(limits: ResourceLimits): string {
  const megabytes = (limits.maxOldGenerationSizeMb ?? 0) + (limits.maxYoungGenerationSizeMb ?? 0)
  const limit = megabytes > 0 ? ` (more than ${megabytes} MB)` : ''
  return `This page is too large for Dateline to read: it needed more memory than a page may use${limit}. Try saving a shorter part of it.`
}

function crashMessage(detail: string): string {
  return `Dateline could not read this page (${detail}).`
}
