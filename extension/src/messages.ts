import type { Outcome, Status } from './dateline-client'

/** What the popup asks the background (service worker), which alone holds the token. */
export type Request =
  | { type: 'state' }
  | { type: 'pair'; port: number; code: string }
  | { type: 'unpair' }
  | { type: 'status' }
  | { type: 'save-page'; tabId: number; collectionId?: number }
  | { type: 'save-link'; url: string; collectionId?: number }
  | { type: 'open'; id: string }
  | { type: 'retry' }

export interface State {
  paired: boolean
  port: number
  waiting: number
  last: SaveReport | null
}

export type SaveReport =
  | {
      kind: 'saved'
      id: string
      title: string
      updated: boolean
      warnings: string[]
      collection: string | null
    }
  | { kind: 'queued'; title: string; waiting: number; why: string }
  | { kind: 'failed'; message: string }
  | { kind: 'unpaired'; message: string }

export type PairReport = { ok: true } | { ok: false; message: string }
export type StatusReport = Outcome<Status>

/** Sent by the background while a save goes, for an open popup to show. */
export interface Progress {
  type: 'progress'
  text: string
}
