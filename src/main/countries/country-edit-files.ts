import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../library/atomic-file'
import { assertNoLinkBetween, readRegularFile } from '../library/confined-files'
import type { SqlDatabase } from '../library/database'
import { articleDir, type LibraryLayout } from '../library/layout'
import { SerialWriter } from '../library/serial-writer'

/**
 * The person's country edits of an article, kept beside its body as well as in library.db, so that
 * `dateline rebuild` (a new database from the article folders, when library.db is damaged) keeps
 * them. The database stays the source of truth: the file is rewritten from it after each edit.
 */

/** Not a revision's name, so a re-capture's clean-up (removeOtherRevisions) leaves it. */
export const COUNTRY_EDITS_FILE = 'country-edits.json'

/** A person edits a few countries of an article; a file with more was not written by Dateline. */
const MAX_EDITS = 300
const MAX_FILE_BYTES = 64 * 1024

const StoredCountryEdit = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  role: z.enum(['primary', 'mentioned', 'removed']),
  editedAt: z.string().min(1).max(40),
})
export type StoredCountryEdit = z.infer<typeof StoredCountryEdit>

const CountryEditsFile = z.object({ edits: z.array(StoredCountryEdit).max(MAX_EDITS) })

export function countryEditsPath(layout: LibraryLayout, articleId: string): string {
  return join(articleDir(layout, articleId), COUNTRY_EDITS_FILE)
}

/** The article's edits as the database holds them. */
export function storedEditsOf(db: SqlDatabase, articleId: string): StoredCountryEdit[] {
  return db
    .all<{ code: string; role: string; edited_at: string }>(
      'SELECT code, role, edited_at FROM country_edits WHERE article_id = ? ORDER BY code',
      [articleId],
    )
    .flatMap((row) => asStoredCountryEdit(row) ?? [])
}

/** A row of `country_edits` (of this database or an old one), or null if it is not a valid edit. */
export function asStoredCountryEdit(row: {
  code: string
  role: string
  edited_at: string
}): StoredCountryEdit | null {
  const parsed = StoredCountryEdit.safeParse({ code: row.code, role: row.role, editedAt: row.edited_at })
  return parsed.success ? parsed.data : null
}

/**
 * The edits kept in an article's folder, or [] when there are none or the file is not one Dateline
 * wrote (a link, too large, not this shape): nothing read back from the folder is trusted.
 */
export async function readCountryEditsFile(
  layout: LibraryLayout,
  articleId: string,
): Promise<StoredCountryEdit[]> {
  try {
    const path = countryEditsPath(layout, articleId)
    await assertNoLinkBetween(layout.root, path)
    const bytes = await readRegularFile(path, MAX_FILE_BYTES)
    const parsed = CountryEditsFile.safeParse(JSON.parse(bytes.toString('utf8')))
    return parsed.success ? parsed.data.edits : []
  } catch {
    return []
  }
}

export async function writeCountryEditsFile(
  layout: LibraryLayout,
  articleId: string,
  edits: StoredCountryEdit[],
): Promise<void> {
  const path = countryEditsPath(layout, articleId)
  await assertNoLinkBetween(layout.root, path)
  await writeFileAtomic(path, `${JSON.stringify({ edits }, null, 2)}\n`)
}

/**
 * Keeps each article's edits file equal to the database: one write at a time per article, and an
 * edit made while one runs is written by the next (which reads the database afresh), so a slow
 * earlier write can never land after a later one. One small writer per article edited while the
 * process runs (a person edits a few hundred at most).
 */
export function countryEditFiles(
  layout: LibraryLayout,
  editsOf: (articleId: string) => StoredCountryEdit[],
): { save: (articleId: string) => Promise<void> } {
  const writers = new Map<string, SerialWriter>()
  return {
    save: async (articleId) => {
      let writer = writers.get(articleId)
      if (!writer) {
        writer = new SerialWriter(() => writeCountryEditsFile(layout, articleId, editsOf(articleId)))
        writers.set(articleId, writer)
      }
      await writer.save()
    },
  }
}

/**
 * Puts edits into a (new) database's `country_edits`; where two sources name the same article and
 * country, the later edit wins. The caller holds the transaction, before the article's row is
 * written, so its shown countries apply them.
 */
export function carryCountryEdits(db: SqlDatabase, articleId: string, edits: StoredCountryEdit[]): void {
  for (const edit of edits) {
    db.run(
      `INSERT INTO country_edits (article_id, code, role, edited_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (article_id, code) DO UPDATE SET role = excluded.role, edited_at = excluded.edited_at
       WHERE excluded.edited_at > country_edits.edited_at`,
      [articleId, edit.code, edit.role, edit.editedAt],
    )
  }
}
