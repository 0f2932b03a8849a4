import { rm } from 'node:fs/promises'
import { SqlDatabase } from '../../src/main/library/database'
import { libraryLayout } from '../../src/main/library/layout'
import { readManifest, writeManifest } from '../../src/main/library/manifest'
import { migrateDatabase, schemaSteps } from '../../src/main/library/schema'

/** The tables schema 2 had that hold what a library knows (the counters follow by its triggers). */
const SCHEMA_2_TABLES = [
  'articles',
  'trash',
  'article_countries',
  'correspondents',
  'article_correspondents',
  'collections',
  'collection_articles',
  'feeds',
  'feed_items',
  'library_facts',
]

/**
 * Turns a closed library made by today's code back into what a schema-2 Dateline wrote: a database
 * made by schema 2's own step alone, holding the same rows (in the columns schema 2 had), and a
 * manifest that says 2. Every later step then runs on it for real, as on a person's library. Its
 * full-text index starts empty: schema 2 filled it as articles arrived, and the tests that need it
 * rebuild it.
 */
export async function rewindToSchema2(dir: string): Promise<void> {
  const layout = libraryLayout(dir)
  const later = `${layout.database}.later`
  await rm(later, { force: true })
  {
    const current = SqlDatabase.open(layout.database)
    current.exec(`VACUUM INTO '${later.replace(/'/g, "''")}'`)
    current.close()
  }
  await rm(layout.database, { force: true })
  await rm(`${layout.database}-journal`, { force: true })
  const db = SqlDatabase.open(layout.database)
  try {
    migrateDatabase(
      db,
      schemaSteps.filter((step) => step.version <= 2),
    )
    db.exec(`ATTACH DATABASE '${later.replace(/'/g, "''")}' AS later`)
    db.transaction(() => {
      for (const table of SCHEMA_2_TABLES) {
        const columns = db
          .all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
          .map((c) => c.name)
        const list = columns.map((c) => `"${c}"`).join(', ')
        db.exec(`INSERT OR REPLACE INTO main.${table} (${list}) SELECT ${list} FROM later.${table}`)
      }
    })
    db.exec('DETACH DATABASE later')
  } finally {
    db.close()
  }
  await rm(later, { force: true })
  await writeManifest(layout, { ...(await readManifest(layout))!, schemaVersion: 2 })
}
