import { spawn, type ChildProcess } from 'node:child_process'
import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatelineError } from '@shared/errors'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import {
  CURRENT_SCHEMA_VERSION,
  LIBRARY_FORMAT,
  migrateLibrary,
  readManifest,
  type Manifest,
  type Migration,
} from '../../src/main/library/manifest'
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
  it('refuses a damaged shard with LIBRARY_DAMAGED naming the file, and changes nothing', async () => {
    const store = await openStore()
    const article = makeSummary({ id: 'ab00000000000001' })
    await store.putArticle(article, { html: '<p>x</p>', text: 'x' })
    await store.close()
    await writeFile(join(dir, 'meta', 'ab.json'), '{"articles": {"ab0000')
    const before = await snapshot(dir)

    const error = await openFailure('LIBRARY_DAMAGED')

    expect(error.message, 'message names the damaged file').toContain('meta/ab.json')
    expect(await snapshot(dir), 'files after the failed open').toEqual(before)
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

describe('migrating an older library', () => {
  const v0: Manifest = { format: LIBRARY_FORMAT, schemaVersion: 0, createdAt: '2020-01-01T00:00:00.000Z' }

  it('runs the migration from version 0 to 1 and records version 1 in the manifest', async () => {
    const layout = libraryLayout(dir)
    const ran: number[] = []
    const steps: Migration[] = [
      {
        from: 0,
        describe: 'add a marker file',
        run: async (l) => {
          ran.push(0)
          await writeFile(join(l.root, 'marker'), 'migrated')
        },
      },
    ]

    const result = await migrateLibrary(layout, v0, steps, 1)

    expect(ran, 'steps run').toEqual([0])
    expect(result.schemaVersion).toBe(1)
    expect(await readFile(join(dir, 'marker'), 'utf8')).toBe('migrated')
    expect((await readManifest(layout))?.schemaVersion, 'version in library.json').toBe(1)
  })

  it('resumes an interrupted upgrade from the last step that finished', async () => {
    const layout = libraryLayout(dir)
    const ran: number[] = []
    let failSecond = true
    const steps: Migration[] = [
      { from: 0, describe: 'one', run: async () => void ran.push(0) },
      {
        from: 1,
        describe: 'two',
        run: async () => {
          if (failSecond) throw new Error('power cut')
          ran.push(1)
        },
      },
    ]

    await expect(migrateLibrary(layout, v0, steps, 2)).rejects.toThrow('power cut')
    const halfway = await readManifest(layout)
    expect(halfway?.schemaVersion, 'version after the interrupted upgrade').toBe(1)

    failSecond = false
    const result = await migrateLibrary(layout, halfway!, steps, 2)
    expect(ran, 'each step ran once').toEqual([0, 1])
    expect(result.schemaVersion).toBe(2)
  })

  it('says it cannot upgrade when a step is missing', async () => {
    await expect(migrateLibrary(libraryLayout(dir), v0, [], 1)).rejects.toMatchObject({ code: 'INTERNAL' })
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
