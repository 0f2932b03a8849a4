import { execFile } from 'node:child_process'
import { rmdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * A process killed while SQLite writes a transaction into the database file leaves the file half
 * old, half new, and the old pages in the journal. The next open must put them back (roll back
 * the "hot" journal) before anything reads the file; node-sqlite3-wasm as shipped never does.
 */
const KILLED_WRITER = `
const { Database } = require(${JSON.stringify(require.resolve('node-sqlite3-wasm'))})
const db = new Database(process.argv[1])
db.exec('PRAGMA journal_mode=TRUNCATE; PRAGMA synchronous=FULL')
db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT, b BLOB)')
db.exec('BEGIN')
for (let i = 0; i < 2000; i++) db.run("INSERT INTO t VALUES (?, 'old', randomblob(500))", [i])
db.exec('COMMIT')
// A page cache far smaller than the change makes SQLite write changed pages into the file
// before the commit, as a big import or an index rebuild does.
db.exec('PRAGMA cache_size=10')
db.exec('BEGIN')
db.exec("UPDATE t SET v = 'new', b = randomblob(900)")
process.kill(process.pid, 'SIGKILL')
`

let dir: string
beforeEach(async () => {
  dir = await makeTempDir('dateline-hot-journal-')
})
afterEach(async () => {
  await removeDir(dir)
})

function killWriterMidTransaction(path: string): Promise<void> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['-e', KILLED_WRITER, path], (error) => {
      if (error && (error as { signal?: string }).signal === 'SIGKILL') done()
      else fail(error ?? new Error('the writer was expected to die by SIGKILL'))
    })
  })
}

describe('a transaction cut short by a kill', () => {
  it('is rolled back at the next open: every row as last committed, and the file intact', async () => {
    const path = join(dir, 'library.db')
    await killWriterMidTransaction(path)
    expect((await stat(`${path}-journal`)).size, 'the killed writer left a hot journal').toBeGreaterThan(0)
    // What the library lock's takeover does: the dead writer's lock directory is removed.
    await rmdir(`${path}.lock`)

    const db = SqlDatabase.open(path)
    try {
      expect(db.all('SELECT v, count(*) AS n FROM t GROUP BY v')).toEqual([{ v: 'old', n: 2000 }])
      expect(db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check).toBe('ok')
    } finally {
      db.close()
    }
    const journal = await stat(`${path}-journal`).catch(() => null)
    expect(journal?.size ?? 0, 'the journal, played back, is emptied or removed').toBe(0)
  })
})
