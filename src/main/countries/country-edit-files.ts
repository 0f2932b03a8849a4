import { z } from 'zod'
import { articleJsonFile } from '../library/article-json-file'
import type { SqlDatabase } from '../library/database'
import type { LibraryLayout } from '../library/layout'

/**
 * The person's country edits of an article, kept beside its body as well as in library.db, so that
 * `dateline rebuild` (a new database from the article folders, when library.db is damaged) keeps
 * them. The database stays the source of truth: the file is rewritten from it after each edit.
 */

/** A person edits a few countries of an article; a file with more was not written by Dateline. */
const MAX_EDITS = 300

const StoredCountryEdit = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  role: z.enum(['primary', 'mentioned', 'removed']),
  editedAt: z.string().min(1).max(40),
})
export type StoredCountryEdit = z.infer<typeof StoredCountryEdit>

/** Not a revision's name, so a re-capture's clean-up (removeOtherRevisions) leaves it. */
const countryEditsFile = articleJsonFile({
  name: 'country-edits.json',
  schema: z.object({ edits: z.array(StoredCountryEdit).max(MAX_EDITS) }),
  maxBytes: 64 * 1024,
})

export const COUNTRY_EDITS_FILE = countryEditsFile.name

export function countryEditsPath(layout: LibraryLayout, articleId: string): string {
  return countryEditsFile.path(layout, articleId)
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
  return (await countryEditsFile.read(layout, articleId))?.edits ?? []
}

export async function writeCountryEditsFile(
  layout: LibraryLayout,
  articleId: string,
  edits: StoredCountryEdit[],
): Promise<void> {
  await countryEditsFile.save(layout, articleId, () => ({ edits }))
}

/**
 * Keeps each article's edits file equal to the database: one write at a time per article, and an
 * edit made while one runs is written by the next (which reads the database afresh), so a slow
 * earlier write can never land after a later one.
 */
export function countryEditFiles(
  layout: LibraryLayout,
  editsOf: (articleId: string) => StoredCountryEdit[],
): { save: (articleId: string) => Promise<void> } {
  return {
    save: (articleId) => countryEditsFile.save(layout, articleId, () => ({ edits: editsOf(articleId) })),
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
