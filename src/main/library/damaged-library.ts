import { existsSync } from 'node:fs'
import { isGoodDatabase, newestGoodBackup, restoreBackup, type BackupInfo } from './backups'
import { rebuildLibraryDatabase, type ProgressListener } from './database-builder'
import { libraryLayout } from './layout'
import { acquireLibraryLock } from './lock'
import { articleCount } from '@shared/article-count'

/**
 * What the desktop app offers when its library's database is damaged, and doing what the person
 * chose. The CLI says the same in words (`dateline restore-backup`, `dateline rebuild`); a window
 * has no terminal, so it asks with buttons and does it. Nothing is overwritten before the person
 * chooses: both ways keep the damaged file beside the new one (library.db.replaced-<time>).
 */

export type LibraryRecovery = { kind: 'restore'; backup: BackupInfo } | { kind: 'rebuild' }

export interface DamagedDatabase {
  /** The newest backup that passes SQLite's check, if there is one. */
  backup: BackupInfo | null
}

/** Whether the library's database is there and damaged (a failed open for another reason is not). */
export async function damagedDatabaseOf(libraryDir: string): Promise<DamagedDatabase | null> {
  const layout = libraryLayout(libraryDir)
  if (!existsSync(layout.database) || isGoodDatabase(layout.database)) return null
  return { backup: await newestGoodBackup(layout) }
}

/** Restores the backup or rebuilds from the article folders; returns what the person is told. */
export async function recoverLibrary(
  libraryDir: string,
  recovery: LibraryRecovery,
  now: Date,
  progress?: ProgressListener,
): Promise<string> {
  const layout = libraryLayout(libraryDir)
  const lock = await acquireLibraryLock(layout)
  try {
    if (recovery.kind === 'restore') {
      const keptAs = await restoreBackup(layout, recovery.backup, now)
      return `The backup from ${recovery.backup.day} is back in place. The damaged database is kept as ${keptAs}.`
    }
    const result = await rebuildLibraryDatabase(layout, now, progress)
    return (
      `The library database was rebuilt from the article files: ${articleCount(result.articles)}. ` +
      'Read and starred marks and collections kept only in the database are gone.'
    )
  } finally {
    await lock.release()
  }
}
