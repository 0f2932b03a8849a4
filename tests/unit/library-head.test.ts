import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string | undefined
afterEach(async () => removeDir(dir))

async function libraryWith(count: number): Promise<string[]> {
  dir = await makeTempDir()
  const store = await LibraryStore.open(dir)
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const article = makeSummary({
      addedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      read: i % 2 === 0,
    })
    await store.putArticle(article, { html: '<p>x</p>', text: 'x' })
    ids.push(article.id)
  }
  await store.close()
  return ids.reverse()
}

describe('the first page of a large library', () => {
  it('is served from meta/head.json before the shards are loaded, with the right counts', async () => {
    const newestFirst = await libraryWith(5)
    const store = await LibraryStore.open(dir!, { background: true })
    const page = await store.page('all', 0, 3)
    expect(page.total).toBe(5)
    expect(page.items.map((a) => a.id)).toEqual(newestFirst.slice(0, 3))
    expect((await store.article(newestFirst[0]!)).text).toBe('x')
    await store.ready()
    expect(store.headWasStale).toBe(false)
    await store.close()
  })

  it('is corrected once the shards are in when a crash left the head behind', async () => {
    const newestFirst = await libraryWith(4)
    const headPath = join(dir!, 'meta', 'head.json')
    const head = JSON.parse(await readFile(headPath, 'utf8')) as { total: number; items: unknown[] }
    // As if the process died after writing a shard but before rewriting the head.
    await writeFile(headPath, JSON.stringify({ ...head, total: 3, items: head.items.slice(1) }))

    const store = await LibraryStore.open(dir!, { background: true })
    await store.ready()
    expect(store.headWasStale).toBe(true)
    expect((await store.page('all', 0, 10)).items.map((a) => a.id)).toEqual(newestFirst)
    await store.close()
    const rewritten = JSON.parse(await readFile(headPath, 'utf8')) as { total: number }
    expect(rewritten.total).toBe(4)
  })

  it('waits for the whole library when the head is missing or the page asked for is beyond it', async () => {
    const newestFirst = await libraryWith(3)
    await writeFile(join(dir!, 'meta', 'head.json'), 'not json')
    const store = await LibraryStore.open(dir!, { background: true })
    const unread = await store.page('unread', 0, 10)
    expect(unread.total).toBe(1)
    expect((await store.page('all', 0, 10)).items.map((a) => a.id)).toEqual(newestFirst)
    await store.close()
  })
})
