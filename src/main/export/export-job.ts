import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { DatelineError } from '@shared/errors'
import { exportFormatInfo, type ExportFormat, type ExportResult, type TransferProgress } from '@shared/export'
import type { z } from 'zod'
import type { ExportInput } from '@shared/export'
import type { LibraryStore } from '../library/library-store'
import { writeArchive } from './archive-export'
import { writeEpub } from './epub'
import { walkSelection } from './export-selection'
import { ExportCancelled, type ExportRun } from './export-run'
import { safeFileStem } from './file-names'
import { writeHtmlFolder } from './html-folder'
import { writeMarkdownFolder } from './markdown'
import { DiskFolder, ZipFolder, type OutputFolder } from './output-folder'

/**
 * One export from start to end: the selection walked, the format written to its destination,
 * progress told along the way, and on cancel or failure nothing half-written left behind. A file
 * (EPUB, archive) is written under a temporary name beside its destination and renamed into place
 * only when complete.
 */

export interface ExportJobOptions {
  library: LibraryStore
  input: z.output<typeof ExportInput>
  exportId: string
  signal: AbortSignal
  now: Date
  progress(event: TransferProgress): void
  /** Where downloads are kept until the browser fetches them. */
  downloadFolder(): Promise<string>
}

export interface FinishedExport {
  result: Omit<ExportResult, 'download'>
  /** For downloads: the file written and the name to offer. */
  file: { path: string; name: string } | null
}

export async function runExport(options: ExportJobOptions): Promise<FinishedExport> {
  const { input, library, exportId } = options
  const walk = walkSelection(library, input.selection)
  const title = input.title ?? walk.title
  const warnings: string[] = []
  let done = 0
  let lastTold = 0
  const tell = (stage: TransferProgress['stage'], message?: string): void =>
    options.progress({
      id: exportId,
      kind: 'export',
      stage,
      done,
      total: walk.total,
      ...(message ? { message } : {}),
    })
  const run: ExportRun = {
    library,
    walk,
    title,
    startedAt: options.now,
    signal: options.signal,
    advance() {
      done++
      const now = Date.now()
      if (now - lastTold >= 100 || done === walk.total) {
        lastTold = now
        tell('writing')
      }
    },
    warn(message) {
      if (warnings.length < 100) warnings.push(message)
    },
  }
  tell('writing')
  const info = exportFormatInfo[input.format]
  const name = `${safeFileStem(title, 'Dateline export')}${info.extension ? `.${info.extension}` : ''}`
  const destination = input.destination
  const downloading = destination.kind === 'download'
  const target =
    destination.kind === 'download'
      ? join(
          await options.downloadFolder(),
          `${randomBytes(8).toString('hex')}-${info.folder ? `${name}.zip` : name}`,
        )
      : resolve(destinationPath(destination, input.format))
  try {
    const written = info.folder
      ? await writeFolder(input.format, target, name, downloading, run)
      : await writeFile(input.format, target, run)
    tell('done')
    return {
      result: {
        exportId,
        status: 'done',
        articles: written.articles,
        pictures: written.pictures,
        path: downloading ? null : target,
        written: written.files,
        warnings,
      },
      file: downloading ? { path: target, name: info.folder ? `${name}.zip` : name } : null,
    }
  } catch (error) {
    if (error instanceof ExportCancelled) {
      tell('cancelled')
      return {
        result: {
          exportId,
          status: 'cancelled',
          articles: done,
          pictures: 0,
          path: null,
          written: [],
          warnings,
        },
        file: null,
      }
    }
    tell('failed', error instanceof Error ? error.message : String(error))
    throw error
  }
}

function destinationPath(destination: { kind: 'path'; path: string }, format: ExportFormat): string {
  const info = exportFormatInfo[format]
  // A file export only ever writes a file of its own kind, whatever path it is handed.
  if (info.extension && !destination.path.toLowerCase().endsWith(`.${info.extension.split('.').pop()}`)) {
    throw new DatelineError(
      'INVALID_INPUT',
      `An ${info.label} is saved as a .${info.extension} file; give a path ending in .${info.extension}.`,
    )
  }
  return destination.path
}

interface Written {
  articles: number
  pictures: number
  files: string[]
}

async function writeFile(format: ExportFormat, target: string, run: ExportRun): Promise<Written> {
  await mkdir(dirname(target), { recursive: true })
  const partial = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.partial`)
  try {
    const result = format === 'epub' ? await writeEpub(partial, run) : await writeArchive(partial, run)
    await rename(partial, target)
    return { ...result, files: [target] }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}

async function writeFolder(
  format: ExportFormat,
  target: string,
  folderName: string,
  zipped: boolean,
  run: ExportRun,
): Promise<Written> {
  const folder: OutputFolder = zipped
    ? new ZipFolder(target, folderName, run.startedAt)
    : await DiskFolder.create(target)
  try {
    const result =
      format === 'markdown' ? await writeMarkdownFolder(folder, run) : await writeHtmlFolder(folder, run)
    await folder.close()
    return { ...result, files: folder.written }
  } catch (error) {
    await folder.abort()
    throw error
  }
}

/** A private folder for downloads of this process, emptied when it starts. */
export async function makeDownloadFolder(): Promise<string> {
  const folder = join(tmpdir(), `dateline-exports-${process.pid}-${randomBytes(4).toString('hex')}`)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  return folder
}
