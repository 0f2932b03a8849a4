/**
 * Reading a library's files while its database is written. SQLite runs on the thread that asks
 * for the files, so a file read asynchronously only goes on while that thread is free: between
 * batches, and when a long write gives the thread back for a moment (`WriteSlicer`). Reads are
 * started a fixed number of batches ahead, never the whole library, so memory stays flat.
 */

export interface ReadPacing {
  /** Items per batch (for the database builder: articles per transaction). */
  batchSize: number
  /** Batches read while the one before them is used; memory holds `ahead + 1` batches. */
  ahead: number
  /** Reads unfinished at once within a batch. */
  concurrency: number
}

/**
 * Calls `read` on every item, at most `limit` calls unfinished at once, and gives the results in
 * the items' order. A rejected read rejects the whole, once the reads already started are over.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  read: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const reader = async (): Promise<void> => {
    while (next < items.length) {
      const at = next++
      results[at] = await read(items[at]!)
    }
  }
  const readers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, reader)
  const settled = await Promise.allSettled(readers)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  return results
}

/**
 * The items' batches in order, each read whole by `read` before it is handed out. While the
 * consumer works on one batch, the next `pacing.ahead` are being read. A failed read is
 * reported when its batch is reached.
 */
export async function* readAhead<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  pacing: ReadPacing,
): AsyncGenerator<R[]> {
  const size = Math.max(1, pacing.batchSize)
  const pending: Promise<R[]>[] = []
  let at = 0
  const fill = (): void => {
    while (pending.length < Math.max(1, pacing.ahead) && at < items.length) {
      const batch = mapWithLimit(items.slice(at, at + size), pacing.concurrency, read)
      batch.catch(() => undefined)
      pending.push(batch)
      at += size
    }
  }
  fill()
  while (pending.length > 0) {
    const batch = await pending.shift()!
    fill()
    yield batch
  }
}

/** Lets the I/O that finished meanwhile run its callbacks (and start the next step of each read). */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * Gives the thread back to the reads in flight at least every `sliceMs` of a long synchronous
 * job (a batch's rows and index entries): each read is several steps (the link walk's lstats, the
 * open, stat, read and close), and a step can only start the next while the thread is free.
 */
export class WriteSlicer {
  private since = performance.now()

  constructor(private readonly sliceMs: number) {}

  async pause(): Promise<void> {
    if (performance.now() - this.since < this.sliceMs) return
    await yieldToIo()
    this.since = performance.now()
  }
}
