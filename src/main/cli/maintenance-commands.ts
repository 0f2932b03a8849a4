import { DatelineError } from '@shared/errors'
import { listBackups, restoreBackup } from '../library/backups'
import { rebuildLibraryDatabase } from '../library/database-builder'
import { libraryLayout } from '../library/layout'
import { LibraryStore } from '../library/library-store'
import { acquireLibraryLock } from '../library/lock'
import { readManifest } from '../library/manifest'
import { printUpgradeProgress } from './library-commands'
import { UsageError } from './usage-error'
import { articleCount } from '@shared/article-count'

/** The commands that repair a library: rebuild, restore-backup, backup. */

/**
 * `dateline rebuild`: a new library.db from the article folders. Needs the library to itself; the
 * old database is kept beside the new one (library.db.replaced-<time>), never deleted.
 */
export async function rebuildDatabase(libraryDir: string, json: boolean): Promise<number> {
  const layout = libraryLayout(libraryDir)
  const manifest = await readManifest(layout)
  if (!manifest) throw new DatelineError('NOT_FOUND', `There is no Dateline library at ${libraryDir}.`)
  const lock = await acquireLibraryLock(layout)
  try {
    const result = await rebuildLibraryDatabase(layout, new Date(), printUpgradeProgress)
    if (json) console.log(JSON.stringify(result))
    else {
      console.log(`Rebuilt the library database: ${articleCount(result.articles)}.`)
      if (result.skipped > 0)
        console.log(`${result.skipped} folders held no complete article and were left alone.`)
    }
    return 0
  } finally {
    await lock.release()
  }
}

/**
 * `dateline restore-backup [--list] [DAY]`: puts back the newest good backup (or the one of DAY).
 * The database it replaces is kept beside it, never deleted.
 */
export async function restoreFromBackup(
  libraryDir: string,
  args: string[],
  values: { list?: boolean },
  json: boolean,
): Promise<number> {
  const layout = libraryLayout(libraryDir)
  const backups = await listBackups(layout)
  if (values.list) {
    if (json) console.log(JSON.stringify(backups.map(({ name, day, bytes }) => ({ name, day, bytes }))))
    else if (backups.length === 0) console.log('There are no backups of this library yet.')
    else for (const b of backups) console.log(`${b.day}  ${(b.bytes / 1e6).toFixed(1)} MB  ${b.name}`)
    return 0
  }
  if (args.length > 1) throw new UsageError('restore-backup takes at most one day (YYYY-MM-DD)')
  const chosen = args[0] ? backups.find((b) => b.day === args[0]) : backups[0]
  if (!chosen) {
    throw new DatelineError(
      'NOT_FOUND',
      args[0]
        ? `There is no backup from ${args[0]}; see dateline restore-backup --list.`
        : 'There are no backups of this library.',
    )
  }
  const lock = await acquireLibraryLock(layout)
  try {
    const keptAs = await restoreBackup(layout, chosen, new Date())
    if (json) console.log(JSON.stringify({ restored: chosen.name, keptAs }))
    else console.log(`Restored the backup from ${chosen.day}. The database it replaced is kept as ${keptAs}.`)
  } finally {
    await lock.release()
  }
  return 0
}

/** `dateline backup`: today's backup now (the app and serve make one daily by themselves). */
export async function backUpNow(libraryDir: string, json: boolean): Promise<number> {
  const library = await LibraryStore.open(libraryDir, { progress: printUpgradeProgress })
  try {
    const made = await library.backUpIfDue()
    if (json) console.log(JSON.stringify({ made }))
    else console.log(made ? `Backed up the library as backups/${made}.` : 'Today’s backup already exists.')
    return 0
  } finally {
    await library.close()
  }
}

/**
 * `dateline reindex`: builds the full-text index again from the articles' rows and stored text,
 * with progress. The index is kept up to date as articles come and go; this is for repair (or a
 * change in how text is indexed). Needs the library to itself, like rebuild.
 */
export async function reindexLibrary(libraryDir: string, json: boolean): Promise<number> {
  const layout = libraryLayout(libraryDir)
  if (!(await readManifest(layout))) {
    throw new DatelineError('NOT_FOUND', `There is no Dateline library at ${libraryDir}.`)
  }
  const store = await LibraryStore.open(libraryDir, { progress: printUpgradeProgress })
  try {
    const started = performance.now()
    let shown = -1
    const articles = await store.reindex(({ done, total }) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      if (json || percent === shown) return
      shown = percent
      process.stderr.write(`\rIndexing the text of ${done} of ${total} articles (${percent}%)`)
    })
    const seconds = (performance.now() - started) / 1000
    if (!json) process.stderr.write('\n')
    if (json) console.log(JSON.stringify({ articles, seconds: Math.round(seconds * 10) / 10 }))
    else console.log(`Indexed ${articleCount(articles)} for search in ${seconds.toFixed(1)} s.`)
    return 0
  } finally {
    await store.close()
  }
}
