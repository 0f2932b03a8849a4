import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The installed app is also the `dateline` command: /usr/bin/dateline from the deb, the link that
 * "Install Command-Line Tool" makes on macOS, `dateline.cmd` on Windows. With no arguments, a file,
 * a `dateline://` link or Chromium's own switches it opens the window; with a command word
 * (`dateline list --json`) or --help/--version it runs the CLI instead and exits. Electron's
 * runAsNode fuse is off, so the CLI cannot run through ELECTRON_RUN_AS_NODE: this is its way in.
 *
 * No list of commands is kept here (it would drift from the CLI's): a command is a bare lower-case
 * word that is not a file in the working folder.
 */

const CLI_SWITCHES = new Set(['--help', '-h', '--version', '-v'])
/** Options of the CLI that may come before the command, with the value each takes. */
const LEADING_OPTIONS_WITH_VALUE = new Set(['--library'])
const LEADING_FLAGS = new Set(['--json'])
const COMMAND_WORD = /^[a-z][a-z-]{1,31}$/

/**
 * The arguments of the command line after the app itself, for `process.argv` of Electron: a
 * packaged app has only its executable before them, `electron out/main/index.js` has the script too.
 */
export function argumentsAfterApp(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1)
}

/** The CLI's arguments when this launch is a command line, else null (open the window). */
export function commandLineOf(
  args: readonly string[],
  cwd: string,
  fileExists: (path: string) => boolean = existsSync,
): string[] | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (CLI_SWITCHES.has(arg)) return [...args]
    if (LEADING_OPTIONS_WITH_VALUE.has(arg)) {
      i++
      continue
    }
    if (LEADING_FLAGS.has(arg) || [...LEADING_OPTIONS_WITH_VALUE].some((o) => arg.startsWith(`${o}=`)))
      continue
    if (!COMMAND_WORD.test(arg)) return null
    return fileExists(resolve(cwd, arg)) ? null : [...args]
  }
  return null
}
