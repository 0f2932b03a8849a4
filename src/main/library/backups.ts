import { copyFile, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DatelineError } from '@shared/errors'
import { PRIVATE_FOLDER } from './atomic-file'
import { assertNoLinkBetween } from './confined-files'
import { SqlDatabase } from './database'
import type { LibraryLayout } from './layout'

/**
 * Daily copies of library.db, so what only the database holds (states, collections, follows) can
 * come back after damage. `VACUUM INTO` writes a consistent, compact copy inside one read
 * transaction; each copy is checked before it counts, and the newest 7 are kept.
 */
export const BACKUPS_KEPT = 7
const NAME = /^library-(\d{4}-\d{2}-\d{2})\.db$/

export interface BackupInfo {
  name: string
  path: string
  day: string
  bytes: number
}

export async function listBackups(layout: LibraryLayout): Promise<BackupInfo[]> {
  if (!(await isRealFolderInside(layout))) return []
  const names = await readdir(layout.backupsDir).catch(() => [] as string[])
  const backups: BackupInfo[] = []
  for (const name of names) {
    const day = NAME.exec(name)?.[1]
    if (!day) continue
    const path = join(layout.backupsDir, name)
    // lstat: a backup that is a link is not one of ours, and is neither read nor removed.
    const info = await lstat(path).catch(() => null)
    if (info?.isFile()) backups.push({ name, path, day, bytes: info.size })
  }
  return backups.sort((a, b) => (a.day < b.day ? 1 : -1))
}

/** Makes today's backup unless there is one; returns its name, or null when none was due. */
export async function backUpIfDue(db: SqlDatabase, layout: LibraryLayout, now: Date): Promise<string | null> {
  const day = now.toISOString().slice(0, 10)
  const existing = await listBackups(layout)
  if (existing.some((b) => b.day === day)) return null
  // A backups folder that is a link would have backups written, and old ones pruned, elsewhere.
  await assertNoLinkBetween(layout.root, layout.backupsDir)
  await mkdir(layout.backupsDir, { recursive: true, mode: PRIVATE_FOLDER })
  const name = `library-${day}.db`
  const draft = join(layout.backupsDir, `${name}.draft`)
  await rm(draft, { force: true })
  db.run('VACUUM INTO ?', [draft])
  if (!isGoodDatabase(draft)) {
    await rm(draft, { force: true })
    throw new DatelineError(
      'INTERNAL',
      'Today’s backup of the library did not check out; the older ones are kept.',
    )
  }
  await rename(draft, join(layout.backupsDir, name))
  for (const old of (await listBackups(layout)).slice(BACKUPS_KEPT)) await rm(old.path, { force: true })
  return name
}

async function isRealFolderInside(layout: LibraryLayout): Promise<boolean> {
  return assertNoLinkBetween(layout.root, layout.backupsDir).then(
    () => true,
    () => false,
  )
}

/** Opens, checks and counts; false for anything SQLite cannot read whole. */
export function isGoodDatabase(path: string): boolean {
  try {
    const db = SqlDatabase.open(path, { readOnly: true, busyTimeoutMs: 0 })
    try {
      return db.get<{ quick_check: string }>('PRAGMA quick_check')?.quick_check === 'ok'
    } finally {
      db.close()
    }
  } catch {
    return false
  }
}

export async function newestGoodBackup(layout: LibraryLayout): Promise<BackupInfo | null> {
  for (const backup of await listBackups(layout)) if (isGoodDatabase(backup.path)) return backup
  return null
}

/**
 * Puts a backup in place of library.db (the caller holds the library lock). The database it
 * replaces is kept beside it as library.db.replaced-<time>, never deleted.
 */
export async function restoreBackup(layout: LibraryLayout, backup: BackupInfo, now: Date): Promise<string> {
  if (!isGoodDatabase(backup.path)) {
    throw new DatelineError('LIBRARY_DAMAGED', `The backup ${backup.name} is damaged too; choose another.`)
  }
  const stamp = now.toISOString().replace(/[^0-9TZ]/g, '')
  const keptAs = `${layout.database}.replaced-${stamp}`
  await copyFile(backup.path, layout.databaseDraft)
  await rename(layout.database, keptAs).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  await rename(`${layout.database}-journal`, `${keptAs}-journal`).catch(() => undefined)
  await rename(layout.databaseDraft, layout.database)
  return keptAs
}
