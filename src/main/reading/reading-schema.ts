import type { SchemaStep } from '../library/schema'

/**
 * Schema 11: reading.
 * - reading_positions: how far through each article the person has read (0..1 of its height,
 *   which survives a change of font size or window width), and when; one row per article, gone
 *   with the article.
 * - articles.dated_at: the date the list sorts by when the person chooses "published": the
 *   page's own date, normalised to UTC ISO 8601, or the day it was saved when the page names
 *   none (or an unreadable one). A virtual column, so nothing is rewritten; the indexes mirror
 *   those of added_at for each list (all, unread, starred, archived).
 */
export const READING_SCHEMA_STEP: SchemaStep = {
  version: 11,
  describe: 'reading positions and the published-date order',
  sql: `
CREATE TABLE reading_positions (
  article INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
  progress REAL NOT NULL CHECK (progress >= 0 AND progress <= 1),
  at TEXT NOT NULL
);
CREATE INDEX reading_positions_recent ON reading_positions (at DESC);
ALTER TABLE articles ADD COLUMN dated_at TEXT
  GENERATED ALWAYS AS (coalesce(strftime('%Y-%m-%dT%H:%M:%fZ', published_at), added_at)) VIRTUAL;
CREATE INDEX articles_dated ON articles (dated_at DESC, id);
CREATE INDEX articles_dated_listed ON articles (dated_at DESC, id) WHERE archived = 0;
CREATE INDEX articles_dated_unread ON articles (dated_at DESC, id) WHERE read = 0 AND archived = 0;
CREATE INDEX articles_dated_starred ON articles (dated_at DESC, id) WHERE starred = 1;
CREATE INDEX articles_dated_archived ON articles (dated_at DESC, id) WHERE archived = 1;
`,
}
