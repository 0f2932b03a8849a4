import { link, open, readFile, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DatelineError } from '@shared/errors'
import type { LibraryLayout } from './layout'

export interface LibraryLock {
  release(): Promise<void>
  /**
   * The pid of a dead process whose lock this one took over, else null. Only then is anything that
   * process left half-done (the database's own lock directory) provably abandoned.
   */
  readonly tookOverFrom: number | null
}

/**
 * Locks this process holds. A lock naming our own pid is ours only if it is in here: otherwise an
 * earlier process that happened to have the same pid (pids repeat, e.g. in containers) left it.
 */
const heldHere = new Set<string>()

/**
 * One writer per library: two processes each holding the metadata in memory would overwrite each
 * other's changes. A lock left by a process that died (crash, SIGKILL) is taken over.
 */
export async function acquireLibraryLock(layout: LibraryLayout): Promise<LibraryLock> {
  let tookOverFrom: number | null = null
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await createLockFile(layout.lock)
      // Two processes taking over the same stale lock at once could each remove the other's fresh
      // one; the one whose pid is not in the file afterwards lost the race and tries again.
      if ((await readLockHolder(layout)) !== process.pid) continue
      heldHere.add(resolve(layout.lock))
      return {
        tookOverFrom,
        release: async () => {
          heldHere.delete(resolve(layout.lock))
          await rm(layout.lock, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = await readLockHolder(layout)
    const busy =
      holder === process.pid ? heldHere.has(resolve(layout.lock)) : holder !== null && isProcessAlive(holder)
    if (busy) {
      throw new DatelineError(
        'LIBRARY_BUSY',
        `The library at ${layout.root} is open in another Dateline (process ${holder}). ` +
          'Close that one first, or choose another folder with --library. If no Dateline is running, ' +
          'that process is something else that reused the number: delete library.lock in the library folder.',
      )
    }
    tookOverFrom = holder ?? 0
    await rm(layout.lock, { force: true })
  }
  throw new DatelineError('LIBRARY_BUSY', `Could not take the lock on the library at ${layout.root}.`)
}

export interface WaitForLockOptions {
  /** Give up after this long with a clear message. */
  timeoutMs: number
  /** Told once, when the library is found busy, so a person knows why nothing happens. */
  onWait?: (holder: number | null) => void
  /** Asked between tries: stop waiting when the holder can take the work itself (a running app). */
  stopWaiting?: () => Promise<boolean>
}

/**
 * Takes the lock, waiting for another writer (a `dateline add` running at the same time) to finish
 * rather than failing: scripts and scheduled adds may run side by side.
 */
export async function waitForLibraryLock(
  layout: LibraryLayout,
  options: WaitForLockOptions,
): Promise<LibraryLock | null> {
  const deadline = Date.now() + options.timeoutMs
  let told = false
  let pause = 25
  for (;;) {
    try {
      return await acquireLibraryLock(layout)
    } catch (error) {
      if (!(error instanceof DatelineError) || error.code !== 'LIBRARY_BUSY') throw error
      if (options.stopWaiting && (await options.stopWaiting())) return null
      if (Date.now() >= deadline) {
        const holder = await readLockHolder(layout)
        throw new DatelineError(
          'LIBRARY_BUSY',
          `The library at ${layout.root} stayed in use by another Dateline (process ${holder ?? 'unknown'}) ` +
            `for ${Math.round(options.timeoutMs / 1000)} s, so this command gave up and changed nothing. ` +
            'Try again when it has finished (set DATELINE_LOCK_WAIT_SECONDS to wait longer).',
        )
      }
      if (!told) {
        told = true
        options.onWait?.(await readLockHolder(layout))
      }
      await new Promise((resolve) => setTimeout(resolve, pause))
      pause = Math.min(250, pause * 2)
    }
  }
}

export async function readLockHolder(layout: LibraryLayout): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(layout.lock, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The lock appears with the pid already in it (written to a temp file, then hard-linked into place,
 * which fails if the lock exists), so no other process can ever read an empty lock and take it.
 */
async function createLockFile(path: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, String(process.pid), { mode: 0o600 })
  try {
    await link(temp, path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // File systems without hard links (some network or FAT drives): create-exclusive, then write.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') {
      const handle = await open(path, 'wx', 0o600)
      await handle.writeFile(String(process.pid))
      await handle.close()
    } else {
      throw error
    }
  } finally {
    await rm(temp, { force: true })
  }
}
