import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { articleJsonFile } from '../../src/main/library/article-json-file'
import { libraryLayout, type LibraryLayout } from '../../src/main/library/layout'
import { symlinksUnavailable } from '../helpers/file-system-features'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/** How many writes of each file run at once, and the most seen: a second one must wait. */
const writing = vi.hoisted(() => ({ now: new Map<string, number>(), most: new Map<string, number>() }))

vi.mock('../../src/main/library/atomic-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/library/atomic-file')>()
  return {
    ...real,
    writeFileAtomic: async (...args: Parameters<typeof real.writeFileAtomic>): Promise<void> => {
      const [path] = args
      const running = (writing.now.get(path) ?? 0) + 1
      writing.now.set(path, running)
      writing.most.set(path, Math.max(writing.most.get(path) ?? 0, running))
      try {
        // A slow disk: the next save is asked for while this one is still writing.
        await new Promise((resolve) => setTimeout(resolve, 5))
        await real.writeFileAtomic(...args)
      } finally {
        writing.now.set(path, (writing.now.get(path) ?? 1) - 1)
      }
    },
  }
})

const ID = 'ab12cd34ef567890'
const OTHER = 'cd12cd34ef567890'
const notes = articleJsonFile({
  name: 'notes.json',
  schema: z.object({ notes: z.array(z.string().max(100)).max(10) }),
  maxBytes: 1024,
})

let dir: string
let layout: LibraryLayout

beforeEach(async () => {
  dir = await makeTempDir()
  layout = libraryLayout(join(dir, 'library'))
  await mkdir(layout.articlesDir, { recursive: true })
  writing.now.clear()
  writing.most.clear()
})

afterEach(async () => {
  await removeDir(dir)
})

/** Puts bytes where the article's file goes, as someone other than Dateline could. */
async function plant(bytes: string | Buffer, articleId = ID): Promise<void> {
  const path = notes.path(layout, articleId)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, bytes)
}

describe('a JSON file kept in an article folder', () => {
  it('is written as indented JSON in the article’s folder and read back', async () => {
    await notes.save(layout, ID, () => ({ notes: ['ask the railway'] }))
    const path = join(layout.articlesDir, 'ab', ID, 'notes.json')
    expect(notes.path(layout, ID)).toBe(path)
    expect(await readFile(path, 'utf8')).toBe('{\n  "notes": [\n    "ask the railway"\n  ]\n}\n')
    expect(await notes.read(layout, ID)).toEqual({ notes: ['ask the railway'] })
  })

  it('is removed when the contents are null and left alone when they are undefined', async () => {
    await notes.save(layout, ID, () => ({ notes: ['kept'] }))
    await notes.save(layout, ID, () => undefined)
    expect(await notes.read(layout, ID)).toEqual({ notes: ['kept'] })
    await notes.save(layout, ID, () => null)
    await expect(readFile(notes.path(layout, ID))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await notes.read(layout, ID)).toBeNull()
  })

  it('reads as nothing when it is missing, too large, not JSON, not its shape, or a folder', async () => {
    expect(await notes.read(layout, ID)).toBeNull()
    await plant(JSON.stringify({ notes: ['x'.repeat(50)], padding: 'y'.repeat(2000) }))
    expect(await notes.read(layout, ID)).toBeNull()
    await plant('{"notes": ["half')
    expect(await notes.read(layout, ID)).toBeNull()
    await plant(JSON.stringify({ notes: 'not a list' }))
    expect(await notes.read(layout, ID)).toBeNull()
    await plant(JSON.stringify({ notes: Array.from({ length: 11 }, () => 'one too many') }))
    expect(await notes.read(layout, ID)).toBeNull()
    await mkdir(notes.path(layout, OTHER), { recursive: true })
    expect(await notes.read(layout, OTHER)).toBeNull()
  })

  it('refuses an id that is not an article id, touching no file', async () => {
    await expect(notes.save(layout, '../../outside', () => ({ notes: [] }))).rejects.toMatchObject({
      code: 'LIBRARY_DAMAGED',
    })
    expect(await notes.read(layout, '../../outside')).toBeNull()
  })

  describe.skipIf(symlinksUnavailable !== null)('behind a link out of the library', () => {
    it('is neither read nor written when the article’s shard folder links outside', async () => {
      const outside = join(dir, 'outside')
      await mkdir(join(outside, ID), { recursive: true })
      const secret = join(outside, ID, 'notes.json')
      await writeFile(secret, JSON.stringify({ notes: ['outside'] }))
      await symlink(outside, join(layout.articlesDir, 'ab'), 'dir')

      expect(await notes.read(layout, ID)).toBeNull()
      await expect(notes.save(layout, ID, () => ({ notes: ['over it'] }))).rejects.toMatchObject({
        code: 'LIBRARY_DAMAGED',
      })
      await expect(notes.save(layout, ID, () => null)).rejects.toMatchObject({ code: 'LIBRARY_DAMAGED' })
      expect(await readFile(secret, 'utf8')).toBe(JSON.stringify({ notes: ['outside'] }))
    })

    it('is neither read nor written when the file itself is a link', async () => {
      const secret = join(dir, 'secret.json')
      await writeFile(secret, JSON.stringify({ notes: ['outside'] }))
      await mkdir(dirname(notes.path(layout, ID)), { recursive: true })
      await symlink(secret, notes.path(layout, ID))

      expect(await notes.read(layout, ID)).toBeNull()
      await expect(notes.save(layout, ID, () => ({ notes: ['over it'] }))).rejects.toMatchObject({
        code: 'LIBRARY_DAMAGED',
      })
      expect(await readFile(secret, 'utf8')).toBe(JSON.stringify({ notes: ['outside'] }))
    })
  })

  it('writes one article’s saves one at a time, the last asked for last, sharing the waiting write', async () => {
    const asked: string[] = []
    const saves = ['first', 'second', 'third', 'fourth'].map((note) =>
      notes.save(layout, ID, () => {
        asked.push(note)
        return { notes: [note] }
      }),
    )
    await Promise.all(saves)
    expect(writing.most.get(notes.path(layout, ID))).toBe(1)
    // The first was writing; the three asked for meanwhile shared one write of the newest.
    expect(asked).toEqual(['first', 'fourth'])
    expect(await notes.read(layout, ID)).toEqual({ notes: ['fourth'] })
  })

  it('resolves each save only once what it asked for, or something newer, is on the disk', async () => {
    const order = ['first', 'second', 'third']
    const seen = await Promise.all(
      order.map(async (note) => {
        await notes.save(layout, ID, () => ({ notes: [note] }))
        return (await readFile(notes.path(layout, ID), 'utf8')).match(/"(\w+)"\n/)?.[1] ?? ''
      }),
    )
    seen.forEach((found, i) => expect(order.indexOf(found)).toBeGreaterThanOrEqual(i))
  })

  it('does not make one article’s save wait for another’s', async () => {
    let otherStarted = false
    const slow = notes.save(layout, ID, () => ({ notes: ['slow'] }))
    const other = notes.save(layout, OTHER, () => {
      otherStarted = true
      return { notes: ['other'] }
    })
    // Asked for while the first article's write runs, and begun at once all the same.
    expect(otherStarted).toBe(true)
    await Promise.all([slow, other])
    expect(await notes.read(layout, OTHER)).toEqual({ notes: ['other'] })
  })
})
