import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { LibraryStore } from '../../src/main/library/library-store'
import { readManifest } from '../../src/main/library/manifest'
import {
  databaseVersion,
  LATEST_DATABASE_VERSION,
  migrateDatabase,
  schemaSteps,
} from '../../src/main/library/schema'
import { rewindToSchema2 } from '../helpers/schema-2-library'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string

beforeEach(async () => {
  dir = await makeTempDir()
})

afterEach(async () => {
  await removeDir(dir)
})

describe("schema 3: the person's country edits", () => {
  it('upgrades a schema-2 library in place: its articles and countries stay, edits can be kept', async () => {
    const store = await LibraryStore.open(dir)
    const article = makeSummary()
    await store.putArticle(article, { html: '<p>Minsk</p>', text: 'Minsk' })
    await store.close()
    // Back to what a schema-2 Dateline wrote.
    const layout = libraryLayout(dir)
    await rewindToSchema2(dir)

    // A reader finds the library one version behind; nobody holds it, so it is upgraded first.
    const reader = await LibraryStore.open(dir, { readOnly: true })
    expect(reader.get(article.id)?.countries.map((c) => c.code)).toEqual(['BY'])
    expect(reader.query((d) => databaseVersion(d))).toBe(LATEST_DATABASE_VERSION)
    expect(reader.query((d) => d.all('SELECT * FROM country_edits'))).toEqual([])
    await reader.close()
    expect((await readManifest(layout))?.schemaVersion).toBe(LATEST_DATABASE_VERSION)
  })

  it('refuses an edit row that could not be one', () => {
    const db = SqlDatabase.open(join(dir, 'library.db'))
    migrateDatabase(db, schemaSteps)
    const insert = (id: string, code: string, role: string): void => {
      db.run('INSERT INTO country_edits (article_id, code, role, edited_at) VALUES (?, ?, ?, ?)', [
        id,
        code,
        role,
        '2025-01-01T00:00:00Z',
      ])
    }
    expect(() => insert('../../etc/passwd0', 'UA', 'removed')).toThrow()
    expect(() => insert('0123456789abcdef', 'ua', 'removed')).toThrow()
    expect(() => insert('0123456789abcdef', 'UA', 'subject')).toThrow()
    insert('0123456789abcdef', 'UA', 'removed')
    db.close()
  })
})
