import { z } from 'zod'
import { ArticleId } from './article'
// contract.ts imports this file: the filter is read lazily, once both modules are loaded.
import { ArticleFilter } from './contract'
import { Empty, procedure } from './procedure'

/**
 * Taking the library out (EPUB, Markdown, HTML, a Dateline archive) and bringing an archive back:
 * the export part of the API, joined into src/shared/contract.ts.
 */

export const ExportFormat = z.enum(['epub', 'markdown', 'html', 'archive'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** What one export file or folder is called, by format: a file (epub, archive) or a folder. */
export const exportFormatInfo: Record<
  ExportFormat,
  { label: string; extension: string | null; folder: boolean }
> = {
  epub: { label: 'EPUB e-book', extension: 'epub', folder: false },
  markdown: { label: 'Markdown folder', extension: null, folder: true },
  html: { label: 'HTML folder', extension: null, folder: true },
  archive: { label: 'Dateline archive', extension: 'dateline.zip', folder: false },
}

/** Which articles: a collection (plain in its order, smart by its saved search), a selection, a filter. */
export const ExportSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('collection'), name: z.string().min(1).max(300) }).strict(),
  z.object({ kind: z.literal('ids'), ids: z.array(ArticleId).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('filter'), filter: z.lazy(() => ArticleFilter) }).strict(),
  /** Every article, archived ones too: what an archive of the library holds. */
  z.object({ kind: z.literal('library') }).strict(),
])
export type ExportSelection = z.input<typeof ExportSelection>

export const ExportDestination = z.discriminatedUnion('kind', [
  /** A file (epub, archive) or a folder (markdown, html) on this computer. */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  /** Kept by the host for the browser to download (one file; folders come zipped). */
  z.object({ kind: z.literal('download') }).strict(),
])
export type ExportDestination = z.input<typeof ExportDestination>

export const ExportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An export id is letters, digits, - or _')

export const ExportInput = z
  .object({
    exportId: ExportId.optional(),
    selection: ExportSelection,
    format: ExportFormat,
    destination: ExportDestination,
    /** The book's title (EPUB); defaults to the collection's name. */
    title: z.string().min(1).max(300).optional(),
  })
  .strict()
export type ExportInput = z.input<typeof ExportInput>

export const ExportResult = z.object({
  exportId: z.string(),
  status: z.enum(['done', 'cancelled']),
  articles: z.number().int(),
  pictures: z.number().int(),
  /** Where it was written (path destinations), else null. */
  path: z.string().nullable(),
  /** The file's name and the host-relative address to fetch it from (download destinations). */
  download: z.object({ name: z.string(), url: z.string() }).nullable(),
  /** Every file written (folders), or the one file. */
  written: z.array(z.string()),
  warnings: z.array(z.string()),
})
export type ExportResult = z.infer<typeof ExportResult>

export const ChooseDestinationInput = z
  .object({ format: ExportFormat, suggestedName: z.string().min(1).max(255) })
  .strict()

export const ChooseDestinationResult = z.object({
  /** The path the person chose, null when they cancelled; `supported` false when this host has no dialog. */
  path: z.string().nullable(),
  supported: z.boolean(),
})
export type ChooseDestinationResult = z.infer<typeof ChooseDestinationResult>

export const ImportArchiveInput = z
  .object({ path: z.string().min(1).max(4096), importId: ExportId.optional() })
  .strict()

export const ImportArchiveResult = z.object({
  importId: z.string(),
  status: z.enum(['done', 'cancelled']),
  articlesAdded: z.number().int(),
  /** Already in the library: kept as they are, their collections added. */
  articlesKept: z.number().int(),
  collectionsAdded: z.number().int(),
  pictures: z.number().int(),
  /** Entries set aside (bad ids, oversized, unknown), each as a sentence. */
  skipped: z.array(z.string()),
})
export type ImportArchiveResult = z.infer<typeof ImportArchiveResult>

export const TransferProgress = z.object({
  /** The exportId or importId. */
  id: z.string(),
  kind: z.enum(['export', 'import']),
  stage: z.enum(['writing', 'finishing', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  /** Articles in all, when known. */
  total: z.number().int().nullable(),
  message: z.string().optional(),
})
export type TransferProgress = z.infer<typeof TransferProgress>

export const exportProcedures = {
  'export.write': procedure(
    ExportInput,
    ExportResult,
    'Write a collection, a selection or a filter as EPUB, Markdown, HTML or a Dateline archive, with progress',
  ),
  'export.cancel': procedure(
    z.object({ id: ExportId }).strict(),
    z.object({ cancelled: z.boolean() }),
    'Stop a running export (what it wrote is removed) or archive import (articles already added stay)',
  ),
  'export.chooseDestination': procedure(
    ChooseDestinationInput,
    ChooseDestinationResult,
    "Ask where to save an export (the desktop app's save dialog)",
  ),
  'export.formats': procedure(
    Empty,
    z.object({ saveDialog: z.boolean() }),
    'What this host offers for exports: a save dialog (desktop) or downloads (browser)',
  ),
  'archive.import': procedure(
    ImportArchiveInput,
    ImportArchiveResult,
    'Bring a Dateline archive into the library: exactly as it was into an empty one, merged otherwise',
  ),
} as const

export const exportEvents = {
  'export.progress': TransferProgress,
} as const
