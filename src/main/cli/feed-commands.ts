import { readFile } from 'node:fs/promises'
import type { ProcedureName, InputOf, OutputOf } from '@shared/contract'
import type { Dispatch } from '../api/dispatch'
import { writeFileAtomic } from '../library/atomic-file'
import { terminalSafe } from './format'
import { openForWriting } from './library-commands'
import { UsageError } from './usage-error'

/**
 * `dateline feed add|list|remove`, `dateline refresh`, `dateline opml import|export`. Each is a
 * client of the feeds procedures; when the app or `dateline serve` holds the library, the calls go
 * to it (so `dateline refresh` from cron while the app is open refreshes in the app).
 */

export interface FeedCommandOptions {
  folder?: string | undefined
  summary?: boolean
  'delete-articles'?: boolean
}

async function withLibrary<T>(libraryDir: string, work: (call: Caller) => Promise<T>): Promise<T> {
  const { dispatch, close } = await openForWriting(libraryDir)
  try {
    return await work(caller(dispatch))
  } finally {
    await close()
  }
}

type Caller = <K extends ProcedureName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

function caller(dispatch: Dispatch): Caller {
  return async (name, input) => {
    const result = await dispatch(name, input)
    if (!result.ok) throw result.error
    return result.value as OutputOf<typeof name>
  }
}

export async function feedCommand(
  libraryDir: string,
  args: string[],
  options: FeedCommandOptions,
  json: boolean,
): Promise<number> {
  const [verb, ...rest] = args
  switch (verb) {
    case 'add': {
      if (rest.length !== 1) throw new UsageError('feed add needs the address of a feed or of a site')
      return withLibrary(libraryDir, async (call) => {
        const { feed, alsoOffered } = await call('feeds.add', {
          url: rest[0]!,
          ...(options.folder ? { folder: options.folder } : {}),
          ...(options.summary ? { captureMode: 'summary' as const } : {}),
        })
        if (json) {
          console.log(JSON.stringify({ feed, alsoOffered }, null, 2))
          return 0
        }
        console.log(terminalSafe(`Subscribed ${feed.id}  ${feed.title}  <${feed.url}>`))
        for (const other of alsoOffered) {
          console.log(terminalSafe(`  the site also offers: ${other.title}  <${other.url}>`))
        }
        console.log(
          'Run "dateline refresh" to bring in its articles (the app and serve refresh on their own).',
        )
        return 0
      })
    }
    case 'list':
      return withLibrary(libraryDir, async (call) => {
        const { feeds } = await call('feeds.list', {})
        if (json) {
          console.log(JSON.stringify(feeds, null, 2))
          return 0
        }
        if (feeds.length === 0) console.log('No feeds yet: dateline feed add <address>')
        for (const feed of feeds) {
          const where = feed.folder ? `${feed.folder} / ` : ''
          const state = feed.error
            ? `error: ${feed.error}`
            : feed.lastRefreshedAt
              ? `refreshed ${feed.lastRefreshedAt}`
              : 'not refreshed yet'
          console.log(
            terminalSafe(
              `${String(feed.id).padStart(4)}  ${where}${feed.title}  (${feed.unread} unread of ${feed.articles}; ${state})`,
            ),
          )
        }
        return 0
      })
    case 'remove': {
      const id = Number(rest[0])
      if (rest.length !== 1 || !Number.isInteger(id) || id <= 0)
        throw new UsageError('feed remove needs a feed id')
      return withLibrary(libraryDir, async (call) => {
        const result = await call('feeds.remove', { id, deleteArticles: options['delete-articles'] ?? false })
        if (json) console.log(JSON.stringify(result))
        else if (!result.removed) console.log(`There was no feed ${id}.`)
        else {
          const kept = options['delete-articles']
            ? `${result.articlesDeleted} of its articles deleted`
            : 'its articles are kept'
          console.log(`Unsubscribed from feed ${id}; ${kept}.`)
        }
        return result.removed ? 0 : 1
      })
    }
    default:
      throw new UsageError('feed takes add, list or remove')
  }
}

/** One line per feed; with --json, one JSON object per line (new, updated, errors, ms). */
export async function refreshCommand(libraryDir: string, args: string[], json: boolean): Promise<number> {
  const ids = args.map((arg) => {
    const id = Number(arg)
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${arg}" is not a feed id`)
    return id
  })
  return withLibrary(libraryDir, async (call) => {
    const outcome = await call('feeds.refresh', ids.length > 0 ? { ids } : {})
    for (const r of outcome.results) {
      if (json) {
        console.log(
          JSON.stringify({
            feed: r.feed,
            title: r.title,
            new: r.new,
            updated: r.updated,
            errors: r.errors,
            error: r.error,
            ms: r.ms,
          }),
        )
      } else {
        const what = r.error
          ? `error: ${r.error}`
          : r.notModified
            ? 'unchanged'
            : `${r.new} new, ${r.updated} updated`
        const failed = r.errors > 0 ? `, ${r.errors} could not be saved` : ''
        console.log(terminalSafe(`${String(r.feed).padStart(4)}  ${r.title}: ${what}${failed} (${r.ms} ms)`))
      }
    }
    if (outcome.offline) {
      if (json) console.log(JSON.stringify({ offline: true }))
      else console.error('dateline: the network cannot be reached; nothing was refreshed.')
    }
    if (!json && outcome.removed > 0)
      console.log(`${outcome.removed} read articles removed by the retention rules.`)
    return outcome.offline || outcome.results.some((r) => r.error) ? 1 : 0
  })
}

export async function opmlCommand(libraryDir: string, args: string[], json: boolean): Promise<number> {
  const [verb, file, ...extra] = args
  if (extra.length > 0) throw new UsageError('opml takes one file')
  if (verb === 'import') {
    if (!file) throw new UsageError('opml import needs the OPML file')
    const opml = await readFile(file, 'utf8')
    return withLibrary(libraryDir, async (call) => {
      const result = await call('feeds.importOpml', { opml })
      if (json) console.log(JSON.stringify(result))
      else {
        const folders = result.folders.length > 0 ? ` in ${result.folders.length} folders` : ''
        console.log(`${result.added} feeds added${folders}; ${result.existing} were already there.`)
      }
      return 0
    })
  }
  if (verb === 'export') {
    return withLibrary(libraryDir, async (call) => {
      const { opml } = await call('feeds.exportOpml', {})
      if (file) await writeFileAtomic(file, opml)
      else process.stdout.write(opml.endsWith('\n') ? opml : `${opml}\n`)
      return 0
    })
  }
  throw new UsageError('opml takes import or export')
}
