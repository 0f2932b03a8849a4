import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { toErrorInfo } from '@shared/errors'
import { resolveLibraryDir } from '../library/location'
import {
  addArticles,
  deleteArticles,
  exportArticles,
  listArticles,
  markArticles,
  showArticle,
} from './library-commands'
import { searchCommand } from './search-command'
import { backUpNow, rebuildDatabase, reindexLibrary, restoreFromBackup } from './maintenance-commands'
import { extractArticle, serve } from './web-commands'
import { one, UsageError } from './usage-error'
import { terminalSafe } from './format'

const USAGE = `Usage: dateline <command> [options]

Commands:
  add <url|file>...        Save articles (web addresses, .html/.htm or .txt files) to the library
  extract <url|file>       Show what Dateline reads from a page, without saving it
  list                     List the library, newest first (filters below, --limit N, --offset N,
                           --sort newest|oldest|relevance)
  search <words>           Find articles by their words, best first (same filters as list):
                           "a phrase", -left-out, the last word also as a prefix
  show <id>                Print one article's text
  mark <how> <id>...       read, unread, star, unstar, archive or unarchive articles
  delete <id>...           Delete articles
  export [<id>...]         Write articles as self-contained HTML files (--out DIR, --format html|txt|json)
  serve                    Read the library in a web browser (--port N, --host ADDRESS)
  backup                   Back up the library database now (the app makes one a day, 7 kept)
  restore-backup [<day>]   Put back the newest good backup, or the one of <day> (--list shows them)
  rebuild                  Recreate the library database from the article files
  reindex                  Build the search index again from the articles (with progress)

Filters (list, search): --unread, --starred, --archived, --country CC, --correspondent NAME,
  --collection NAME, --feed ID, --site NAME, --from YYYY-MM-DD, --to YYYY-MM-DD

Options:
  --library DIR            The library folder (default: DATELINE_LIBRARY, else the desktop app's)
  --json                   Print JSON, for scripts
  -h, --help               Show this help
  -v, --version            Show the version`

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
      archived: { type: 'boolean', default: false },
      country: { type: 'string' },
      correspondent: { type: 'string' },
      collection: { type: 'string' },
      feed: { type: 'string' },
      site: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      sort: { type: 'string' },
      offset: { type: 'string' },
      list: { type: 'boolean', default: false },
      limit: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-remote': { type: 'boolean', default: false },
      out: { type: 'string' },
      format: { type: 'string' },
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
    case 'search':
      if (rest.length === 0) throw new UsageError('search needs the words to look for')
      return searchCommand(libraryDir, values, json, rest.join(' '))
    case 'mark':
      return markArticles(libraryDir, rest, json)
    case 'rebuild':
      return rebuildDatabase(libraryDir, json)
    case 'reindex':
      return reindexLibrary(libraryDir, json)
    case 'restore-backup':
      return restoreFromBackup(libraryDir, rest, values, json)
    case 'backup':
      return backUpNow(libraryDir, json)
    case 'show':
      return showArticle(libraryDir, one(rest, 'show needs an article id'), json)
    case 'delete':
      return deleteArticles(libraryDir, rest, json)
    case 'serve':
      return serve(libraryDir, values)
    case 'export':
      return exportArticles(libraryDir, rest, values, json)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
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

/**
 * Runs one command line and sets the exit code: 0 done, 1 failed, 2 a usage error, each failure
 * with its one-line reason on stderr. The installed app runs it too (src/main/electron/cli-mode.ts).
 */
export function runCommandLine(argv: string[]): Promise<void> {
  return runCli(argv).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`dateline: ${(error as Error).message}\nRun "dateline --help" for the commands.`)
        process.exitCode = 2
        return
      }
      console.error(terminalSafe(`dateline: ${toErrorInfo(error).message}`))
      process.exitCode = 1
    },
  )
}

// `node out/main/cli.js …` runs it; bin/dateline.mjs and the installed app call runCommandLine.
const startedAsScript =
  process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url
if (startedAsScript) void runCommandLine(process.argv.slice(2))
