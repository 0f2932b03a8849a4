import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { ArticleId } from '@shared/article'
import { DatelineError } from '@shared/errors'
import { isMediaPath } from '@shared/media'

/**
 * A library folder may come from anywhere: a backup, a sync peer, another person. Everything read
 * back from it is data, never a path to be trusted: an id becomes a folder name only after it
 * passed the id rule, and no file is read, written or removed through a link that could lead out
 * of the folder. These checks are the one gate between what the folder says and the file system.
 */

/** Stored pictures are capped when downloaded (15 MB); anything larger in the folder was not put there by us. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024

/** Throws unless `id` is an article id; the message names the folder, since it came from there. */
export function assertArticleId(id: unknown): asserts id is string {
  if (typeof id === 'string' && ArticleId.safeParse(id).success) return
  throw new DatelineError(
    'LIBRARY_DAMAGED',
    `The library folder names an article "${String(id).slice(0, 80)}" whose id is not valid. ` +
      'Dateline left it alone and touched no file for it.',
  )
}

export function isArticleId(id: unknown): id is string {
  return typeof id === 'string' && ArticleId.safeParse(id).success
}

/**
 * Throws if `target`, or any folder between the library root and it, is a symbolic link (or a
 * Windows junction, which lstat also reports as a link), or if `target` is not below the root.
 * The root itself may be a link: where a person keeps their library is their choice. Parts of the
 * path that do not exist yet are fine; they will be created as real folders.
 */
export async function assertNoLinkBetween(root: string, target: string): Promise<void> {
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new DatelineError('INTERNAL', `${target} is not inside the library folder ${root}.`)
  }
  let current = root
  for (const part of inside.split(sep)) {
    current = join(current, part)
    let info
    try {
      info = await lstat(current)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    if (info.isSymbolicLink()) {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `The library folder holds a link, ${relative(root, current)}, that could lead outside it. ` +
          'Dateline does not follow links in a library; remove it or replace it with the real folder.',
      )
    }
  }
}

/**
 * `assertNoLinkBetween` without leaving the thread, for a command that reads a whole library and
 * has nothing else to do meanwhile (`dateline rebuild`): a system call waited for costs a few
 * microseconds, one handed to the thread pool and back several times that (1.6 s of CPU against
 * 0.7 s for a walk and a read of 10,000 articles).
 */
export function assertNoLinkBetweenSync(root: string, target: string): void {
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new DatelineError('INTERNAL', `${target} is not inside the library folder ${root}.`)
  }
  let current = root
  for (const part of inside.split(sep)) {
    current = join(current, part)
    const info = lstatSync(current, { throwIfNoEntry: false })
    if (!info) return
    if (info.isSymbolicLink()) {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `The library folder holds a link, ${relative(root, current)}, that could lead outside it. ` +
          'Dateline does not follow links in a library; remove it or replace it with the real folder.',
      )
    }
  }
}

// O_NOFOLLOW makes the final step of the path refuse a link at the moment it is opened, with no gap
// between a check and the open. Windows has no such flag; the lstat walk above covers it there.
const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * The bytes of a stored picture, or null for anything that is not one: a path that is not a media
 * path, a link, a device or folder, a file larger than any picture we store. Never throws for a
 * crafted folder; a person sees a missing picture, and nothing outside the library is read.
 */
export async function readMediaFile(
  root: string,
  mediaPath: string,
  maxBytes = MAX_MEDIA_BYTES,
): Promise<Buffer | null> {
  if (!isMediaPath(mediaPath)) return null
  const absolute = join(root, mediaPath)
  try {
    await assertNoLinkBetween(root, absolute)
    return await readRegularFile(absolute, maxBytes)
  } catch {
    return null
  }
}

/**
 * Reads a regular file of at most `maxBytes`, refusing links, devices, pipes and folders. Reads at
 * most maxBytes + 1 even if the file grows while it is read (a sparse file, a file being appended).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, READ_NO_FOLLOW)
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new DatelineError('LIBRARY_DAMAGED', `${path} is not a regular file.`)
    if (info.size > maxBytes) {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `${path} is larger than Dateline ever stores (${info.size} bytes).`,
      )
    }
    const buffer = Buffer.alloc(info.size)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

/** `readRegularFile` without leaving the thread; see assertNoLinkBetweenSync for when. */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, READ_NO_FOLLOW)
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw new DatelineError('LIBRARY_DAMAGED', `${path} is not a regular file.`)
    if (info.size > maxBytes) {
      throw new DatelineError(
        'LIBRARY_DAMAGED',
        `${path} is larger than Dateline ever stores (${info.size} bytes).`,
      )
    }
    const buffer = Buffer.alloc(info.size)
    let filled = 0
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return filled === buffer.length ? buffer : buffer.subarray(0, filled)
  } finally {
    closeSync(fd)
  }
}
