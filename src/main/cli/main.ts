import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { toErrorInfo } from '@shared/errors'
import { openApp, type DatelineApp } from '../app'
import { extractOnly } from '../ingest/capture'
import { createWorkerExtractor, defaultWorkerPath } from '../ingest/extractor'
import { LibraryStore } from '../library/library-store'
import { resolveLibraryDir } from '../library/location'
import { isLoopback } from '../serve/auth'
import { startBrowserHost } from '../serve/browser-host'
import { formatArticle, formatListLine } from './format'
import { sourceFromArgument } from './source-argument'

const USAGE = `Usage: dateline <command> [options]

Commands:
  add <url|file>...        Save articles (web addresses, .html/.htm or .txt files) to the library
  extract <url|file>       Show what Dateline reads from a page, without saving it
  list                     List the library, newest first (--unread, --starred, --limit N)
  show <id>                Print one article's text
  delete <id>...           Delete articles
  serve                    Read the library in a web browser (--port N, --host ADDRESS)

Options:
  --library DIR            The library folder (default: DATELINE_LIBRARY, else the desktop app's)
  --json                   Print JSON, for scripts
  -h, --help               Show this help
  -v, --version            Show the version`

class UsageError extends Error {}

export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      library: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
      unread: { type: 'boolean', default: false },
      starred: { type: 'boolean', default: false },
      limit: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.version) return print(readVersion())
  if (values.help || !command) return print(USAGE)
  const libraryDir = resolveLibraryDir(values.library)
  const json = values.json

  switch (command) {
    case 'add':
      return addArticles(libraryDir, rest, json)
    case 'extract':
      return extractArticle(one(rest, 'extract needs a web address or a file'), json)
    case 'list':
      return listArticles(libraryDir, values, json)
    case 'show':
      return showArticle(libraryDir, one(rest, 'show needs an article id'), json)
    case 'delete':
      return deleteArticles(libraryDir, rest, json)
    case 'serve':
      return serve(libraryDir, values)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

async function addArticles(libraryDir: string, args: string[], json: boolean): Promise<number> {
  if (args.length === 0) throw new UsageError('add needs at least one web address or file')
  const app = await openApp({ libraryDir })
  let failed = 0
  const results: unknown[] = []
  try {
    for (const arg of args) {
      try {
        const source = await sourceFromArgument(arg)
        const result = await app.dispatch('articles.add', source)
        if (!result.ok) throw result.error
        const { article, updated, warnings } = result.value as {
          article: { id: string; title: string }
          updated: boolean
          warnings: string[]
        }
        results.push(result.value)
        if (!json) {
          console.log(`${updated ? 'Updated' : 'Added'} ${article.id}  ${article.title}`)
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
    await app.close()
  }
  if (json) console.log(JSON.stringify(results, null, 2))
  return failed === 0 ? 0 : 1
}

async function extractArticle(arg: string, json: boolean): Promise<number> {
  const extractor = createWorkerExtractor({ workerPath: defaultWorkerPath() })
  try {
    const extracted = await extractOnly(await sourceFromArgument(arg), { extractor, fetch })
    console.log(
      json
        ? JSON.stringify(extracted, null, 2)
        : formatArticle({ ...extracted, addedAt: '', publishedAt: extracted.publishedAt } as never),
    )
    return 0
  } finally {
    await extractor.close()
  }
}

async function listArticles(
  libraryDir: string,
  values: { unread?: boolean; starred?: boolean; limit?: string | undefined },
  json: boolean,
): Promise<number> {
  const library = await LibraryStore.open(libraryDir, { readOnly: true })
  const filter = values.unread ? 'unread' : values.starred ? 'starred' : 'all'
  const limit = values.limit ? positiveInteger(values.limit, '--limit') : library.count(filter)
  const items = library.list(filter, 0, limit)
  if (json) console.log(JSON.stringify({ total: library.count(filter), items }, null, 2))
  else if (items.length === 0)
    console.log('The library is empty. Add an article with: dateline add <url|file>')
  else for (const item of items) console.log(formatListLine(item))
  await library.close()
  return 0
}

async function showArticle(libraryDir: string, id: string, json: boolean): Promise<number> {
  const library = await LibraryStore.open(libraryDir, { readOnly: true })
  try {
    const article = await library.readArticle(id)
    console.log(json ? JSON.stringify(article, null, 2) : formatArticle(article))
    return 0
  } finally {
    await library.close()
  }
}

async function deleteArticles(libraryDir: string, ids: string[], json: boolean): Promise<number> {
  if (ids.length === 0) throw new UsageError('delete needs at least one article id')
  const app = await openApp({ libraryDir })
  let failed = 0
  try {
    for (const id of ids) {
      const result = await app.dispatch('articles.delete', { id })
      if (result.ok) {
        if (!json) console.log(`Deleted ${id}`)
      } else {
        failed++
        console.error(`dateline: ${id}: ${result.error.message}`)
      }
    }
  } finally {
    await app.close()
  }
  if (json) console.log(JSON.stringify({ deleted: ids.length - failed, failed }))
  return failed === 0 ? 0 : 1
}

async function serve(
  libraryDir: string,
  values: { port?: string | undefined; host?: string | undefined; 'allow-remote'?: boolean },
): Promise<number> {
  const host = values.host ?? '127.0.0.1'
  if (!isLoopback(host) && !values['allow-remote']) {
    throw new UsageError(
      `serving on ${host} would let other machines reach your library; add --allow-remote if that is what you want`,
    )
  }
  const port = values.port ? positiveInteger(values.port, '--port') : 4417
  const app: DatelineApp = await openApp({ libraryDir })
  const host_ = await startBrowserHost({
    app,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    host,
    port,
  })
  if (!isLoopback(host)) {
    console.error(
      `warning: Dateline is listening on ${host}: anyone who can reach this machine and has the link can read and change your library.`,
    )
  }
  console.log(`Dateline is serving ${libraryDir}`)
  console.log(`Open ${host_.url}`)
  console.log('Press Ctrl+C to stop.')
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await host_.close()
  await app.close()
  return 0
}

function one(args: string[], message: string): string {
  if (args.length !== 1 || !args[0]) throw new UsageError(message)
  return args[0]
}

function positiveInteger(raw: string, flag: string): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${flag} takes a whole number`)
  return value
}

function print(text: string): number {
  console.log(text)
  return 0
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    return pkg.version
  } catch {
    return 'unknown'
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`dateline: ${(error as Error).message}\nRun "dateline --help" for the commands.`)
      process.exitCode = 2
      return
    }
    console.error(`dateline: ${toErrorInfo(error).message}`)
    process.exitCode = 1
  },
)
