import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { DatelineError } from '@shared/errors'
import { ZipWriter } from './zip-writer'

/**
 * Where a folder export (Markdown, HTML) puts its files: a folder on disk, or, for a browser
 * download, a zip holding that folder. Names come from the exporter, which makes them safe; the
 * folder checks again that none leaves it, and never replaces a file already there.
 */
export interface OutputFolder {
  write(name: string, data: string | Uint8Array, options?: { compress?: boolean }): Promise<void>
  close(): Promise<void>
  /** Removes what was written (cancel, failure). */
  abort(): Promise<void>
  readonly written: string[]
}

/** A relative name of plain segments: no '..', no absolute path, no empty or dot segment. */
export function assertPlainRelative(name: string): void {
  const segments = name.split('/')
  const plain =
    !isAbsolute(name) &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    segments.every((s) => s.length > 0 && s !== '.' && s !== '..')
  if (!plain) throw new DatelineError('INTERNAL', `An export file name is not plain: ${JSON.stringify(name)}`)
}

export class DiskFolder implements OutputFolder {
  readonly written: string[] = []
  private readonly folders: string[] = []

  private constructor(private readonly root: string) {}

  /** A new or empty folder: an export never mixes its files with others'. */
  static async create(root: string): Promise<DiskFolder> {
    const absolute = resolve(root)
    await mkdir(absolute, { recursive: true })
    if ((await readdir(absolute)).length > 0) {
      throw new DatelineError(
        'INVALID_INPUT',
        `The folder ${absolute} is not empty. Choose a new folder (or an empty one) for the export.`,
      )
    }
    return new DiskFolder(absolute)
  }

  async write(name: string, data: string | Uint8Array): Promise<void> {
    assertPlainRelative(name)
    const path = join(this.root, ...name.split('/'))
    const inside = relative(this.root, path)
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new DatelineError('INTERNAL', `An export file would leave its folder: ${name}`)
    }
    const folder = dirname(path)
    if (folder !== this.root && !this.folders.includes(folder)) {
      await mkdir(folder, { recursive: true })
      this.folders.push(folder)
    }
    // 'wx': never through a link planted in the folder, never over another file.
    await writeFile(path, data, { flag: 'wx', mode: 0o666 })
    this.written.push(path)
  }

  async close(): Promise<void> {}

  async abort(): Promise<void> {
    for (const path of this.written) await rm(path, { force: true }).catch(() => undefined)
    for (const folder of this.folders.reverse()) await rmdir(folder).catch(() => undefined)
    await rmdir(this.root).catch(() => undefined)
  }
}

/** The folder as a zip (`<folder>/...` entries), for the browser to download as one file. */
export class ZipFolder implements OutputFolder {
  readonly written: string[] = []
  private readonly zip: ZipWriter

  constructor(
    private readonly zipPath: string,
    private readonly folderName: string,
    mtime: Date,
  ) {
    this.zip = new ZipWriter(zipPath, mtime)
  }

  async write(name: string, data: string | Uint8Array, options: { compress?: boolean } = {}): Promise<void> {
    assertPlainRelative(name)
    await this.zip.add(`${this.folderName}/${name}`, data, options)
    this.written.push(`${this.folderName}${sep}${name}`)
  }

  close(): Promise<void> {
    return this.zip.close()
  }

  async abort(): Promise<void> {
    await this.zip.abort()
    await rm(this.zipPath, { force: true })
  }
}
