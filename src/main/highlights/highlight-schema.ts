import type { SchemaStep } from '../library/schema'

/**
 * Schema 15: highlights that sync. Schema 11 made the table with an INTEGER id, which two devices
 * would hand out alike, and no colour; no release wrote to it. This step remakes it with a random
 * 16-hex id (the same highlight on every device, the key of its sync register) and a colour,
 * carrying over any row with a fresh id. Keyed by the article's id, not its rowid, so an article
 * deleted and restored from the trash keeps its highlights, and one that arrives later by sync
 * finds them waiting. `highlights_unindexed` lists articles whose full-text entry must take in
 * highlights that arrived by sync (the entry needs the body file, read outside the transaction).
 */
export const HIGHLIGHTS_SCHEMA_STEP: SchemaStep = {
  version: 15,
  describe: 'highlights with ids that sync, and colours',
  sql: `
CREATE TABLE highlights_synced (
  id TEXT PRIMARY KEY CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
  article_id TEXT NOT NULL CHECK (length(article_id) = 16 AND article_id NOT GLOB '*[^0-9a-f]*'),
  exact TEXT NOT NULL CHECK (length(exact) BETWEEN 1 AND 20000),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL CHECK ("end" > start),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  colour TEXT NOT NULL DEFAULT 'yellow' CHECK (colour IN ('yellow', 'green', 'blue', 'pink')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO highlights_synced (id, article_id, exact, prefix, suffix, start, "end", note, created_at, updated_at)
  SELECT lower(hex(randomblob(8))), article_id, exact, prefix, suffix, start, "end", note, created_at, updated_at
  FROM highlights;
DROP TABLE highlights;
ALTER TABLE highlights_synced RENAME TO highlights;
CREATE INDEX highlights_by_article ON highlights (article_id, start);
CREATE TABLE highlights_unindexed (article_id TEXT PRIMARY KEY) WITHOUT ROWID;
`,
}
