import { mkdir, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatelineError } from '@shared/errors'
import { exportArticles } from '../../src/main/cli/library-commands'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { makePng } from '../helpers/images'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'
import { symlinksUnavailable } from '../helpers/file-system-features'

/**
 * A corpus of crafted library folders, each made by Dateline and then tampered with as an attacker
 * or a broken disk would. For every one, opening it (to write, to read), listing, reading, changing
 * states, deleting, backing up and exporting either works or ends in a DatelineError with a sentence
 * for the person, and the folder beside the library (`outside`) is never read into the output,
 * written or deleted.
 */
let root: string
let libraryDir: string
let outside: string
const SECRET = 'the neighbour’s diary'
const IDS = ['7d00000000000001', 'ab00000000000002']

async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    const info = await stat(path)
    files[relative(dir, path)] = info.isFile()
      ? (await readFile(path)).toString('base64')
      : `dir ${info.mode}`
  }
  return files
}

async function makeLibrary(): Promise<void> {
  const store = await LibraryStore.open(libraryDir)
  const picture = await store.media.store(makePng(), 'png')
  for (const id of IDS) {
    await store.putArticle(makeSummary({ id }), {
      html: `<p>Body ${id}</p><img src="${picture}">`,
      text: `Body ${id}`,
    })
  }
  await store.close()
}

/** Raw SQL on the closed library's database, the way a tool (or an attacker) would edit it. */
function tamperDatabase(sql: string): void {
  const db = SqlDatabase.open(libraryLayout(libraryDir).database)
  try {
    db.exec('PRAGMA ignore_check_constraints = ON')
    db.exec(sql)
  } finally {
    db.close()
  }
}

/** Everything a person can do with the library; errors must be DatelineErrors, nothing else. */
async function useLibrary(): Promise<string[]> {
  const said: string[] = []
  const attempt = async (what: string, action: () => unknown): Promise<void> => {
    try {
      await action()
    } catch (error) {
      if (!(error instanceof DatelineError)) {
        throw new Error(`${what} threw ${(error as Error).stack ?? String(error)}`)
      }
      said.push(`${what}: ${error.code}: ${error.message}`)
    }
  }
  for (const readOnly of [false, true]) {
    let store: LibraryStore | null = null
    await attempt(`open${readOnly ? ' to read' : ''}`, async () => {
      store = await LibraryStore.open(libraryDir, { readOnly })
    })
    const opened = store as LibraryStore | null
    if (!opened) continue
    try {
      const listed: string[] = []
      await attempt('list', () => {
        const page = opened.listWithCounts({ filter: { state: 'all' }, sort: 'newest', offset: 0, limit: 50 })
        listed.push(...page.items.map((item) => item.id))
      })
      for (const id of [...listed, ...IDS]) {
        await attempt(`read ${id}`, () => opened.readArticle(id))
        if (!readOnly) {
          await attempt(`mark ${id}`, () => opened.setStates([id], { read: true }))
        }
      }
      if (!readOnly) {
        await attempt('back up', () => opened.backUpIfDue())
        await attempt('delete', () => opened.deleteArticle(IDS[1]!))
      }
    } finally {
      await opened.close()
    }
  }
  await attempt('export', () =>
    exportArticles(libraryDir, [], { out: join(root, 'export'), format: 'html' }, true),
  )
  return said
}

async function expectOutsideUntouched(before: Record<string, string>): Promise<void> {
  expect(await snapshot(outside)).toEqual(before)
  const exported = await readdir(join(root, 'export')).catch(() => [] as string[])
  for (const name of exported) {
    const text = await readFile(join(root, 'export', name), 'utf8')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(Buffer.from(SECRET).toString('base64'))
  }
}

beforeEach(async () => {
  root = await makeTempDir('dateline-crafted-')
  libraryDir = join(root, 'library')
  outside = join(root, 'outside')
  await mkdir(join(outside, 'backups'), { recursive: true })
  await writeFile(join(outside, 'diary.txt'), SECRET)
  await writeFile(join(outside, 'backups', 'library-2000-01-01.db'), SECRET)
  await makeLibrary()
})

