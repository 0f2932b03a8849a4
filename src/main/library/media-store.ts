import { createHash } from 'node:crypto'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-file'
import { assertNoLinkBetween, readMediaFile } from './confined-files'
import { mediaRelativePath, type LibraryLayout } from './layout'

/** Images, stored once per content however many articles use them. */
export class MediaStore {
  constructor(private readonly layout: LibraryLayout) {}

  /** Returns the library-relative path (`media/ab/<sha256>.<ext>`) of the stored bytes. */
  async store(bytes: Uint8Array, extension: string): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const relative = mediaRelativePath(sha256, extension)
    const absolute = join(this.layout.root, relative)
    await assertNoLinkBetween(this.layout.root, absolute)
    if (!(await exists(absolute))) await writeFileAtomic(absolute, bytes)
    return relative
  }

  /**
   * The bytes of a stored picture, or null for anything that is not one: not a media path, a link,
   * not a regular file, or larger than any picture Dateline stores.
   */
  read(relative: string): Promise<Buffer | null> {
    return readMediaFile(this.layout.root, relative)
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
