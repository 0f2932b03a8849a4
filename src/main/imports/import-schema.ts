import type { SchemaStep } from '../library/schema'

/**
 * Schema step 7: the import queue. A job is one file; an item is one article of it waiting to be
 * captured, with what the other app knew (title, tags, states, save date, and the text when the
 * export carries it), so a kill or a restart goes on from the database alone, without the file.
 * `url_key` (the normalised address) is unique over every job: nothing is queued twice.
 */
export const IMPORT_QUEUE_STEP: SchemaStep = {
  version: 7,
  describe: 'the queue of articles imported from other apps',
  sql: `
CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  -- Rows read from the file, and those left out as already in the library or queued before.
  row_count INTEGER NOT NULL,
  already_there INTEGER NOT NULL,
  broken_count INTEGER NOT NULL,
  -- JSON: the first rows that could not be read, and the collections the file's tags became.
  broken_rows TEXT NOT NULL,
  collections TEXT NOT NULL
);
CREATE TABLE import_items (
  id INTEGER PRIMARY KEY,
  job INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  url TEXT NOT NULL,
  url_key TEXT NOT NULL UNIQUE,
  title TEXT,
  -- JSON list of collection names.
  tags TEXT NOT NULL,
  read INTEGER NOT NULL CHECK (read IN (0, 1)),
  starred INTEGER NOT NULL CHECK (starred IN (0, 1)),
  archived INTEGER NOT NULL CHECK (archived IN (0, 1)),
  saved_at TEXT,
  -- The text the export carried (cleared once stored), and what it is.
  content_kind TEXT CHECK (content_kind IN ('html', 'markdown')),
  content TEXT,
  byline TEXT,
  published_at TEXT,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'done', 'failed')),
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- The stored article's id, once captured.
  article TEXT
);
CREATE INDEX import_items_by_job ON import_items (job, state);
CREATE INDEX import_items_waiting ON import_items (id) WHERE state = 'queued';
`,
}
