import { access, mkdir, readdir, rmdir, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { DatelineError } from '@shared/errors'
import { PRIVATE_FOLDER } from './atomic-file'
import { newestGoodBackup } from './backups'
import { assertNoLinkBetween } from './confined-files'
import { databaseLockPath, REBUILD_WAY_OUT, SqlDatabase } from './database'
import { migrateJsonLibrary, removeDraft, removeLegacyFiles, type ProgressListener } from './database-builder'
import type { LibraryLayout } from './layout'
import { isProcessAlive, readLockHolder, type LibraryLock } from './lock'
import { CURRENT_SCHEMA_VERSION, newManifest, readManifest, writeManifest, type Manifest } from './manifest'
import { migrateDatabase } from './schema'

/** Opening a library folder: its manifest, its upgrade from older versions, and its database. */

export async function prepareFolder(
  layout: LibraryLayout,
  readOnly: boolean,
  now: () => Date,
): Promise<{ manifest: Manifest; created: boolean }> {
  const manifest = await readManifest(layout)
  if (manifest) return { manifest, created: false }
  if (await hasForeignFiles(layout)) {
    throw new DatelineError(
      'LIBRARY_DAMAGED',
      `The folder ${layout.root} already holds other files and is not a Dateline library. ` +
        'Choose an empty folder or an existing library with --library.',
    )
  }
  if (readOnly) return { manifest: newManifest(now()), created: true }
  await mkdir(layout.root, { recursive: true, mode: PRIVATE_FOLDER })
  const created = newManifest(now())
  await writeManifest(layout, created)
  return { manifest: created, created: true }
}

/**
 * What a Dateline may have left in a folder before its manifest exists: another process creating
 * the same library at this moment (its manifest still a temp file), or a first open that was
 * interrupted (the lock, the database and its journal, empty folders).
 */
function isOwnName(layout: LibraryLayout, name: string): boolean {
  const own = [
    layout.manifest,
    layout.settings,
    layout.extensions,
    layout.lock,
    layout.endpoint,
    layout.database,
    `${layout.database}-journal`,
    databaseLockPath(layout.database),
    layout.databaseDraft,
    layout.backupsDir,
    layout.articlesDir,
    layout.mediaDir,
    layout.metaDir,
  ].map((path) => basename(path))
  if (own.includes(name) || name === '.DS_Store') return true
  // Temp files: writeFileAtomic's <own name>.<pid>.<8 hex>.tmp, the lock's <lock>.<pid>.tmp
  const temp = /^(.+)\.\d+(?:\.[0-9a-f]{8})?\.tmp$/.exec(name)
  return temp !== null && own.includes(temp[1]!)
}

async function hasForeignFiles(layout: LibraryLayout): Promise<boolean> {
  try {
    if (!(await stat(layout.root)).isDirectory()) return true
    const names = await readdir(layout.root)
    return names.some((name) => !isOwnName(layout, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/**
 * The writer's part of opening, with the library lock held: clear what a killed writer left,
 * upgrade a schema-1 library once (with progress), and finish an upgrade a kill interrupted.
 */
export async function upgradeForWriting(
  layout: LibraryLayout,
  manifest: Manifest,
  lock: LibraryLock,
  progress?: ProgressListener,
): Promise<Manifest> {
  if (manifest.schemaVersion > CURRENT_SCHEMA_VERSION) throw newerLibrary(layout, manifest)
  // The database's lock directory outlives a killed process. Only the library lock can prove that
  // its holder is dead: we took it over from a process that no longer runs.
  if (lock.tookOverFrom !== null) await removeLockDirectory(databaseLockPath(layout.database))
  await removeDraft(layout)
  let current = manifest
  if (current.schemaVersion === 1) {
    await migrateJsonLibrary(layout, progress)
    current = { ...current, schemaVersion: 2 }
    await writeManifest(layout, current)
  }
  // Later versions are steps of the database itself (schema.ts), run when it is opened next; the
  // manifest says so first, so a kill in between leaves a library that finishes the step at open.
  if (current.schemaVersion < CURRENT_SCHEMA_VERSION) {
    current = { ...current, schemaVersion: CURRENT_SCHEMA_VERSION }
    await writeManifest(layout, current)
  }
  await removeLegacyFiles(layout)
  return current
}

async function removeLockDirectory(path: string): Promise<void> {
  try {
    if ((await stat(path)).isDirectory()) await rmdir(path)
  } catch {
    // Gone already, or not ours to remove (not a directory): SQLite will say so if it matters.
  }
}

/**
 * After a crash, reading needs a writer first: the database's lock directory or a hot journal is
 * left that only the writable open may clear. True when no live process holds the library lock,
 * so a brief writable open can do it.
 */
export async function needsRecovery(layout: LibraryLayout): Promise<boolean> {
  const journal = await stat(`${layout.database}-journal`).catch(() => null)
  const leftover = (journal !== null && journal.size > 0) || (await exists(databaseLockPath(layout.database)))
  if (!leftover) return false
  const holder = await readLockHolder(layout)
  return holder === null || !isProcessAlive(holder)
}

/**
 * Opens library.db and checks that it can be read. A damaged one is named with what to do: the
 * newest backup that checks out, or a rebuild from the article files. Nothing is overwritten.
 */
export async function openDatabase(
  layout: LibraryLayout,
  options: {
    readOnly: boolean
    created: boolean
    exclusive?: boolean
    /** More checks of the opened database, in the same read as ours (one lock for all of them). */
    verify?: (db: SqlDatabase) => void
  },
): Promise<SqlDatabase> {
  // SQLite follows a link: library.db (or its journal) pointing at another database would be written.
  for (const path of [layout.database, `${layout.database}-journal`, databaseLockPath(layout.database)]) {
    await assertNoLinkBetween(layout.root, path)
  }
  const present = await exists(layout.database)
  if (!present && !options.created && (await hasArticleFolders(layout))) {
    throw await damagedDatabase(layout, 'the database file library.db is missing')
  }
  if (!present && options.readOnly) return emptyDatabase()
  let db: SqlDatabase | null = null
  try {
    db = SqlDatabase.open(layout.database, {
      readOnly: options.readOnly,
      ...(options.exclusive ? { exclusive: true } : {}),
    })
    if (!options.readOnly) migrateDatabase(db)
    const opened = db
    opened.read(() => {
      if (options.readOnly) assertCurrentDatabase(opened, layout)
      opened.get('SELECT count(*) AS n FROM sidebar_counts')
      options.verify?.(opened)
    })
    return db
  } catch (error) {
    db?.close()
    if (error instanceof DatelineError && error.code === 'LIBRARY_BUSY') {
      const holder = await readLockHolder(layout)
      // Our own pid: this process holds the library, so what blocks it is another's reading.
      if (holder !== null && holder !== process.pid && isProcessAlive(holder)) {
        throw new DatelineError(
          'LIBRARY_BUSY',
          `The library at ${layout.root} is open in another Dateline (process ${holder}), which holds its ` +
            'database and did not answer. Try again in a moment, or close that Dateline.',
          { cause: error },
        )
      }
      // No other live Dateline holds the library: what is left can only be a reader's lock, and no lock
      // file proves that reader dead.
      throw new DatelineError(
        'LIBRARY_BUSY',
        `The library database ${layout.database} stayed locked for too long. If no Dateline is running, ` +
          `a command stopped while reading left its lock behind: remove the folder ${databaseLockPath(layout.database)} ` +
          'and try again.',
        { cause: error },
      )
    }
    if (error instanceof DatelineError && error.code === 'LIBRARY_DAMAGED') {
      // SQLite's own words are the reason; the backup to offer is known here.
      throw await damagedDatabase(layout, error.cause instanceof Error ? error.cause.message : error.message)
    }
    throw error
  }
}

/** A reader of a folder with no database yet sees an empty library, and creates nothing. */
function emptyDatabase(): SqlDatabase {
  const db = SqlDatabase.open(':memory:')
  migrateDatabase(db)
  return db
}

function assertCurrentDatabase(db: SqlDatabase, layout: LibraryLayout): void {
  const version = Number(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0)
  if (version === CURRENT_SCHEMA_VERSION) return
  if (version > CURRENT_SCHEMA_VERSION) {
    throw newerLibrary(layout, { schemaVersion: version } as Manifest)
  }
  throw needsUpgrade(layout)
}

export async function damagedDatabase(layout: LibraryLayout, why: string): Promise<DatelineError> {
  const backup = await newestGoodBackup(layout)
  const offer = backup
    ? `The newest good backup is from ${backup.day}: run "dateline restore-backup" to put it back ` +
      `(the damaged file is kept beside it), or ${REBUILD_WAY_OUT}.`
    : `There is no backup yet: run ${REBUILD_WAY_OUT}.`
  return new DatelineError(
    'LIBRARY_DAMAGED',
    `The library database ${layout.database} is damaged (${why}). Nothing was changed. ${offer}`,
  )
}

export function newerLibrary(
  layout: LibraryLayout,
  manifest: Pick<Manifest, 'schemaVersion'>,
): DatelineError {
  return new DatelineError(
    'LIBRARY_NEWER',
    `The library at ${layout.root} was written by a newer version of Dateline (library version ` +
      `${manifest.schemaVersion}, this app reads up to ${CURRENT_SCHEMA_VERSION}). Update Dateline to open it; ` +
      'nothing was changed.',
  )
}

export function needsUpgrade(layout: LibraryLayout): DatelineError {
  return new DatelineError(
    'LIBRARY_NEEDS_UPGRADE',
    `The library at ${layout.root} was written by an older Dateline and must be upgraded before it can ` +
      'be read: open it once in the app (or with dateline serve or dateline add).',
  )
}

async function hasArticleFolders(layout: LibraryLayout): Promise<boolean> {
  const names = await readdir(layout.articlesDir).catch(() => [] as string[])
  return names.some((name) => /^[0-9a-f]{2}$/.test(name))
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
