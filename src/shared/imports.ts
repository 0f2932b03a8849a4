import { z } from 'zod'
import { Empty, procedure } from './procedure'

/**
 * The imports part of the API: a library brought from another app (Pocket, Instapaper, wallabag,
 * Omnivore, browser bookmarks, a list of links) becomes a persistent queue of captures that
 * survives a restart, with progress, pause and a retry of what failed. Joined into contract.ts.
 */

export const ImportFormat = z.enum(['pocket', 'instapaper', 'wallabag', 'omnivore', 'bookmarks', 'urls'])
export type ImportFormat = z.infer<typeof ImportFormat>

/** What a person is told each format is. */
export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  pocket: 'Pocket export (CSV)',
  instapaper: 'Instapaper export (CSV)',
  wallabag: 'wallabag export (JSON)',
  omnivore: 'Omnivore export (ZIP)',
  bookmarks: 'Browser bookmarks (HTML)',
  urls: 'List of web addresses',
}

/**
 * Largest export accepted in one call. The file travels as base64 inside the call's JSON, and the
 * hosts cap a call at ~40 MB (src/main/serve/request-body.ts): 28 MiB of bytes is 37.3 MiB of base64.
 */
export const MAX_IMPORT_BYTES = 28 * 1024 * 1024
const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4

export const StartImportInput = z
  .object({
    fileName: z.string().min(1).max(1024),
    /** The file's bytes, base64. */
    data: z
      .string()
      .min(1, 'The file is empty')
      .max(MAX_IMPORT_BASE64_CHARS, 'The file is larger than 28 MB; split it or import it in parts'),
    /** Left out: found from the file's contents. */
    format: ImportFormat.optional(),
  })
  .strict()
export type StartImportInput = z.input<typeof StartImportInput>

export const ImportJobRef = z.object({ id: z.number().int().positive() }).strict()
export type ImportJobRef = z.input<typeof ImportJobRef>

/** A row of the file that could not be read, with where it is, so the person can mend it. */
export const BrokenRow = z.object({
  /** The line in a text file (CSV, a list), or the entry's number in a JSON list. */
  line: z.number().int(),
  unit: z.enum(['line', 'entry']),
  reason: z.string(),
})
export type BrokenRow = z.infer<typeof BrokenRow>

export const FailedImportItem = z.object({
  url: z.string(),
  title: z.string().nullable(),
  line: z.number().int(),
  error: z.string(),
  attempts: z.number().int(),
})
export type FailedImportItem = z.infer<typeof FailedImportItem>

export const ImportCounts = z.object({
  /** Rows read from the file (broken ones not included). */
  rows: z.number().int(),
  /** Rows whose article was queued by this import. */
  queued: z.number().int(),
  /** Of those, captured and stored. */
  done: z.number().int(),
  /** Of those, that could not be captured (they can be tried again). */
  failed: z.number().int(),
  /** Rows left out: already in the library, already imported, or the same link twice in the file. */
  alreadyThere: z.number().int(),
  broken: z.number().int(),
  /** Rows whose text came in the export, stored without fetching the page. */
  withText: z.number().int(),
})
export type ImportCounts = z.infer<typeof ImportCounts>

export const ImportJob = z.object({
  id: z.number().int(),
  fileName: z.string(),
  format: ImportFormat,
  createdAt: z.string(),
  /** `running` while items wait, `paused` by the person, `finished` when none wait (some may have failed). */
  state: z.enum(['running', 'paused', 'finished']),
  counts: ImportCounts,
  /** The collections the file's tags and folders became. */
  collections: z.array(z.string()),
  /** The first 200 rows that could not be read. */
  brokenRows: z.array(BrokenRow),
})
export type ImportJob = z.infer<typeof ImportJob>

export const ImportJobDetail = ImportJob.extend({
  /** The first 200 items that failed, with why. */
  failures: z.array(FailedImportItem),
})
export type ImportJobDetail = z.infer<typeof ImportJobDetail>

export const ImportJobList = z.object({ jobs: z.array(ImportJob) })
export type ImportJobList = z.infer<typeof ImportJobList>

export const importsProcedures = {
  'imports.start': procedure(
    StartImportInput,
    ImportJob,
    'Read an export of another app (format found when not given) and queue its articles for capture',
  ),
  'imports.list': procedure(Empty, ImportJobList, 'Every import, newest first, with its counts'),
  'imports.get': procedure(ImportJobRef, ImportJobDetail, 'One import, with its broken rows and failures'),
  'imports.pause': procedure(
    ImportJobRef,
    ImportJob,
    'Stop starting captures of an import (those under way finish)',
  ),
  'imports.resume': procedure(ImportJobRef, ImportJob, 'Go on capturing a paused import'),
  'imports.retryFailed': procedure(ImportJobRef, ImportJob, 'Queue the failed articles of an import again'),
} as const

export const importsEvents = {
  /** An import's counts changed (at most a few times a second per import). */
  'imports.progress': ImportJob,
} as const
