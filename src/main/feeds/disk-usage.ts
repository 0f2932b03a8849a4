import { lstat, opendir } from 'node:fs/promises'
import { join } from 'node:path'
import type { DiskUsage } from '@shared/feeds'
import type { LibraryLayout } from '../library/layout'

/**
 * How much disk the library takes: the database with its backups, the article files, the pictures.
 * A walk of the folder that follows no link (lstat), so nothing outside the library is counted.
 */
export async function libraryDiskUsage(layout: LibraryLayout): Promise<DiskUsage> {
  const [db, backups, articles, media] = await Promise.all([
    fileSize(layout.database),
    folderSize(layout.backupsDir),
    folderSize(layout.articlesDir),
    folderSize(layout.mediaDir),
  ])
  const database = db + backups
  return { database, articles, media, total: database + articles + media }
}

async function fileSize(path: string): Promise<number> {
  const info = await lstat(path).catch(() => null)
  return info?.isFile() ? info.size : 0
}

async function folderSize(path: string): Promise<number> {
  let total = 0
  const pending = [path]
  while (pending.length > 0) {
    const dir = pending.pop()!
    const handle = await opendir(dir).catch(() => null)
    if (!handle) continue
    for await (const entry of handle) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) pending.push(full)
      else if (entry.isFile()) total += await fileSize(full)
    }
  }
  return total
}
