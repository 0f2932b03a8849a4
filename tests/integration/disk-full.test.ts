import { execFileSync } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { LibraryStore } from '../../src/main/library/library-store'
import { killTestText } from '../helpers/kill-text'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * The library on a file system that fills up: an 8 MB tmpfs (root only; CI runs as root). Every
 * write that no longer fits fails with a sentence for the person, and everything acknowledged
 * before is intact and opens.
 */
let root: string
let mountPoint: string
let skipReason: string | null = null

beforeAll(async () => {
  root = await makeTempDir('dateline-disk-full-')
  mountPoint = join(root, 'small-disk')
  await mkdir(mountPoint)
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    skipReason = 'mounting a small tmpfs needs root on Linux'
  } else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    } catch (error) {
      skipReason = `mount -t tmpfs was refused here (${(error as Error).message.split('\n')[0]})`
    }
  }
  if (skipReason) console.warn(`Skipping the disk-full test: ${skipReason}`)
})

afterAll(async () => {
  if (!skipReason) execFileSync('umount', [mountPoint])
  await removeDir(root)
})

describe('a library on a disk that fills up', () => {
  it('refuses each write that does not fit with a clear message, and keeps all it had', async (context) => {
    if (skipReason) context.skip()
    const libraryDir = join(mountPoint, 'library')
    let app: DatelineApp | null = await openApp({ libraryDir, extraction: 'inline' })
    const acknowledged: string[] = []
    const failures: string[] = []
    // Each article is ~3 KB of text plus its files and index: the disk fills within a few thousand.
    for (let n = 0; n < 20_000 && failures.length < 5; n++) {
      const text = `${killTestText(0, n)}\n\n${'Filler words for the disk. '.repeat(200)}`
      const result = await app.dispatch('articles.add', { kind: 'text', text })
      if (result.ok) acknowledged.push((result.value as { article: { id: string } }).article.id)
      else failures.push(`${result.error.code}: ${result.error.message}`)
    }
    console.log(`disk full: ${acknowledged.length} articles stored, then: ${failures[0]}`)
    expect(acknowledged.length, 'articles stored before the disk was full').toBeGreaterThan(10)
    expect(failures.length, 'writes refused once the disk was full').toBeGreaterThan(0)
    for (const failure of failures) expect(failure).toMatch(/disk that holds the library is full/)

    const marked = await app.dispatch('articles.setState', { id: acknowledged[0]!, starred: true })
    if (!marked.ok) expect(marked.error.message).toMatch(/disk that holds the library is full/)
    await app.close().catch(() => undefined)
    app = null

    // Make a little room, as the person would, and open again: everything acknowledged is there.
    await rm(join(libraryDir, 'backups'), { recursive: true, force: true })
    const store = await LibraryStore.open(libraryDir, { readOnly: true })
    try {
      for (const id of acknowledged) expect(store.get(id), `acknowledged article ${id}`).toBeDefined()
      const last = await store.readArticle(acknowledged.at(-1)!)
      expect(last.text).toContain('-end')
      if (marked.ok) expect(store.get(acknowledged[0]!)?.starred).toBe(true)
    } finally {
      await store.close()
    }
  }, 300_000)
})
