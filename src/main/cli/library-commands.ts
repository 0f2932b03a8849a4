import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArticleSummary } from '@shared/article'
import { ListArticlesInput, type ParsedInputOf } from '@shared/contract'
import type { ArticleFilter } from '@shared/article-filter'
import { DatelineError, toErrorInfo } from '@shared/errors'
import type { Dispatch } from '../api/dispatch'
import type { EventBus } from '../api/event-bus'
import { openApp } from '../app'
import { exportFileName, inlineImages, standaloneHtml } from '../export/standalone-html'
import { writeFileAtomic } from '../library/atomic-file'
import type { BuildProgress } from '../library/database-builder'
import { libraryLayout } from '../library/layout'
import { connectToRunningLibrary } from '../serve/local-endpoint'
import { formatArticle, formatListLine, terminalSafe } from './format'
import { openForReading } from './readable-library'
import { sourceFromArgument } from './source-argument'
import { savedPageInput } from '../extension/saved-page-file'
import { positiveInteger, UsageError } from './usage-error'
import { wholeIds } from './id-arguments'
import { articleCount } from '@shared/article-count'

/** The commands that work on the library: add, list, show, delete, export. */

export interface WritableLibrary {
  dispatch: Dispatch
  /** The library's events when it was opened here; null when the calls go to a running app. */
  events: EventBus | null
  close(): Promise<void>
}

/** How long a write command waits for another one to finish with the library (DATELINE_LOCK_WAIT_SECONDS). */
function lockWaitMs(): number {
  const seconds = Number(process.env.DATELINE_LOCK_WAIT_SECONDS ?? '')
  return Number.isFinite(seconds) && seconds >= 0 && process.env.DATELINE_LOCK_WAIT_SECONDS
    ? seconds * 1000
    : 120_000
}

/** An upgrade of an older library says how far it is, on stderr, so --json output stays clean. */
export function printUpgradeProgress(progress: BuildProgress): void {
  const what =
    progress.stage === 'migrating'
      ? 'Upgrading the library'
      : progress.stage === 'indexing'
        ? 'Indexing the library for search'
        : progress.stage === 'reading'
          ? 'Reading the article folders'
          : 'Rebuilding the library database'
  if (progress.done === 0 || progress.done === progress.total || progress.done % 5000 === 0) {
    console.error(`dateline: ${what}: ${progress.done} of ${progress.total} articles`)
  }
}

/**
 * Opens the library to change it. When the desktop app or `dateline serve` holds it, the calls go
 * to that process instead, so its window shows the change at once; when another command holds it,
 * this one waits its turn (up to lockWaitMs) rather than failing.
 */
