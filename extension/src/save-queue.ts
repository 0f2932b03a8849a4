import type { Outcome, SavedArticle } from './dateline-client'

/**
 * Saves made while Dateline is not running wait in the extension's storage and go when it is back
 * (on an alarm every minute, when the browser starts, when the popup opens). Kept in order; a save
 * Dateline refuses (not an article) leaves the queue with its reason, one that cannot reach
 * Dateline stops the round so the rest keep their order.
 */
export interface QueuedSave {
  id: string
  kind: 'page' | 'link'
  url: string
  title: string
  /** The page as rendered when the person asked; a link has none. */
  html?: string
  collectionId?: number
  queuedAt: string
}

export interface QueueStorage {
  read(): Promise<QueuedSave[]>
  write(items: QueuedSave[]): Promise<void>
}

/** A month of evenings offline, and at most this much HTML held (unlimitedStorage is asked for). */
export const MAX_QUEUED = 200
export const MAX_QUEUED_CHARS = 200 * 1024 * 1024

export type EnqueueResult = { queued: true; waiting: number } | { queued: false; reason: string }

export async function enqueue(storage: QueueStorage, save: QueuedSave): Promise<EnqueueResult> {
  const items = await storage.read()
  const held = items.reduce((sum, item) => sum + (item.html?.length ?? 0), 0)
  if (items.length >= MAX_QUEUED || held + (save.html?.length ?? 0) > MAX_QUEUED_CHARS) {
    return {
      queued: false,
      reason: `${items.length} saves are already waiting for Dateline; start Dateline to send them first.`,
    }
  }
  // The same page saved twice while offline is sent once, as it was last seen.
  const kept = items.filter((item) => !(item.url === save.url && item.kind === save.kind))
  kept.push(save)
  await storage.write(kept)
  return { queued: true, waiting: kept.length }
}

export interface DrainReport {
  sent: { save: QueuedSave; result: SavedArticle }[]
  refused: { save: QueuedSave; message: string }[]
  waiting: number
  /** Why the round stopped early, if it did. */
  stopped: 'unreachable' | 'unpaired' | null
}

export async function drainQueue(
  storage: QueueStorage,
  send: (save: QueuedSave) => Promise<Outcome<SavedArticle>>,
): Promise<DrainReport> {
  const report: DrainReport = { sent: [], refused: [], waiting: 0, stopped: null }
  for (const save of await storage.read()) {
    const outcome = await send(save)
    if (outcome.kind === 'unreachable' || outcome.kind === 'unpaired') {
      report.stopped = outcome.kind
      break
    }
    if (outcome.kind === 'ok') report.sent.push({ save, result: outcome.value })
    else report.refused.push({ save, message: outcome.message })
    // Removed one by one, by id, so a save queued during the round is not lost.
    await storage.write((await storage.read()).filter((item) => item.id !== save.id))
  }
  report.waiting = (await storage.read()).length
  return report
}
