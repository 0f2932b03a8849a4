import { createHash } from 'node:crypto'
import { access, mkdir, open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DatelineError } from '@shared/errors'
import { PRIVATE_FOLDER, writeFileAtomic } from '../library/atomic-file'
import { assertNoLinkBetween, readRegularFile } from '../library/confined-files'
import { DEVICE_ID } from './hlc'

/**
 * The sync folder on disk (docs/sync.md): a marker, one folder of logs per device, and the
 * content-addressed article and media files. Names read from it are checked before they become
 * paths, and nothing outside it is read or written.
 */

export const SYNC_MARKER = 'dateline-sync.json'
export const SYNC_FOLDER_FORMAT = 1
const DAY_LOG = /^(\d{4}-\d{2}-\d{2})\.jsonl$/
/** Syncthing's copy of a file two devices changed: `<name>.sync-conflict-<date>-<time>-<device>.<ext>`. */
const CONFLICT_LOG = /^(\d{4}-\d{2}-\d{2})\.sync-conflict-\d{8}-\d{6}(-[A-Z0-9]{7})?\.jsonl$/
export const SHA256 = /^[0-9a-f]{64}$/
const MEDIA_PATH = /^media\/([0-9a-f]{2})\/([0-9a-f]{64})\.([a-z0-9]{1,5})$/
/** An article file is the capture's metadata, HTML and text: far below this. */
export const MAX_ARTICLE_FILE_BYTES = 80 * 1024 * 1024
/** One read of a log: a day's changes of a person are far fewer; a first log after enable is read in turns. */
const MAX_LOG_READ_BYTES = 32 * 1024 * 1024

export interface LogFile {
  /** Relative to the sync folder, `logs/<device>/<name>`: the key of sync_log_files. */
  file: string
  device: string
  conflictCopy: boolean
}

export function logFileOf(device: string, day: string): string {
  return `logs/${device}/${day}.jsonl`
}

/** Which names in a device's log folder are logs; temp files of any engine and everything else are not. */
export function classifyLogName(name: string): 'log' | 'conflict' | null {
  if (DAY_LOG.test(name)) return 'log'
  if (CONFLICT_LOG.test(name)) return 'conflict'
  return null
}

/** Makes the folder a sync folder, or checks that it is one Dateline can use. */
export async function prepareSyncFolder(root: string): Promise<void> {
  await mkdir(join(root, 'logs'), { recursive: true, mode: PRIVATE_FOLDER })
  const marker = join(root, SYNC_MARKER)
  try {
    const parsed = JSON.parse((await readRegularFile(marker, 4096)).toString('utf8')) as { format?: unknown }
    if (typeof parsed.format === 'number' && parsed.format > SYNC_FOLDER_FORMAT) {
      throw new DatelineError(
        'LIBRARY_NEWER',
        `The sync folder ${root} was made by a newer Dateline. Update Dateline to sync through it.`,
      )
    }
  } catch (error) {
    if (error instanceof DatelineError) throw error
    await writeFileAtomic(marker, `${JSON.stringify({ format: SYNC_FOLDER_FORMAT })}\n`, { mode: 0o644 })
  }
}

export async function listLogFiles(root: string): Promise<LogFile[]> {
  const logs = join(root, 'logs')
  const devices = await readdir(logs, { withFileTypes: true }).catch(() => [])
  const found: LogFile[] = []
  for (const entry of devices) {
    if (!entry.isDirectory() || !DEVICE_ID.test(entry.name)) continue
    const names = await readdir(join(logs, entry.name), { withFileTypes: true }).catch(() => [])
    for (const file of names) {
      const kind = file.isFile() ? classifyLogName(file.name) : null
      if (kind === null) continue
      found.push({
        file: `logs/${entry.name}/${file.name}`,
        device: entry.name,
        conflictCopy: kind === 'conflict',
      })
    }
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

/** The bytes of a log from `offset` on (at most one read's worth), or null when it is not there. */
export async function readLogFrom(root: string, file: string, offset: number): Promise<Buffer | null> {
  const path = join(root, file)
  await assertNoLinkBetween(root, path)
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return null
  }
  try {
    const { size } = await handle.stat()
    if (size <= offset) return Buffer.alloc(0)
    const length = Math.min(size - offset, MAX_LOG_READ_BYTES)
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, offset)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Appends lines to this device's log and flushes them. A line a kill left without its newline is
 * closed first, so it stays one damaged line (which readers skip) and does not swallow the next.
 */
export async function appendLog(root: string, file: string, text: string): Promise<void> {
  const path = join(root, file)
  await mkdir(join(path, '..'), { recursive: true, mode: PRIVATE_FOLDER })
  await assertNoLinkBetween(root, path)
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  )
  let prefix = ''
  if (size > 0) {
    const handle = await open(path, 'r')
    try {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) prefix = '\n'
    } finally {
      await handle.close()
    }
  }
  const handle = await open(path, 'a', 0o644)
  try {
    await handle.writeFile(prefix + text)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export function articleFileOf(sha: string): string {
  if (!SHA256.test(sha)) throw new DatelineError('INVALID_INPUT', 'That is not the name of an article file.')
  return `articles/${sha.slice(0, 2)}/${sha}.json`
}

/** Writes a content-addressed file once; the same content is the same name, so an existing one is kept. */
export async function writeOnce(root: string, relative: string, data: string | Uint8Array): Promise<void> {
  const path = join(root, relative)
  await assertNoLinkBetween(root, path)
  if (await exists(path)) return
  await writeFileAtomic(path, data, { mode: 0o644 })
}

export async function readSyncFile(root: string, relative: string, maxBytes: number): Promise<Buffer | null> {
  const path = join(root, relative)
  await assertNoLinkBetween(root, path)
  return readRegularFile(path, maxBytes).catch(() => null)
}

/** `media/ab/<sha>.<ext>` as the library and the sync folder name pictures, or null for anything else. */
export function checkedMediaPath(relative: string): { sha: string; relative: string } | null {
  const match = MEDIA_PATH.exec(relative)
  if (!match || match[1] !== match[2]!.slice(0, 2)) return null
  return { sha: match[2]!, relative }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/** The one sentence for a folder that cannot take more: full, read-only, gone. */
export function folderProblem(error: unknown, root: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return `The disk of the sync folder ${root} is full: changes made here wait in the library and are written when there is room.`
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return `Dateline may not write to the sync folder ${root}: changes made here wait in the library.`
  }
  if (code === 'ENOENT')
    return `The sync folder ${root} is not there (a disk not mounted?): changes wait in the library.`
  return `The sync folder ${root} could not be written (${error instanceof Error ? error.message : String(error)}): changes wait in the library.`
}
