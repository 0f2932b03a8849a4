import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { toErrorInfo } from '@shared/errors'
import { resolveLibraryDir } from '../library/location'
import { addArticles, deleteArticles, exportArticles, listArticles, showArticle } from './library-commands'
import { extractArticle, serve } from './web-commands'
import { one, UsageError } from './usage-error'
import { terminalSafe } from './format'

const USAGE = `Usage: dateline <command> [options]

Commands:
  add <url|file>...        Save articles (web addresses, .html/.htm or .txt files) to the library
  extract <url|file>       Show what Dateline reads from a page, without saving it
  list                     List the library, newest first (--unread, --starred, --limit N)
  show <id>                Print one article's text
  delete <id>...           Delete articles
  export [<id>...]         Write articles as self-contained HTML files (--out DIR, --format html|txt|json)
  serve                    Read the library in a web browser (--port N, --host ADDRESS)

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
    console.error(terminalSafe(`dateline: ${toErrorInfo(error).message}`))
    process.exitCode = 1
  },
)
