import { access, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { damagedDatabaseOf, recoverLibrary } from '../../src/main/library/damaged-library'
import { LibraryStore } from '../../src/main/library/library-store'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  await removeDir(dir)
})

const BACKUP_DAY = new Date('2026-11-30T09:00:00Z')

/** A library with one starred article and a backup of it, whose database is then destroyed. */
async function damagedLibrary(withBackup: boolean): Promise<ReturnType<typeof makeSummary>> {
  const store = await LibraryStore.open(dir, { now: () => BACKUP_DAY })
  const article = makeSummary({ starred: true })
  await store.putArticle(article, { html: '<p>The whole story.</p>', text: 'The whole story.' })
  if (withBackup) await store.backUpIfDue()
  await store.close()
  await writeFile(join(dir, 'library.db'), Buffer.alloc(8192, 0x5a))
  return article
}

describe('a damaged library database in the app', () => {
  it('is told apart from a healthy one, with the newest good backup to offer', async () => {
    const store = await LibraryStore.open(dir)
    await store.close()
    expect(await damagedDatabaseOf(dir), 'a healthy library').toBeNull()

    await damagedLibrary(true)
    expect(await damagedDatabaseOf(dir)).toMatchObject({ backup: { day: '2026-11-30' } })
  })

  it('offers only the rebuild when there is no backup', async () => {
    await damagedLibrary(false)
    expect(await damagedDatabaseOf(dir)).toEqual({ backup: null })
  })

  it('puts the backup back, with the marks it held, and keeps the damaged file', async () => {
    const article = await damagedLibrary(true)
    const found = await damagedDatabaseOf(dir)

    const told = await recoverLibrary(dir, { kind: 'restore', backup: found!.backup! }, new Date())

    expect(told).toContain('2026-11-30')
    const kept = /kept as (\S+)\.$/.exec(told)?.[1]
    await expect(access(kept!), 'the damaged file is kept').resolves.toBeUndefined()
    const store = await LibraryStore.open(dir)
    try {
      expect(store.get(article.id)?.starred, 'starred, as in the backup').toBe(true)
    } finally {
      await store.close()
    }
    expect(await damagedDatabaseOf(dir)).toBeNull()
  })

  it('rebuilds from the article files when the person chooses so', async () => {
    const article = await damagedLibrary(false)

    const told = await recoverLibrary(dir, { kind: 'rebuild' }, new Date())

    expect(told).toContain('from the article files: 1 article.')
    const store = await LibraryStore.open(dir)
    try {
      expect(store.get(article.id)?.title, 'the article is back from its folder').toBe(article.title)
    } finally {
      await store.close()
    }
  })
})
