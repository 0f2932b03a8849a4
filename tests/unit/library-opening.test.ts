import { spawn, type ChildProcess } from 'node:child_process'
import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatelineError } from '@shared/errors'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { CURRENT_SCHEMA_VERSION, LIBRARY_FORMAT, readManifest } from '../../src/main/library/manifest'
import { listBackups, restoreBackup } from '../../src/main/library/backups'
import { listFiles, makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
const open: LibraryStore[] = []
let child: ChildProcess | null = null

async function openStore(options?: Parameters<typeof LibraryStore.open>[1]): Promise<LibraryStore> {
  const store = await LibraryStore.open(dir, options)
  open.push(store)
  return store
}

/** Every file of the folder with its bytes, to prove an open changed nothing. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root)
  const entries = await Promise.all(
    files.map(async (file) => [file, (await readFile(join(root, file))).toString('base64')] as const),
  )
  return Object.fromEntries(entries)
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** Opening must fail with a DatelineError of this code; returns it for more checks. */
async function openFailure(
  code: string,
  options?: Parameters<typeof LibraryStore.open>[1],
): Promise<DatelineError> {
  const error = await LibraryStore.open(dir, options).then(
    (store) => {
      open.push(store)
      return null
    },
    (e: unknown) => e,
  )
  expect(error, `opening should fail with ${code}`).toBeInstanceOf(DatelineError)
  expect((error as DatelineError).code).toBe(code)
  return error as DatelineError
}

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  child?.kill('SIGKILL')
  child = null
  await Promise.all(open.splice(0).map((store) => store.close()))
  await removeDir(dir)
})

