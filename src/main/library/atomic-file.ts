import { randomBytes } from 'node:crypto'
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const TEMP_SUFFIX = '.tmp'

/**
 * What a person reads is theirs: library files are readable by their owner only (0600, folders
 * 0700), not by every account on a shared machine. Windows ignores these bits; its profile
 * folders are private already.
 */
export const PRIVATE_FILE = 0o600
export const PRIVATE_FOLDER = 0o700

/**
 * Replaces a file so that a reader (or a process killed half-way) sees either the old bytes or the
 * new ones, never a mix: write a temp file beside it, flush it to the disk, rename it over the
 * target, then flush the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { mode?: number; flush?: boolean } = {},
): Promise<void> {
  const flush = options.flush ?? true
  const folder = dirname(path)
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER })
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`
  const handle = await open(temp, 'w', options.mode ?? PRIVATE_FILE)
  try {
    await handle.writeFile(data)
    if (flush) await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await renameWithRetry(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  if (flush) await syncFolder(folder)
}

/**
 * Several files of one folder (an article's body, text and metadata), each replaced atomically as
 * writeFileAtomic does, with one flush of the folder for all the renames instead of one each.
 */
export async function writeFilesAtomic(
  folder: string,
  files: { name: string; data: string | Uint8Array }[],
): Promise<void> {
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER })
  const temps = await Promise.all(
    files.map(async ({ name, data }) => {
      const temp = join(folder, `${name}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`)
      const handle = await open(temp, 'w', PRIVATE_FILE)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      return { temp, target: join(folder, name) }
    }),
  )
  try {
    for (const { temp, target } of temps) await renameWithRetry(temp, target)
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  await syncFolder(folder)
}

/**
 * On Windows a rename over a file that a virus scanner or the search indexer has open fails for a
 * moment with EPERM/EACCES/EBUSY; trying again shortly after succeeds. Elsewhere it never happens.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY'
      if (!transient || process.platform !== 'win32' || attempt >= 10) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)))
    }
  }
}

/** Flushes a file written without fsyncs (a database draft) to the disk before it is renamed into use. */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems (network shares) refuse fsync on folders; the rename is still atomic.
  } finally {
    await handle.close()
  }
}

/** Removes temp files left behind by a process that was killed in the middle of a write. */
export async function removeStaleTempFiles(folder: string): Promise<number> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return 0
  }
  const stale = names.filter((name) => name.endsWith(TEMP_SUFFIX))
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })))
  return stale.length
}
