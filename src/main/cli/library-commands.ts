import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DatelineError, toErrorInfo } from '@shared/errors'
import type { Dispatch } from '../api/dispatch'
import { openApp } from '../app'
import { exportFileName, inlineImages, standaloneHtml } from '../export/standalone-html'
import { writeFileAtomic } from '../library/atomic-file'
import { libraryLayout } from '../library/layout'
import { LibraryStore } from '../library/library-store'
import { connectToRunningLibrary } from '../serve/local-endpoint'
import { formatArticle, formatListLine, terminalSafe } from './format'
import { sourceFromArgument } from './source-argument'
import { positiveInteger, UsageError } from './usage-error'

/** The commands that work on the library: add, list, show, delete, export. */

interface WritableLibrary {
  dispatch: Dispatch
  close(): Promise<void>
}

/**
 * Opens the library to change it; when the desktop app or `dateline serve` already holds it, the
 * calls go to that process instead, so its window shows the change at once.
 */
async function openForWriting(libraryDir: string): Promise<WritableLibrary> {
  try {
    const app = await openApp({ libraryDir })
    return { dispatch: app.dispatch, close: () => app.close() }
  } catch (error) {
    if (!(error instanceof DatelineError) || error.code !== 'LIBRARY_BUSY') throw error
    const running = await connectToRunningLibrary(libraryLayout(libraryDir))
    if (!running) throw error
    return { dispatch: running, close: async () => undefined }
  }
}

export async function addArticles(libraryDir: string, args: string[], json: boolean): Promise<number> {
  if (args.length === 0) throw new UsageError('add needs at least one web address or file')
  const { dispatch, close } = await openForWriting(libraryDir)
  let failed = 0
  const results: unknown[] = []
  try {
    for (const arg of args) {
      try {
        const source = await sourceFromArgument(arg)
        const result = await dispatch('articles.add', source)
        if (!result.ok) throw result.error
        const { article, updated, warnings } = result.value as {
          article: { id: string; title: string }
          updated: boolean
          warnings: string[]
        }
        results.push(result.value)
        if (!json) {
          console.log(terminalSafe(`${updated ? 'Updated' : 'Added'} ${article.id}  ${article.title}`))
          for (const warning of warnings) console.error(`  note: ${warning}`)
        }
      } catch (error) {
        failed++
        const info = toErrorInfo(error)
        results.push({ source: arg, error: info })
        console.error(`dateline: ${arg}: ${info.message}`)
      }
    }
  } finally {
    await close()
  }
  if (json) console.log(JSON.stringify(results, null, 2))
  return failed === 0 ? 0 : 1
}

export async function listArticles(
  libraryDir: string,
  values: { unread?: boolean; starred?: boolean; limit?: string | undefined },
  json: boolean,
): Promise<number> {
  const library = await LibraryStore.open(libraryDir, { readOnly: true })
  const filter = values.unread ? 'unread' : values.starred ? 'starred' : 'all'
  const limit = values.limit ? positiveInteger(values.limit, '--limit') : library.count(filter)
  const items = library.list(filter, 0, limit)
  const total = library.count(filter)
  if (json) console.log(JSON.stringify({ total, items }, null, 2))
  else if (library.count('all') === 0)
    console.log('The library is empty. Add an article with: dateline add <url|file>')
  else if (total === 0) console.log(`No ${filter} articles.`)
  else for (const item of items) console.log(formatListLine(item))
  await library.close()
  return 0
}

export async function showArticle(libraryDir: string, id: string, json: boolean): Promise<number> {
  const library = await LibraryStore.open(libraryDir, { readOnly: true })
  try {
    const article = await library.readArticle(id)
    console.log(json ? JSON.stringify(article, null, 2) : formatArticle(article))
    return 0
  } finally {
    await library.close()
  }
}

export async function deleteArticles(libraryDir: string, ids: string[], json: boolean): Promise<number> {
  if (ids.length === 0) throw new UsageError('delete needs at least one article id')
  const { dispatch, close } = await openForWriting(libraryDir)
  let failed = 0
  try {
    for (const id of ids) {
      const result = await dispatch('articles.delete', { id })
      if (result.ok) {
        if (!json) console.log(`Deleted ${id}`)
      } else {
        failed++
        console.error(`dateline: ${id}: ${result.error.message}`)
      }
    }
  } finally {
    await close()
  }
  if (json) console.log(JSON.stringify({ deleted: ids.length - failed, failed }))
  return failed === 0 ? 0 : 1
}

export async function exportArticles(
  libraryDir: string,
  ids: string[],
  values: { out?: string | undefined; format?: string | undefined },
  json: boolean,
): Promise<number> {
  const format = values.format ?? 'html'
  if (!['html', 'txt', 'json'].includes(format)) throw new UsageError('--format is html, txt or json')
  const outDir = values.out ?? '.'
  const library = await LibraryStore.open(libraryDir, { readOnly: true })
  const written: string[] = []
  try {
    const wanted = ids.length > 0 ? ids : library.list('all', 0, library.count('all')).map((a) => a.id)
    await mkdir(outDir, { recursive: true })
    for (const id of wanted) {
      const article = await library.readArticle(id)
      const path = join(outDir, exportFileName(article, format))
      const content =
        format === 'json'
          ? JSON.stringify(article, null, 2)
          : format === 'txt'
            ? formatArticle(article)
            : standaloneHtml(article, await inlineImages(article.html, (media) => library.media.read(media)))
      // Exported files are for sharing: the usual permissions of a new file (the umask decides).
      await writeFileAtomic(path, content, { mode: 0o666 })
      written.push(path)
      if (!json) console.log(`Wrote ${path}`)
    }
  } finally {
    await library.close()
  }
  if (json) console.log(JSON.stringify({ written }, null, 2))
  return 0
}
