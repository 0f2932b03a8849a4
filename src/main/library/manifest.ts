import { DatelineError } from '@shared/errors'
import { writeFileAtomic } from './atomic-file'
import { readRegularFile } from './confined-files'

const MAX_MANIFEST_BYTES = 64 * 1024
import type { LibraryLayout } from './layout'
import { LATEST_DATABASE_VERSION } from './schema'

export const LIBRARY_FORMAT = 'dateline-library'
/**
 * 1: the sharded JSON library; 2 and up: library.db at that database version. It is the latest
 * step of schema.ts, so the manifest and the database agree on what a version means.
 */
export const CURRENT_SCHEMA_VERSION = LATEST_DATABASE_VERSION

export interface Manifest {
  format: typeof LIBRARY_FORMAT
  schemaVersion: number
  createdAt: string
}

export async function readManifest(layout: LibraryLayout): Promise<Manifest | null> {
  let text: string
  try {
    // A manifest is a few hundred bytes; a link, a device or a huge file was not written by us.
    text = (await readRegularFile(layout.manifest, MAX_MANIFEST_BYTES)).toString('utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    if (error instanceof DatelineError || code === 'ELOOP') {
      throw damaged(layout, 'its manifest library.json is a link, not a file, or far too large')
    }
    throw error
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw damaged(layout, 'its manifest library.json is not valid JSON')
  }
  if (!isManifest(parsed)) throw damaged(layout, 'its manifest library.json is not a Dateline manifest')
  return parsed
}

export async function writeManifest(layout: LibraryLayout, manifest: Manifest): Promise<void> {
  await writeFileAtomic(layout.manifest, JSON.stringify(manifest, null, 2))
}

export function newManifest(now: Date): Manifest {
  return { format: LIBRARY_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: now.toISOString() }
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Manifest
  return (
    typeof value === 'object' &&
    value !== null &&
    m.format === LIBRARY_FORMAT &&
    Number.isInteger(m.schemaVersion) &&
    m.schemaVersion >= 1
  )
}

function damaged(layout: LibraryLayout, why: string): DatelineError {
  return new DatelineError(
    'LIBRARY_DAMAGED',
    `The folder ${layout.root} cannot be opened as a Dateline library: ${why}. Nothing was changed.`,
  )
}
