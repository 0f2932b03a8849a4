import { readFile } from 'node:fs/promises'
import { DatelineError } from '@shared/errors'
import { writeFileAtomic } from './atomic-file'
import type { LibraryLayout } from './layout'

export const LIBRARY_FORMAT = 'dateline-library'
/** Bump with a migration below whenever the layout or a stored record changes shape. */
export const CURRENT_SCHEMA_VERSION = 1

export interface Manifest {
  format: typeof LIBRARY_FORMAT
  schemaVersion: number
  createdAt: string
}

export interface Migration {
  /** The version this migration upgrades from; it leaves the library at `from + 1`. */
  from: number
  describe: string
  run(layout: LibraryLayout): Promise<void>
}

/** Ordered, one per version step. Version 1 is the first released layout, so none yet. */
export const migrations: Migration[] = []

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

/**
 * For reading without the lock (`dateline list` while the app runs): nothing may be written, so a
 * library that is not at the current version cannot be read safely, whichever way it differs.
 */
export function assertReadableAsIs(
  layout: LibraryLayout,
  manifest: Manifest,
  target = CURRENT_SCHEMA_VERSION,
): void {
  if (manifest.schemaVersion > target) throw newerLibrary(layout, manifest, target)
  if (manifest.schemaVersion < target) {
    throw new DatelineError(
      'LIBRARY_NEEDS_UPGRADE',
      `The library at ${layout.root} was written by an older Dateline and must be upgraded before it can ` +
        'be read: open it once in the app (or with dateline serve or dateline add).',
    )
  }
}

/**
 * Brings an older library up to the current schema, one step at a time, writing the manifest after
 * each step so an interrupted upgrade resumes where it stopped.
 */
export async function migrateLibrary(
  layout: LibraryLayout,
  manifest: Manifest,
  steps: Migration[] = migrations,
  target = CURRENT_SCHEMA_VERSION,
): Promise<Manifest> {
  if (manifest.schemaVersion > target) throw newerLibrary(layout, manifest, target)
  let current = manifest
  while (current.schemaVersion < target) {
    const step = steps.find((m) => m.from === current.schemaVersion)
    if (!step) {
      throw new DatelineError(
        'INTERNAL',
        `Dateline does not know how to upgrade a library from version ${current.schemaVersion}.`,
      )
    }
    await step.run(layout)
    current = { ...current, schemaVersion: step.from + 1 }
    await writeManifest(layout, current)
  }
  return current
}

function newerLibrary(layout: LibraryLayout, manifest: Manifest, target: number): DatelineError {
  return new DatelineError(
    'LIBRARY_NEWER',
    `The library at ${layout.root} was written by a newer version of Dateline (library version ` +
      `${manifest.schemaVersion}, this app reads up to ${target}). Update Dateline to open it; nothing was changed.`,
  )
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
