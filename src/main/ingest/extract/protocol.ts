import type { ExtractedArticle } from '@shared/article'
import type { ErrorInfo } from '@shared/errors'
import type { ExtractRequest } from '../extractor-types'

/** What the main thread posts to the extraction worker. */
export interface WorkerJob {
  id: number
  request: ExtractRequest
}

/** What the extraction worker posts back, once per job. */
export type WorkerReply =
  { id: number; ok: true; value: ExtractedArticle } | { id: number; ok: false; error: ErrorInfo }

/** Posted once when the worker has loaded; a job's time limit runs from then, not from start-up. */
export interface WorkerReady {
  ready: true
}

export type WorkerMessage = WorkerReady | WorkerReply