describe('opening a library that cannot be used as it is', () => {
  it('names a damaged database, offers the newest good backup, and changes nothing', async () => {
    const store = await openStore({ now: () => new Date('2026-11-30T09:00:00Z') })
    await store.putArticle(makeSummary(), { html: '<p>x</p>', text: 'x' })
    expect(await store.backUpIfDue(), 'backup made').toBe('library-2026-11-30.db')
    await store.close()
    open.splice(0)
    await writeFile(join(dir, 'library.db'), Buffer.alloc(8192, 0x5a))
    const before = await snapshot(dir)

    const error = await openFailure('LIBRARY_DAMAGED')

    expect(error.message, 'names the file').toContain('library.db')
    expect(error.message, 'offers the backup').toContain('2026-11-30')
    expect(error.message).toContain('dateline restore-backup')
    expect(await snapshot(dir), 'files after the failed open').toEqual(before)
    await openFailure('LIBRARY_DAMAGED', { readOnly: true })
  })

  it('names the database once, without doubled brackets, when it is not a database at all', async () => {
    const store = await openStore()
    await store.close()
    open.splice(0)
    await writeFile(join(dir, 'library.db'), Buffer.alloc(8192, 0x5a))

    const error = await openFailure('LIBRARY_DAMAGED')

    expect(error.message).toContain('library.db is damaged (file is not a database).')
  })

  it('says what to run when damage shows after the open, in a part of the file the open did not read', async () => {
    const store = await openStore()
    for (let i = 0; i < 40; i++) await store.putArticle(makeSummary(), { html: '<p>x</p>', text: 'x' })
    const page = store.query((db) =>
      db.get<{ rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'articles'"),
    )!.rootpage
    await store.close()
    open.splice(0)
    const file = await readFile(join(dir, 'library.db'))
    file.fill(0x5a, (page - 1) * 4096, page * 4096)
    await writeFile(join(dir, 'library.db'), file)
    const reader = await LibraryStore.open(dir, { readOnly: true })

    const error = (() => {
      try {
        reader.listArticles({ filter: { state: 'all' }, sort: 'newest', offset: 0, limit: 50 })
      } catch (thrown) {
        return thrown
      }
      return null
    })()

    expect(error).toBeInstanceOf(DatelineError)
    expect((error as DatelineError).code).toBe('LIBRARY_DAMAGED')
    expect((error as DatelineError).message).toContain('library.db is damaged')
    expect((error as DatelineError).message).toContain('dateline restore-backup')
    await expect(reader.close(), 'closing still frees the file').resolves.toBeUndefined()
  })

  it('puts a backup back in place of a damaged database, keeping the damaged file', async () => {
    const store = await openStore({ now: () => new Date('2026-11-30T09:00:00Z') })
    const article = makeSummary({ starred: true })
    await store.putArticle(article, { html: '<p>x</p>', text: 'x' })
    await store.backUpIfDue()
    await store.close()
    open.splice(0)
    await writeFile(join(dir, 'library.db'), Buffer.alloc(8192, 0x5a))
    const [backup] = await listBackups(libraryLayout(dir))

    const keptAs = await restoreBackup(libraryLayout(dir), backup!, new Date('2026-12-01T00:00:00Z'))

    expect(await exists(keptAs), 'damaged file kept').toBe(true)
    const again = await openStore()
    expect(again.get(article.id), 'article with its state, from the backup').toEqual(article)
  })

  it('keeps 7 daily backups, the newest', async () => {
    let day = 1
    for (; day <= 9; day++) {
      const store = await LibraryStore.open(dir, { now: () => new Date(`2026-11-0${day}T09:00:00Z`) })
      await store.backUpIfDue()
      expect(await store.backUpIfDue(), 'a second one the same day').toBeNull()
      await store.close()
    }
    const days = (await listBackups(libraryLayout(dir))).map((b) => b.day)
    expect(days).toEqual([
      '2026-11-09',
      '2026-11-08',
      '2026-11-07',
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
    ])
  })

  it('refuses a library written by a newer version with LIBRARY_NEWER', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ format: LIBRARY_FORMAT, schemaVersion: 99, createdAt: '2030-01-01T00:00:00.000Z' }),
    )
    const before = await snapshot(dir)

    const error = await openFailure('LIBRARY_NEWER')

    expect(error.message).toMatch(/newer version/)
    expect(await snapshot(dir), 'files after the failed open').toEqual(before)
  })

  it('refuses to read a newer library even for reading only (list, show), changing nothing', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ format: LIBRARY_FORMAT, schemaVersion: 99, createdAt: '2030-01-01T00:00:00.000Z' }),
    )
    const before = await snapshot(dir)

    await openFailure('LIBRARY_NEWER', { readOnly: true })

    expect(await snapshot(dir), 'files after the failed open').toEqual(before)
  })

  it('refuses a folder that holds unrelated files, creating nothing in it', async () => {
    await writeFile(join(dir, 'holiday-notes.txt'), 'not a library')

    const error = await openFailure('LIBRARY_DAMAGED')

    expect(error.message).toMatch(/not a Dateline library/)
    expect(await listFiles(dir)).toEqual(['holiday-notes.txt'])
  })

  it('opens a folder another Dateline is creating right now (its manifest still a temp file)', async () => {
    // What a second `dateline add` sees when it starts while the first writes the new manifest.
    await writeFile(join(dir, 'library.json.4242.0a1b2c3d.tmp'), '{')
    await writeFile(join(dir, 'library.lock.4243.tmp'), '4243')
    await writeFile(join(dir, 'library.db-journal'), '')

    const store = await openStore()

    expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })

  it('still refuses a temp-looking file that no Dateline writes', async () => {
    await writeFile(join(dir, 'thesis.docx.4242.0a1b2c3d.tmp'), 'draft')
    const error = await openFailure('LIBRARY_DAMAGED')
    expect(error.message).toMatch(/not a Dateline library/)
  })

  it('refuses a manifest that is not JSON with LIBRARY_DAMAGED', async () => {
    await writeFile(join(dir, 'library.json'), 'garbage')
    const error = await openFailure('LIBRARY_DAMAGED')
    expect(error.message).toContain('library.json')
  })

  it('creates a new library with a current manifest in an empty folder', async () => {
    const store = await openStore()
    expect(store.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(await readManifest(libraryLayout(dir))).toMatchObject({
      format: LIBRARY_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    })
  })
})