afterEach(async () => {
  await removeDir(root)
})

const layout = (): ReturnType<typeof libraryLayout> => libraryLayout(libraryDir)

const CORPUS: [string, () => Promise<void>][] = [
  ['library.json cut off', () => writeFile(layout().manifest, '{"format":"dateline-lib')],
  [
    'library.json with a version that is a string',
    () => writeFile(layout().manifest, JSON.stringify({ format: 'dateline-library', schemaVersion: '2' })),
  ],
  [
    'library.json with an absurd version',
    () => writeFile(layout().manifest, JSON.stringify({ format: 'dateline-library', schemaVersion: 1e308 })),
  ],
  [
    'library.json as a link to a file outside',
    async () => {
      await rm(layout().manifest)
      await symlink(join(outside, 'diary.txt'), layout().manifest)
    },
  ],
  [
    'library.json as a huge file',
    async () => {
      await writeFile(layout().manifest, '')
      await truncate(layout().manifest, 512 * 1024 * 1024)
    },
  ],
  ['library.db of random bytes', () => writeFile(layout().database, Buffer.alloc(64 * 1024, 0x5a))],
  [
    'library.db cut in half',
    async () => truncate(layout().database, Math.floor((await stat(layout().database)).size / 2)),
  ],
  [
    'library.db as a folder',
    async () => {
      await rm(layout().database)
      await mkdir(layout().database)
    },
  ],
  [
    'library.db as a link to a database outside',
    async () => {
      const victim = join(outside, 'their.db')
      await writeFile(victim, await readFile(layout().database))
      await rm(layout().database)
      await symlink(victim, layout().database)
    },
  ],
  [
    'rows whose id climbs out of the folder',
    async () => tamperDatabase(`UPDATE articles SET id = '../../outside' WHERE id = '${IDS[0]}'`),
  ],
  [
    'rows with wrong types in every field',
    async () =>
      tamperDatabase(
        `UPDATE articles SET title = 5, url = x'00ff', canonical_url = 7, byline = 3.5, site_name = x'01', lang = 9,
       excerpt = 0, published_at = 'yesterday', added_at = 12, updated_at = '../../outside', word_count = 'many',
       reading_minutes = -4, lead_image = '../../outside/diary.txt', read = 'yes', starred = 2, archived = -1
       WHERE id = '${IDS[0]}'`,
      ),
  ],
  [
    'the backups folder as a link outside',
    async () => {
      await rm(layout().backupsDir, { recursive: true, force: true })
      await symlink(join(outside, 'backups'), layout().backupsDir)
    },
  ],
  [
    'a backup that is a link to a file outside',
    async () => {
      await mkdir(layout().backupsDir, { recursive: true })
      await symlink(join(outside, 'diary.txt'), join(layout().backupsDir, 'library-2001-01-01.db'))
    },
  ],
  [
    'an article folder that is a link outside',
    async () => {
      const folder = join(layout().articlesDir, IDS[0]!.slice(0, 2), IDS[0]!)
      await rm(folder, { recursive: true })
      await symlink(outside, folder)
    },
  ],
  [
    'the articles folder as a link outside',
    async () => {
      await rm(layout().articlesDir, { recursive: true })
      await symlink(outside, layout().articlesDir)
    },
  ],
]

describe('a crafted library folder is refused or used, never turned against what is outside it', () => {
  it.for(CORPUS)('%s', async ([name, tamper], context) => {
    // A case made of a link cannot be made where links cannot (see file-system-features).
    if (symlinksUnavailable && / link/.test(name)) context.skip()
    await tamper()
    const before = await snapshot(outside)
    const said = await useLibrary()
    await expectOutsideUntouched(before)
    // Whatever went wrong was said in a sentence that names the library, not a stack trace.
    for (const line of said) expect(line).not.toMatch(/\n\s+at /)
  })
})
