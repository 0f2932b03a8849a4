import { resolve } from 'node:path'
import type { App } from 'electron'
import { DATELINE_SCHEME, MAX_LINK_CHARS, parseDatelineLink } from '@shared/dateline-link'

/**
 * `dateline://add?url=…` links from the bookmarklet, the extension's fallback or anywhere else:
 * registered with the system, read with the one parser (shared/dateline-link.ts), and turned
 * into nothing but a question in the window. Windows and Linux hand the link over on the command
 * line (of the first launch or, through second-instance, of a later one); macOS by open-url.
 */
export function registerLinkHandler(app: App): void {
  if (app.isPackaged) {
    app.setAsDefaultProtocolClient(DATELINE_SCHEME)
    return
  }
  // `electron out/main/index.js`: the system must start Electron with our script, not bare.
  const script = process.argv[1]
  if (script) app.setAsDefaultProtocolClient(DATELINE_SCHEME, process.execPath, [resolve(script)])
}

/** The Dateline links among a launch's arguments; anything longer than a link can be is skipped. */
export function linksIn(args: readonly string[]): string[] {
  return args.filter(
    (arg) => arg.length <= MAX_LINK_CHARS && arg.toLowerCase().startsWith(`${DATELINE_SCHEME}:`),
  )
}

/**
 * The web address a link offers to save, or null (with the reason logged, never shown: a crafted
 * link should not be able to put words in a dialog either).
 */
export function addressOffered(link: string, warn: (line: string) => void): string | null {
  const parsed = parseDatelineLink(link)
  if (parsed.ok) return parsed.url
  warn(`dateline: ignored a dateline:// link: ${parsed.reason}`)
  return null
}
