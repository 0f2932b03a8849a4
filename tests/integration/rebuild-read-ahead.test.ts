import { appendFile, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticlePage, SearchPage } from '@shared/contract'
import { openApp, type DatelineApp } from '../../src/main/app'
import { MAX_BODY_BYTES } from '../../src/main/library/article-files'
import {
  BUILD_PACING,
  rebuildLibraryDatabase,
  type BuildProgress,
} from '../../src/main/library/database-builder'
import {
  articleMetadataPath,
  articleTextPath,
  libraryLayout,
  type LibraryLayout,
} from '../../src/main/library/layout'
import { symlinksUnavailable } from '../helpers/file-system-features'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline rebuild` reads each batch's files while the batch before it is written. What it reads
 * goes through the library's checks all the same, and the articles come out in the same order.
 */

let dir: string
let app: DatelineApp
let layout: LibraryLayout

beforeEach(async () => {
  dir = await makeTempDir()
  layout = libraryLayout(dir)
  app = await openApp({ libraryDir: dir, extraction: 'inline' })
})
afterEach(async () => {
  await app.close()
  await removeDir(dir)
})

function idOf(n: number): string {
  return `${((n * 37 + 11) % 256).toString(16).padStart(2, '0')}${n.toString(16).padStart(14, '0')}`
}

/** Articles 0..count-1, each with a word of its own in its text (`word<n>`). */
async function storeLibrary(count: number): Promise<void> {
  for (let n = 0; n < count; n++) {
    const addedAt = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString()
    const text = `Dispatch ${n} from the border. wordmark${n}`
    const article = makeSummary({ id: idOf(n), title: `Dispatch ${n}`, addedAt, updatedAt: addedAt })
    await app.library.putArticle(article, { html: `<p>${text}</p>`, text })
  }
}

async function found(query: string): Promise<number> {
  const result = await app.dispatch('articles.search', { query })
  if (!result.ok) expect.fail(`search ${query} failed: ${result.error.message}`)
  return (result.value as SearchPage).total
}

describe('dateline rebuild of a library folder with odd files', () => {
  it('skips a linked folder, an oversized or missing file, and keeps an article whose text is too large without it', async (context) => {
    if (symlinksUnavailable) context.skip()
    await storeLibrary(6)
    const articles = [0, 1, 2, 3, 4, 5].map((n) => app.library.get(idOf(n))!)
    await app.close()
    // 0: its folder is a link to a copy outside the library.
    const outside = await makeTempDir('dateline-outside-')
    const folder0 = join(layout.articlesDir, idOf(0).slice(0, 2), idOf(0))
    await rm(folder0, { recursive: true })
    await symlink(outside, folder0, 'dir')
    // 1: a metadata file that would parse, but is larger than any Dateline writes (1 MB).
    const metadata1 = articleMetadataPath(layout, articles[1]!)
    await appendFile(metadata1, ' '.repeat(1024 * 1024))
    expect(JSON.parse(await readFile(metadata1, 'utf8'))).toMatchObject({ id: idOf(1) })
    // 2: its text file is gone, so its capture is incomplete.
    await rm(articleTextPath(layout, articles[2]!))
    // 3: a text file larger than any body Dateline stores (sparse, so cheap to make).
    const text3 = articleTextPath(layout, articles[3]!)
    await writeFile(text3, 'wordmark3 ')
    await truncate(text3, MAX_BODY_BYTES + 1)
    // 4: a text file that is a link to a file outside the library.
    const secret = join(outside, 'secret.txt')
    await writeFile(secret, 'quartermaster ledger')
    const text4 = articleTextPath(layout, articles[4]!)
    await rm(text4)
    await symlink(secret, text4, 'file')
    try {
      const rebuilt = await rebuildLibraryDatabase(layout, new Date('2025-03-01T00:00:00Z'))
      expect(rebuilt).toEqual({ articles: 3, skipped: 3 })
      app = await openApp({ libraryDir: dir, extraction: 'inline' })
      expect([0, 1, 2].map((n) => app.library.get(idOf(n)))).toEqual([undefined, undefined, undefined])
      expect([3, 4, 5].map((n) => app.library.get(idOf(n))?.title)).toEqual([
        'Dispatch 3',
        'Dispatch 4',
        'Dispatch 5',
      ])
      expect(await found('wordmark3')).toBe(0)
      expect(await found('quartermaster')).toBe(0)
      expect(await found('wordmark5')).toBe(1)
    } finally {
      await removeDir(outside)
    }
  })
})

describe('dateline rebuild reads ahead', () => {
  it('reads the next batch while one is written, never more than one batch ahead, in order', async () => {
    await storeLibrary(10)
    await app.close()
    const events: string[] = []
    let started = 0
    const progress = ({ stage, done }: BuildProgress): void => {
      if (stage === 'rebuilding') events.push(`written ${done}`)
    }
    const rebuilt = await rebuildLibraryDatabase(layout, new Date('2025-03-01T00:00:00Z'), progress, {
      ...BUILD_PACING,
      batchSize: 3,
      concurrency: 2,
      writeSliceMs: 0,
      aroundRead: async (read) => {
        events.push(`read ${started++}`)
        return read()
      },
    })
    expect(rebuilt.articles).toBe(10)
    // Batch k (reads 3k..3k+2) starts once batch k-1 is taken, before it is written, and only
    // after batch k-2 was written: one batch ahead, no more.
    for (let batch = 1; batch <= 3; batch++) {
      const firstRead = events.indexOf(`read ${batch * 3}`)
      expect(firstRead, `batch ${batch} read ahead`).toBeLessThan(events.indexOf(`written ${batch * 3}`))
      if (batch >= 2) {
        expect(firstRead, `batch ${batch} not too far ahead`).toBeGreaterThan(
          events.indexOf(`written ${(batch - 1) * 3}`),
        )
      }
    }
    app = await openApp({ libraryDir: dir, extraction: 'inline' })
    const page = await app.dispatch('articles.list', { sort: 'oldest', limit: 20 })
    if (!page.ok) expect.fail(page.error.message)
    const ids = (page.value as ArticlePage).items.map((item) => item.id)
    expect(ids).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(idOf))
  })
})
