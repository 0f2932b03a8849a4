import { createHash } from 'node:crypto'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { isMediaPath } from '@shared/media'
import { writeFileAtomic } from './atomic-file'
import { mediaRelativePath, type LibraryLayout } from './layout'

/** Images, stored once per content however many articles use them. */
export class MediaStore {
  constructor(private readonly layout: LibraryLayout) {}

  /** Returns the library-relative path (`media/ab/<sha256>.<ext>`) of the stored bytes. */
  async store(bytes: Uint8Array, extension: string): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const relative = mediaRelativePath(sha256, extension)
    const absolute = join(this.layout.root, relative)
    if (!(await exists(absolute))) await writeFileAtomic(absolute, bytes)
    return relative
  }

  /** The file behind a stored media path, or null for anything that is not one (path traversal). */
  resolve(relative: string): string | null {
    return isMediaPath(relative) ? join(this.layout.root, relative) : null
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