describe('one writer per library', () => {
  it('refuses a second writable open while the first is open (LIBRARY_BUSY)', async () => {
    await openStore()
    await openFailure('LIBRARY_BUSY')
  })

  it('refuses to open a library whose lock is held by another live process', async () => {
    const store = await openStore()
    await store.close()
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'library.lock'), String(child.pid))

    const error = await openFailure('LIBRARY_BUSY')
    expect(error.message).toContain(String(child.pid))
  })

  it('takes over a lock left by a process that died', async () => {
    const first = await openStore()
    await first.close()
    await writeFile(join(dir, 'library.lock'), '999999')

    await openStore()

    expect(await readFile(join(dir, 'library.lock'), 'utf8'), 'lock holder').toBe(String(process.pid))
  })

  it('takes over a lock naming this pid that this process does not hold (pid reused after a crash)', async () => {
    const first = await openStore()
    await first.close()
    await writeFile(join(dir, 'library.lock'), String(process.pid))

    await openStore()
  })

  it('lets the library be read while it is open for writing, without touching the lock', async () => {
    const writer = await openStore()
    const article = makeSummary()
    await writer.putArticle(article, { html: '<p>x</p>', text: 'x' })

    const reader = await openStore({ readOnly: true })
    expect(reader.get(article.id)?.title).toBe(article.title)
    await reader.close()

    expect(await readFile(join(dir, 'library.lock'), 'utf8'), 'lock still the writer’s').toBe(
      String(process.pid),
    )
    await writer.putArticle(makeSummary(), { html: '<p>y</p>', text: 'y' })
  })

  it('does not create a lock when opened for reading only', async () => {
    const first = await openStore()
    await first.close()

    const reader = await openStore({ readOnly: true })

    expect(await exists(join(dir, 'library.lock'))).toBe(false)
    await expect(reader.putArticle(makeSummary(), { html: '', text: '' }), 'writing').rejects.toThrow(
      /reading only/,
    )
  })

  it('releases the lock on close so the next open succeeds', async () => {
    const first = await openStore()
    await first.close()
    expect(await exists(join(dir, 'library.lock'))).toBe(false)
    await openStore()
  })
})

describe('the database lock left by a killed process', () => {
  it('is cleared when the library lock proves its owner dead', async () => {
    const store = await openStore()
    const article = makeSummary()
    await store.putArticle(article, { html: '<p>x</p>', text: 'x' })
    await store.close()
    // What a writer killed in the middle of a transaction leaves: both locks, its pid dead.
    await mkdir(join(dir, 'library.db.lock'))
    await writeFile(join(dir, 'library.lock'), '999999')

    const again = await openStore()

    expect(again.get(article.id)?.id).toBe(article.id)
    await again.putArticle(makeSummary(), { html: '<p>y</p>', text: 'y' })
  })

  it('is cleared for a reader too, by a brief writable open, when nobody holds the library', async () => {
    const store = await openStore()
    await store.putArticle(makeSummary(), { html: '<p>x</p>', text: 'x' })
    await store.close()
    await mkdir(join(dir, 'library.db.lock'))
    await writeFile(join(dir, 'library.lock'), '999999')

    const reader = await openStore({ readOnly: true })

    expect(reader.counts().articles).toBe(1)
    expect(await exists(join(dir, 'library.db.lock'))).toBe(false)
  })

  it('is left alone while a live process holds the library lock', async () => {
    const store = await openStore()
    await store.close()
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    await mkdir(join(dir, 'library.db.lock'))
    await writeFile(join(dir, 'library.lock'), String(child.pid))

    await openFailure('LIBRARY_BUSY')

    expect(await exists(join(dir, 'library.db.lock')), 'a live writer may be using it').toBe(true)
  })

  it('is named as a reader\'s to a writer, which does not blame itself as "another Dateline"', async () => {
    const store = await openStore()
    await store.close()
    // What a command killed while reading leaves: the database's lock, and no library lock.
    await mkdir(join(dir, 'library.db.lock'))

    const error = await openFailure('LIBRARY_BUSY')

    expect(error.message).not.toContain(`process ${process.pid}`)
    expect(error.message).toContain(join(dir, 'library.db.lock'))
    expect(await exists(join(dir, 'library.db.lock')), 'no lock proves that reader dead').toBe(true)
  })
})
