import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { indexArticleText } from '../../src/main/library/article-text-index'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { rebuildTextIndex } from '../../src/main/search/rebuild-index'
import { idInShard, makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline reindex` reads a batch's text while the batch before it is indexed. An article
 * re-captured in between was indexed by its own write; the text read before must not replace it.
 * The texts are read on a thread of their own when the worker is built, else on this thread.
 */

const workerPath = resolve('out/main/read-worker.js')
const built = existsSync(workerPath)
if (!built)
  console.log(`Skipping the reading-thread case: ${workerPath} is not built (run electron-vite build).`)

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

describe('dateline reindex reading ahead', () => {
  for (const readWorkerPath of [null, workerPath]) {
    it.skipIf(readWorkerPath !== null && !built)(
      `keeps the index entry of an article that changed after its text was read (${readWorkerPath ? 'reading thread' : 'this thread'})`,
      async () => {
        const store = await LibraryStore.open(dir)
        // One more than a batch (250), so the last article is read while the first batch is indexed.
        const count = 251
        for (let n = 0; n < count; n++) {
          const text = n === count - 1 ? 'Dispatch about the oldharbour' : `Dispatch number ${n}`
          const article = makeSummary({ id: idInShard('ab', n), title: `Dispatch ${n}` })
          await store.putArticle(article, { html: `<p>${text}</p>`, text })
        }
        await store.close()
        const db = SqlDatabase.open(libraryLayout(dir).database)
        try {
          const last = idInShard('ab', count - 1)
          const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [last])!.rowid
          let transactions = 0
          const transaction = (work: () => void): void => {
            // The second transaction indexes the first batch; the second batch was read before it.
            // Meanwhile the last article is re-captured, and its own write indexes its new text.
            if (++transactions === 2) {
              db.transaction(() => {
                db.run('UPDATE articles SET updated_at = ? WHERE id = ?', ['2030-01-01T00:00:00.000Z', last])
                indexArticleText(db, rowid, {
                  title: `Dispatch ${count - 1}`,
                  correspondents: '',
                  site: '',
                  excerpt: '',
                  body: 'Dispatch about the newharbour',
                })
              })
            }
            db.transaction(work)
          }
          const result = await rebuildTextIndex(
            db,
            libraryLayout(dir),
            transaction,
            undefined,
            false,
            readWorkerPath,
          )
          expect(result).toEqual({ done: count, total: count })
          const found = (word: string): number =>
            db.all('SELECT rowid FROM article_fts WHERE article_fts MATCH ?', [word]).length
          expect(found('newharbour')).toBe(1)
          expect(found('oldharbour')).toBe(0)
          expect(found('number')).toBe(count - 1)
        } finally {
          db.close()
        }
      },
      60_000,
    )
  }
})
