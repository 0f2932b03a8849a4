import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { toErrorInfo } from '@shared/errors'
import { resolveLibraryDir } from '../library/location'
import { addArticles, deleteArticles, listArticles, markArticles, showArticle } from './library-commands'
import { isDatelineArchive } from '../export/archive-import'
import { importFile } from './import-commands'
import { followCommand, listCorrespondentsCommand } from './correspondent-commands'
import { searchCommand, searchWordsKept } from './search-command'
import { collectionCommand } from './collection-commands'
import { addHighlight, listHighlights } from './highlight-commands'
import { exportCommand, importArchiveCommand } from './export-commands'
import { listCountries, retagLibrary, tagArticle, takeCountryEdits } from './country-commands'
import { backUpNow, rebuildDatabase, reindexLibrary, restoreFromBackup } from './maintenance-commands'
import { extractArticle, serve } from './web-commands'
import { feedCommand, opmlCommand, refreshCommand } from './feed-commands'
import { syncCommand } from './sync-commands'
import { storiesCommand } from './stories-commands'
import { one, UsageError } from './usage-error'
import { terminalSafe } from './format'
import { trashCommand } from './trash-commands'
import { requireLibraryUnlessCreating } from './library-presence'

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
  delete <id>...           Move articles to the trash (kept 30 days)
  trash [list]             The deleted articles, newest delete first, with the day each goes for good
  trash restore <id>...    Bring articles back from the trash
  trash empty [<id>...]    Delete the trash (or only these articles) for good
  highlights [<id>]        The highlights and notes of an article (or of every article); orphaned
                           ones (no longer in the text after a re-capture) are marked
  highlight <id> --quote TEXT [--note TEXT]   Highlight a passage of an article, with a note
  collection <verb> ...    Collections: list; create NAME [--description TEXT] [--smart with list
                           filters and --words WORDS]; rename OLD NEW; describe NAME TEXT;
                           delete NAME (its articles stay); add NAME ID...; remove NAME ID...
  export [<id>...]         Export articles (--collection NAME, or ids, or the list's filters; else all)
                           --format epub|md|html|txt|json (json: a Dateline archive) --out PATH
  import-archive <file>    Bring a Dateline archive (dateline export --format json) into the library
  import <file>            Bring in an export of Pocket, Instapaper, wallabag, Omnivore, browser
                           bookmarks or a list of links (--format pocket|instapaper|wallabag|
                           omnivore|bookmarks|urls; found from the file when left out)
  serve                    Read the library in a web browser (--port N, --host ADDRESS)
  backup                   Back up the library database now (the app makes one a day, 7 kept)
  restore-backup [<day>]   Put back the newest good backup, or the one of <day> (--list shows them)
  rebuild                  Recreate the library database from the article files
  reindex                  Build the search index again from the articles (with progress)
  countries                Every country with its articles and unread ones (list filters, --sort name)
  tag <id> +UA ^UA -RU     Correct an article's countries: add, make primary, remove (kept on retag)
  retag                    Tag the countries of every article again (with progress; edits kept)
  feed add <url>           Subscribe to a feed, or to the feed a site's page names
                           (--folder NAME, --summary to keep the feed's content only)
  feed list                The subscriptions, their unread counts and errors
  feed remove <id>         Unsubscribe (articles are kept; --delete-articles removes them)
  refresh [<id>...]        Refresh all feeds (or some) now; --json prints one line per feed
  opml import <file>       Subscribe to the feeds of another reader's OPML file, with folders
  opml export [<file>]     Write the subscriptions as OPML (to the file, or print them)
  correspondents [<name>]  Who wrote the articles, with counts (--sort count|name|latest)
  follow <name>            Follow a correspondent (and their own feed, when their page has one)
  unfollow <name>          Stop following a correspondent
  sync enable <folder>     Sync this library through a folder Syncthing (or Dropbox...) shares
                           (--name NAME for this device); its history becomes the first log
  sync status              This device, the others and their last change (--json)
  sync now                 Write this device's changes and read the others' now
  sync disable             Stop syncing; both libraries stay whole
  stories                  The latest stories: one event's articles across outlets and languages
                           (--country CC, --collection NAME, --limit N); stories show <n>: its
                           articles by time and why they are grouped
  stories group <file>     Group a file of JSON lines (id, title, text, lang, publishedAt, site)
                           with the library's method; --json prints each item's story

Ids: any unique start of an id (at least 4 characters) names the article, as in git.

Filters (list, search): --unread, --starred, --archived, --country CC, --correspondent NAME,
  --collection NAME, --feed ID, --site NAME, --from YYYY-MM-DD, --to YYYY-MM-DD (the day saved,
  which list shows)

Options:
  --library DIR            The library folder (default: DATELINE_LIBRARY, else the desktop app's);
                           one that does not exist (or holds other files) is an error
  --create                 Start a new library at --library when there is none
  --json                   Print JSON, for scripts
  -h, --help               Show this help
  -v, --version            Show the version`

const OPTIONS = {
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
  description: { type: 'string' },
  smart: { type: 'boolean', default: false },
  words: { type: 'string' },
  folder: { type: 'string' },
  summary: { type: 'boolean', default: false },
  'delete-articles': { type: 'boolean', default: false },
  name: { type: 'string' },
  create: { type: 'boolean', default: false },
  quote: { type: 'string' },
  note: { type: 'string' },
} as const satisfies ParseArgsOptionsConfig

export async function runCli(argv: string[]): Promise<number> {
  const { args, edits } = takeCountryEdits(argv)
  const { values, positionals } = parseArgs({
    args: searchWordsKept(args, OPTIONS),
    allowPositionals: true,
    options: OPTIONS,
  })
  const [command, ...rest] = positionals
  if (values.version) return print(readVersion())
  if (values.help || !command) return print(USAGE)
  const libraryDir = resolveLibraryDir(values.library)
  const json = values.json
  // The app's own folder is made on first use; a folder someone named must be a library already.
  const named = Boolean(values.library || process.env.DATELINE_LIBRARY)
  if (named && needsLibrary(command, rest)) await requireLibraryUnlessCreating(libraryDir, values.create)

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
    case 'trash':
      return trashCommand(libraryDir, rest, json)
    case 'highlights':
      return listHighlights(libraryDir, rest, json)
    case 'highlight':
      return addHighlight(libraryDir, rest, values, json)
    case 'collection':
      return collectionCommand(libraryDir, rest, values, json)
    case 'serve':
      return serve(libraryDir, values)
    case 'export':
      return exportCommand(libraryDir, rest, values, json)
    case 'import-archive':
      return importArchiveCommand(libraryDir, one(rest, 'import-archive needs a Dateline archive file'), json)
    case 'import': {
      // A Dateline archive (export --format json) comes back whole; anything else is another app's export.
      const [file] = rest
      if (rest.length === 1 && !values.format && file && (await isDatelineArchive(file))) {
        return importArchiveCommand(libraryDir, file, json)
      }
      return importFile(libraryDir, rest, values, json)
    }
    case 'countries':
      return listCountries(libraryDir, values, json)
    case 'stories':
      return storiesCommand(libraryDir, rest, values, json)
    case 'tag':
      return tagArticle(libraryDir, rest, edits, json)
    case 'retag':
      return retagLibrary(libraryDir, json)
    case 'feed':
      return feedCommand(libraryDir, rest, values, json)
    case 'refresh':
      return refreshCommand(libraryDir, rest, json)
    case 'opml':
      return opmlCommand(libraryDir, rest, json)
    case 'correspondents':
      return listCorrespondentsCommand(libraryDir, rest, values, json)
    case 'follow':
      return followCommand(libraryDir, rest, true, json)
    case 'unfollow':
      return followCommand(libraryDir, rest, false, json)
    case 'sync':
      return syncCommand(libraryDir, rest, values, json)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

/** extract and stories group read only their argument; every other command works on a library. */
function needsLibrary(command: string, rest: string[]): boolean {
  return command !== 'extract' && !(command === 'stories' && rest[0] === 'group')
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
