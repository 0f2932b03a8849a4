import { statSync } from 'node:fs'
import { extname, isAbsolute, resolve } from 'node:path'

/**
 * Files the system asks Dateline to open (file associations, "Open with", a file dropped on the
 * dock icon), found among the arguments of a launch: each becomes an article, as `dateline add
 * FILE` does. Only existing regular files of the associated kinds; anything else is ignored, so a
 * crafted command line cannot make the window read a folder or a device.
 */
const OPENABLE = new Set(['.html', '.htm', '.xhtml', '.txt', '.text', '.md', '.mhtml', '.mht', '.webarchive'])

export function filesToOpen(
  args: readonly string[],
  cwd: string,
  isFile: (path: string) => boolean = regularFile,
): string[] {
  const files: string[] = []
  for (const arg of args) {
    if (arg.startsWith('-') || !OPENABLE.has(extname(arg).toLowerCase())) continue
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg)
    if (isFile(path) && !files.includes(path)) files.push(path)
  }
  return files
}

function regularFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
