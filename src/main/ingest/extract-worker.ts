import { parentPort } from 'node:worker_threads'
import { toErrorInfo } from '@shared/errors'
import type { WorkerJob, WorkerReady, WorkerReply } from './extract/protocol'
import { runExtractionJob } from './extraction-job'
import { warmUpExtraction } from './warm-up'

/*
 * The extraction worker: parses pages off the main thread so a huge or malformed page cannot freeze
 * the app. One job at a time; the parent enforces the time limit by terminating this thread.
 */
const port = parentPort
if (port === null) throw new Error('extract-worker must run as a worker thread')

port.on('message', (job: WorkerJob) => {
  let reply: WorkerReply
  try {
    reply = { id: job.id, ok: true, value: runExtractionJob(job.request) }
  } catch (error) {
    reply = { id: job.id, ok: false, error: toErrorInfo(error) }
  }
  port.postMessage(reply)
})

// The country lexicon is built, and a made-up page read, before the worker reports ready, so their
// cost falls in the start-up allowance and not in the first page's time limit (see warm-up.ts).
warmUpExtraction()
port.postMessage({ ready: true } satisfies WorkerReady)
