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
 * - highlights: passages the person marked, with an optional note, anchored as the W3C Web
 *   Annotation selectors do: the quote (exact, with up to 32 characters of prefix and suffix)
 *   and its position (start, end) in the article's text, so a re-capture that moves the text
 *   finds the quote again. Keyed by the article's id, not its rowid, so an article deleted and
 *   restored from the trash keeps them.
 */
export const READING_SCHEMA_STEP: SchemaStep = {
  version: 11,
  describe: 'reading positions, the published-date order and highlights',
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
CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL CHECK (length(article_id) = 16 AND article_id NOT GLOB '*[^0-9a-f]*'),
  exact TEXT NOT NULL CHECK (length(exact) BETWEEN 1 AND 20000),
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL CHECK ("end" > start),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX highlights_by_article ON highlights (article_id, start);
`,
}
