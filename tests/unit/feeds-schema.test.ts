import { afterEach, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { databaseVersion, migrateDatabase, schemaSteps } from '../../src/main/library/schema'

let db: SqlDatabase | null = null

afterEach(() => {
  db?.close()
  db = null
})

describe('schema 5 (feeds)', () => {
  it('upgrades a schema-2 library, keeping its feeds and giving them the refresh defaults', () => {
    db = SqlDatabase.open(':memory:')
    migrateDatabase(
      db,
      schemaSteps.filter((s) => s.version === 2),
    )
    db.run(`INSERT INTO feeds (url, title, added_at) VALUES ('https://x.test/rss', 'X', '2026-01-01')`)
    migrateDatabase(db)
    expect(databaseVersion(db)).toBeGreaterThanOrEqual(5)
    expect(db.get('SELECT url, capture_mode, failures, interval_minutes, correspondent FROM feeds')).toEqual({
      url: 'https://x.test/rss',
      capture_mode: 'full',
      failures: 0,
      interval_minutes: null,
      correspondent: null,
    })
    expect(() => db!.run(`UPDATE feeds SET capture_mode = 'everything'`)).toThrow()
  })
})
