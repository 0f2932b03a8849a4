import { readdir } from 'node:fs/promises'
import { basename } from 'node:path'
import { DatelineError } from '@shared/errors'
import { libraryLayout, type LibraryLayout } from '../library/layout'
import { readManifest } from '../library/manifest'

/**
 * A mistyped --library must not quietly become a new library: a command may start one only in an
 * empty folder (made for it) or with --create. A folder that does not exist, or holds other files
 * but no library, is an error that names it.
 */
/**
 * The names a library's own files have: a folder holding one of them is a library being made by
 * another command right now (its manifest comes last) or a damaged one, which opening reports.
 */
function libraryEntryNames(layout: LibraryLayout): Set<string> {
  const paths = [layout.manifest, layout.lock, layout.database, layout.articlesDir, layout.mediaDir]
  return new Set(paths.map((path) => basename(path)))
}

/**
 * One of a library's own files, or the temp file an atomic write or the lock makes beside it first
 * (`library.lock.<pid>.tmp`): a command that looks while another is making the library sees that.
 */
function isLibraryEntry(name: string, own: Set<string>): boolean {
  if (own.has(name)) return true
  if (!name.endsWith('.tmp')) return false
  return [...own].some((entry) => name.startsWith(`${entry}.`))
}

export async function requireLibraryUnlessCreating(libraryDir: string, create: boolean): Promise<void> {
  if (create) return
  const layout = libraryLayout(libraryDir)
  if (await readManifest(layout)) return
  const entries = await readdir(libraryDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null
    throw error
  })
  if (entries !== null && entries.length === 0) return
  const own = libraryEntryNames(layout)
  if (entries?.some((name) => isLibraryEntry(name, own))) return
  const what = entries === null ? 'That folder does not exist' : 'That folder holds other files'
  throw new DatelineError(
    'NOT_FOUND',
    `There is no Dateline library at ${libraryDir}. ${what}. Check --library (or DATELINE_LIBRARY), ` +
      'or add --create to start a new library there.',
  )
}
