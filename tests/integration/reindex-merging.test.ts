import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { rebuildTextIndex } from '../../src/main/search/rebuild-index'
import { idInShard, makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `dateline reindex` pauses FTS5's segment merging while it fills the index and merges once at the
 * end ('optimize'): merging as it went rewrote the growing index after every batch (at 100k, 13 GB
 * written for a database under 1 GB, most of the wall clock spent waiting for the disk). The pause
 * is stored in the index's own config, so it must end with the rebuild, also one a kill stopped.
 */

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})
afterEach(async () => {
  await removeDir(dir)
})

// One more than a batch (250), so the rebuild takes two batches.
const COUNT = 251

async function libraryOfDispatches(): Promise<SqlDatabase> {
  const store = await LibraryStore.open(dir)
  for (let n = 0; n < COUNT; n++) {
    const text = `Dispatch number ${n} from the harbour`
    await store.putArticle(makeSummary({ id: idInShard('ab', n), title: `Dispatch ${n}` }), {
      html: `<p>${text}</p>`,
      text,
    })
  }
  await store.close()
  return SqlDatabase.open(libraryLayout(dir).database)
}

function mergeSetting(db: SqlDatabase, key: 'automerge' | 'crisismerge'): number | undefined {
  const row = db.get<{ v: number }>('SELECT v FROM article_fts_config WHERE k = ?', [key])
  return row === undefined ? undefined : Number(row.v)
}

function found(db: SqlDatabase, word: string): number {
  return db.all('SELECT rowid FROM article_fts WHERE article_fts MATCH ?', [word]).length
}

describe('dateline reindex and the index merging', () => {
  it('fills the index with merging paused, then merges once and turns merging back on', async () => {
    const db = await libraryOfDispatches()
    try {
      const duringBatches: (number | undefined)[] = []
      let transactions = 0
      const result = await rebuildTextIndex(
        db,
        libraryLayout(dir),
        (work) => {
          // Transactions 3 and 4 index the two batches (1: start over, 2: pause the merging).
          if (++transactions >= 3 && transactions <= 4) duringBatches.push(mergeSetting(db, 'automerge'))
          db.transaction(work)
        },
        undefined,
        false,
        null,
      )
      expect(result).toEqual({ done: COUNT, total: COUNT })
      expect(duringBatches).toEqual([0, 0])
      expect(mergeSetting(db, 'automerge')).toBe(4)
      expect(mergeSetting(db, 'crisismerge')).toBe(16)
      expect(found(db, 'harbour')).toBe(COUNT)
    } finally {
      db.close()
    }
  }, 60_000)

  it('turns merging back on when a rebuild stopped part-way is finished', async () => {
    const db = await libraryOfDispatches()
    try {
      let transactions = 0
      const stopped = rebuildTextIndex(
        db,
        libraryLayout(dir),
        (work) => {
          // Stopped as a kill would stop it: after the first batch was committed.
          if (++transactions === 4) throw new Error('killed')
          db.transaction(work)
        },
        undefined,
        false,
        null,
      )
      await expect(stopped).rejects.toThrow('killed')
      expect(mergeSetting(db, 'automerge')).toBe(0)
      expect(found(db, 'harbour')).toBe(250)

      const result = await rebuildTextIndex(
        db,
        libraryLayout(dir),
        (work) => db.transaction(work),
        undefined,
        true,
        null,
      )
      expect(result).toEqual({ done: COUNT, total: COUNT })
      expect(mergeSetting(db, 'automerge')).toBe(4)
      expect(found(db, 'harbour')).toBe(COUNT)
    } finally {
      db.close()
    }
  }, 60_000)
})
