import { resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import {
  exportFormatInfo,
  type ExportFormat,
  type ExportResult,
  type ExportSelection,
  type ImportArchiveResult,
  type TransferProgress,
} from '@shared/export'
import { safeFileStem } from '../export/file-names'
import { exportArticles, listInput, openForWriting, type ListOptions } from './library-commands'
import { terminalSafe } from './format'
import { wholeIds } from './id-arguments'
import { UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

/** `dateline export` and `dateline import-archive`: clients of the export procedures. */

const FORMATS: Record<string, ExportFormat> = {
  epub: 'epub',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  json: 'archive',
  archive: 'archive',
}

export interface ExportOptions extends ListOptions {
  out?: string | undefined
  format?: string | undefined
}

/**
 * `dateline export [<id>...] [--collection NAME | filters] --format epub|md|html|json --out PATH`.
 * Without ids, collection or filter: the whole library. `--format txt` keeps the plain-text files
 * of earlier versions.
 */
export async function exportCommand(
  libraryDir: string,
  ids: string[],
  values: ExportOptions,
  json: boolean,
): Promise<number> {
  if (values.format === 'txt') return exportArticles(libraryDir, ids, values, json)
  const format = FORMATS[values.format ?? 'html']
  if (!format) throw new UsageError('--format is epub, md, html, txt or json (a Dateline archive)')
  const selection = selectionOf(ids, values)
  const info = exportFormatInfo[format]
  const title = values.collection ?? (ids.length > 0 ? 'Dateline articles' : 'Dateline library')
  const out = resolve(values.out ?? `${safeFileStem(title)}${info.extension ? `.${info.extension}` : ''}`)
  const exportId = randomUUID()
  const { dispatch, events, close } = await openForWriting(libraryDir)
  const stopOnInterrupt = (): void => {
    console.error('dateline: stopping the export…')
    void dispatch('export.cancel', { id: exportId })
  }
  process.once('SIGINT', stopOnInterrupt)
  const unsubscribe = events?.subscribe((event, payload) => {
    if (event === 'export.progress' && !json) printProgress(payload as TransferProgress)
  })
  try {
    const called = await dispatch('export.write', {
      exportId,
      selection:
        selection.kind === 'ids' ? { kind: 'ids', ids: await wholeIds(dispatch, selection.ids) } : selection,
      format,
      destination: { kind: 'path', path: out },
    })
    if (!called.ok) {
      console.error(terminalSafe(`dateline: ${called.error.message}`))
      return 1
    }
    const result = called.value as ExportResult
    if (json) console.log(JSON.stringify(result, null, 2))
    else if (result.status === 'cancelled') console.log('Export cancelled; nothing was left behind.')
    else {
      for (const warning of result.warnings) console.error(terminalSafe(`  note: ${warning}`))
      const what = articleCount(result.articles)
      console.log(terminalSafe(`Wrote ${what} (${result.pictures} pictures) to ${result.path}`))
    }
    return result.status === 'done' ? 0 : 130
  } finally {
    process.off('SIGINT', stopOnInterrupt)
    unsubscribe?.()
    await close()
  }
}

function selectionOf(ids: string[], values: ExportOptions): ExportSelection {
  if (values.collection && ids.length > 0)
    throw new UsageError('give either --collection or article ids, not both')
  if (values.collection) return { kind: 'collection', name: values.collection }
  if (ids.length > 0) return { kind: 'ids', ids }
  const filtered = [values.unread, values.starred, values.archived, values.country, values.correspondent]
    .concat([values.feed, values.site, values.from, values.to])
    .some(Boolean)
  if (!filtered) return { kind: 'library' }
  const { offset: _o, limit: _l, sort: _s, ...filter } = listInput(values, undefined)
  return { kind: 'filter', filter }
}

function printProgress(progress: TransferProgress): void {
  if (progress.stage !== 'writing' || progress.done === 0) return
  if (progress.done % 500 === 0 || progress.done === progress.total) {
    console.error(
      `dateline: ${progress.kind === 'export' ? 'exported' : 'imported'} ${progress.done} of ${progress.total ?? '?'} articles`,
    )
  }
}

/** `dateline import-archive FILE`: a Dateline archive into this library (merged when not empty). */
export async function importArchiveCommand(libraryDir: string, file: string, json: boolean): Promise<number> {
  const importId = randomUUID()
  const { dispatch, events, close } = await openForWriting(libraryDir)
  const stopOnInterrupt = (): void => void dispatch('export.cancel', { id: importId })
  process.once('SIGINT', stopOnInterrupt)
  const unsubscribe = events?.subscribe((event, payload) => {
    if (event === 'export.progress' && !json) printProgress(payload as TransferProgress)
  })
  try {
    const called = await dispatch('archive.import', { path: resolve(file), importId })
    if (!called.ok) {
      console.error(terminalSafe(`dateline: ${called.error.message}`))
      return 1
    }
    const result = called.value as ImportArchiveResult
    if (json) console.log(JSON.stringify(result, null, 2))
    else {
      for (const skipped of result.skipped) console.error(terminalSafe(`  skipped: ${skipped}`))
      console.log(
        `Imported ${result.articlesAdded} articles (${result.articlesKept} already here), ` +
          `${result.collectionsAdded} new collections, ${result.pictures} pictures` +
          (result.status === 'cancelled' ? '; stopped before the end' : ''),
      )
    }
    return result.status === 'done' ? 0 : 130
  } finally {
    process.off('SIGINT', stopOnInterrupt)
    unsubscribe?.()
    await close()
  }
}
