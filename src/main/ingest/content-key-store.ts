import type { SchemaStep } from '../library/schema'
import type { LibraryStore } from '../library/library-store'
import { sameSite } from './content-key'

/**
 * Schema 12: each article's content key (content-key.ts) with its site, so the same article
 * added by file, by paste and by link is one entry. Rows go with their article (trigger, as the
 * rowid of a deleted article may be used again).
 */
export const CONTENT_KEYS_SCHEMA_STEP: SchemaStep = {
  version: 12,
  describe: 'content keys that recognise the same article added from different sources',
  sql: `
CREATE TABLE article_content_keys (
  key TEXT NOT NULL,
  article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  site TEXT,
  PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE INDEX article_content_keys_by_article ON article_content_keys (article);
CREATE TRIGGER article_content_keys_gone AFTER DELETE ON articles
BEGIN
  DELETE FROM article_content_keys WHERE article = OLD.rowid;
END;
`,
}

/** The id of a stored article with this key from the same site (or an unknown one), if any. */
export function findByContentKey(library: LibraryStore, key: string, site: string | null): string | null {
  const rows = library.query((db) =>
    db.all<{ id: string; site: string | null }>(
      `SELECT a.id, k.site FROM article_content_keys k JOIN articles a ON a.rowid = k.article
       WHERE k.key = ? ORDER BY a.added_at DESC LIMIT 20`,
      [key],
    ),
  )
  return rows.find((row) => sameSite(row.site, site))?.id ?? null
}

export function rememberContentKey(
  library: LibraryStore,
  id: string,
  key: string,
  site: string | null,
): void {
  library.change((db) => {
    const rowid = db.get<{ rowid: number }>('SELECT rowid FROM articles WHERE id = ?', [id])?.rowid
    if (rowid === undefined) return
    db.run('DELETE FROM article_content_keys WHERE article = ?', [rowid])
    db.run('INSERT INTO article_content_keys (key, article, site) VALUES (?, ?, ?)', [key, rowid, site])
  })
}
