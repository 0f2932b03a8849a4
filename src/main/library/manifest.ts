import { readFile } from 'node:fs/promises'
import { DatelineError } from '@shared/errors'
import { writeFileAtomic } from './atomic-file'
import type { LibraryLayout } from './layout'

export const LIBRARY_FORMAT = 'dateline-library'
/**
 * 1: the sharded JSON library; 2: library.db. A new database step in schema.ts bumps this to its
 * number, so the manifest and the database agree on what a version means.
 */
export const CURRENT_SCHEMA_VERSION = 2

export interface Manifest {
  format: typeof LIBRARY_FORMAT
  schemaVersion: number
  createdAt: string
}

export async function readManifest(layout: LibraryLayout): Promise<Manifest | null> {
  let text: string
  try {
    text = await readFile(layout.manifest, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
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