export async function openForWriting(libraryDir: string): Promise<WritableLibrary> {
  const layout = libraryLayout(libraryDir)
  let running: Dispatch | null = null
  try {
    const app = await openApp({
      libraryDir,
      progress: printUpgradeProgress,
      waitForLock: {
        timeoutMs: lockWaitMs(),
        onWait: (holder) =>
          console.error(
            `dateline: another Dateline (process ${holder ?? 'unknown'}) is changing the library; waiting for it to finish…`,
          ),
        stopWaiting: async () => (running = await connectToRunningLibrary(layout)) !== null,
      },
    })
    return { dispatch: app.dispatch, events: app.events, close: () => app.close() }
  } catch (error) {
    if (!(error instanceof DatelineError) || error.code !== 'LIBRARY_BUSY') throw error
    const reached = running ?? (await connectToRunningLibrary(layout))
    if (!reached) throw error
    return { dispatch: reached, events: null, close: async () => undefined }
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
        // A page saved as one file (MHTML) brings its pictures inside it.
        const savedPage = await savedPageInput(arg)
        const result = savedPage
          ? await dispatch('extension.addSavedPage', savedPage)
          : await dispatch('articles.add', await sourceFromArgument(arg))
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

export interface ListOptions {
  unread?: boolean
  starred?: boolean
  archived?: boolean
  country?: string | undefined
  correspondent?: string | undefined
  collection?: string | undefined
  feed?: string | undefined
  site?: string | undefined
  from?: string | undefined
  to?: string | undefined
  sort?: string | undefined
  limit?: string | undefined
  offset?: string | undefined
}

/** The list's flags as the contract's input; the contract's schema checks them as it does for the window. */
export function listInput(values: ListOptions, query: string | undefined): ParsedInputOf<'articles.list'> {
  const states = (['unread', 'starred', 'archived'] as const).filter((name) => values[name])
  if (states.length > 1) {
    // One state at a time, as in the sidebar; dropping one of them silently would list the wrong thing.
    throw new UsageError(
      `choose one of ${states.map((s) => `--${s}`).join(', ')}: the list shows one state at a time`,
    )
  }
  const state = states[0] ?? 'all'
  const raw = {
    state,
    ...(values.country ? { country: values.country } : {}),
    ...(values.correspondent ? { correspondent: values.correspondent } : {}),
    ...(values.collection ? { collection: values.collection } : {}),
    ...(values.feed ? { feed: positiveInteger(values.feed, '--feed') } : {}),
    ...(values.site ? { site: values.site } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(query ? { query } : {}),
    sort: values.sort ?? (query ? 'relevance' : 'newest'),
    offset: values.offset ? positiveInteger(values.offset, '--offset') : 0,
    limit: 500,
  }
  const parsed = ListArticlesInput.safeParse(raw)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '))
  return parsed.data
}

/**
 * `dateline list` and `dateline search`: one query for the page asked for, so the cost does not
 * grow with the library. Without --limit every match is printed, 500 at a time.
 */
export async function listArticles(
  libraryDir: string,
  values: ListOptions,
  json: boolean,
  query?: string,
): Promise<number> {
  const library = await openForReading(libraryDir, printUpgradeProgress)
  try {
    const { offset, limit: _page, sort, ...filter } = listInput(values, query)
    const wanted = values.limit ? positiveInteger(values.limit, '--limit') : Number.POSITIVE_INFINITY
    const items: ArticleSummary[] = []
    let total = 0
    for (let at = offset; items.length < wanted;) {
      const limit = Math.min(500, wanted - items.length)
      const page = await library.list(filter, sort, at, limit)
      total = page.total
      items.push(...page.items)
      if (page.items.length < limit) break
      at += page.items.length
    }
    if (json) console.log(JSON.stringify({ total, items }, null, 2))
    else if (total === 0 && isEmpty(await library.counts()))
      console.log('The library is empty. Add an article with: dateline add <url|file>')
    else if (total === 0) console.log(query ? 'Nothing matches.' : terminalSafe(noArticlesMessage(filter)))
    else for (const item of items) console.log(formatListLine(item))
    return 0
  } finally {
    await library.close()
  }
}

/** "No unread articles about UA in “Minsk”.": what the empty list was asked for, so a typo shows. */
export function noArticlesMessage(filter: ArticleFilter): string {
  const parts = [
    `No ${filter.state === 'all' ? '' : `${filter.state} `}articles`,
    filter.country ? `about ${filter.country.toUpperCase()}` : '',
    filter.correspondent ? `by ${filter.correspondent}` : '',
    filter.collection ? `in the collection “${filter.collection}”` : '',
    filter.feed ? `from feed ${filter.feed}` : '',
    filter.site ? `from ${filter.site}` : '',
    filter.from ? `saved since ${filter.from}` : '',
    filter.to ? `saved until ${filter.to}` : '',
  ]
  return `${parts.filter(Boolean).join(' ')}.`
}

function isEmpty(counts: { articles: number; archived: number }): boolean {
  return counts.articles + counts.archived === 0
}

export async function showArticle(libraryDir: string, id: string, json: boolean): Promise<number> {
  const library = await openForReading(libraryDir, printUpgradeProgress)
  try {
    const [wholeId] = await library.resolveIds([id])
    const article = await library.article(wholeId!)
    console.log(json ? JSON.stringify(article, null, 2) : formatArticle(article))
    return 0
  } finally {
    await library.close()
  }
}

const MARKS: Record<string, { read?: boolean; starred?: boolean; archived?: boolean }> = {
  read: { read: true },
  unread: { read: false },
  star: { starred: true },
  unstar: { starred: false },
  archive: { archived: true },
  unarchive: { archived: false },
}

/** `dateline mark read|unread|star|unstar|archive|unarchive ID...`: one change for all, at once. */
export async function markArticles(libraryDir: string, args: string[], json: boolean): Promise<number> {
  const [how, ...ids] = args
  const change = how ? MARKS[how] : undefined
  if (!change) throw new UsageError(`mark takes one of ${Object.keys(MARKS).join(', ')}, then article ids`)
  if (ids.length === 0) throw new UsageError('mark needs at least one article id')
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    const result = await dispatch('articles.setStates', { ids: await wholeIds(dispatch, ids), ...change })
    if (!result.ok) {
      console.error(`dateline: ${result.error.message}`)
      return 1
    }
    const { articles } = result.value as { articles: ArticleSummary[] }
    if (json) console.log(JSON.stringify({ marked: articles.map((a) => a.id) }))
    else console.log(`Marked ${articleCount(articles.length)} ${how}`)
    return 0
  } finally {
    await close()
  }
}

export async function deleteArticles(libraryDir: string, ids: string[], json: boolean): Promise<number> {
  if (ids.length === 0) throw new UsageError('delete needs at least one article id')
  const { dispatch, close } = await openForWriting(libraryDir)
  let failed = 0
  try {
    for (const id of await wholeIds(dispatch, ids)) {
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
  const library = await openForReading(libraryDir, printUpgradeProgress)
  const written: string[] = []
  try {
    const wanted = ids.length > 0 ? await library.resolveIds(ids) : await library.allIds()
    await mkdir(outDir, { recursive: true })
    for (const id of wanted) {
      const article = await library.article(id)
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
