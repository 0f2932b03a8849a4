import { readdir, writeFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { articleDir, articleHtmlPath, articleTextPath, libraryLayout } from '../../src/main/library/layout'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string | undefined
afterEach(async () => removeDir(dir))

describe('capturing an article again', () => {
  it('keeps the acknowledged copy readable when the new capture is killed before its metadata is written', async () => {
    dir = await makeTempDir()
    const first = makeSummary({ updatedAt: '2026-11-01T10:00:00.000Z' })
    const store = await LibraryStore.open(dir)
    await store.putArticle(first, { html: '<p>First copy</p>', text: 'First copy' })
    await store.close()

    // What a capture killed half-way leaves: its body files, and no metadata pointing at them.
    const unacknowledged = { id: first.id, updatedAt: '2026-11-02T10:00:00.000Z' }
    await writeFile(articleHtmlPath(libraryLayout(dir), unacknowledged), '<p>Half-written</p>')
    await writeFile(articleTextPath(libraryLayout(dir), unacknowledged), 'Half-written')

    const reopened = await LibraryStore.open(dir)
    expect((await reopened.readArticle(first.id)).text).toBe('First copy')
    await reopened.close()
  })

  it('replaces the copy in use only once the new one is acknowledged, then removes the old files', async () => {
    dir = await makeTempDir()
    const store = await LibraryStore.open(dir)
    const first = makeSummary({ updatedAt: '2026-11-01T10:00:00.000Z' })
    await store.putArticle(first, { html: '<p>Old</p>', text: 'Old' })
    await store.putArticle(
      { ...first, updatedAt: '2026-11-03T10:00:00.000Z' },
      { html: '<p>New</p>', text: 'New' },
    )
    expect((await store.readArticle(first.id)).text).toBe('New')
    expect((await readdir(articleDir(libraryLayout(dir), first.id))).sort()).toEqual([
      '20261103T100000000Z.html',
      '20261103T100000000Z.txt',
    ])
    await store.close()
  })

  it('lets two captures of one article at once finish with a readable copy', async () => {
    dir = await makeTempDir()
    const store = await LibraryStore.open(dir)
    const article = makeSummary({ updatedAt: '2026-11-01T10:00:00.000Z' })
    await Promise.all([
      store.putArticle(article, { html: '<p>A</p>', text: 'A' }),
      store.putArticle(
        { ...article, updatedAt: '2026-11-01T10:00:00.500Z' },
        { html: '<p>B</p>', text: 'B' },
      ),
    ])
    expect((await store.readArticle(article.id)).text).toBe('B')
    await store.close()
  })

  it('never moves the body when only the read state changes', async () => {
    dir = await makeTempDir()
    const store = await LibraryStore.open(dir)
    const article = makeSummary({ updatedAt: '2026-11-01T10:00:00.000Z' })
    await store.putArticle(article, { html: '<p>Body</p>', text: 'Body' })
    store.setStates([article.id], { read: true })
    expect((await store.readArticle(article.id)).text).toBe('Body')
    expect(store.get(article.id)?.updatedAt, 'the revision its body is named after').toBe(article.updatedAt)
    await store.close()
  })
})
