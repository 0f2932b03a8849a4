import type { LibraryStore } from '../library/library-store'

/**
 * Whether an import not paused still has articles to capture: the one question the app asks of
 * the import queue at open, so that the import code (page reading, archive formats) is loaded
 * only when there is work for it. The same condition as the runner's `nextQueuedItems`, on the
 * partial index of waiting items.
 */
export function hasWaitingImports(library: LibraryStore): boolean {
  try {
    return library.query(
      (db) =>
        db.get(
          `SELECT 1 AS waiting FROM import_items i JOIN import_jobs j ON j.id = i.job
           WHERE i.state = 'queued' AND j.paused = 0 LIMIT 1`,
        ) !== undefined,
    )
  } catch {
    // A queue that cannot be read does not stop the library opening; as the runner's own look
    // at the queue, it leaves the work to the first call of an imports procedure.
    return false
  }
}
