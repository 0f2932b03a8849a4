import type { SchemaStep } from '../library/schema'

/**
 * Schema 10: what syncing through a shared folder keeps on each machine (docs/sync.md).
 * - sync_config: one row: this library's device id and name, the folder, whether sync is on, the
 *   newest clock seen, and the last problem with the folder (a full disk) to show.
 * - sync_registers: the winning clock and value of every synced key, so a change is applied only
 *   when it is newer (idempotent), whatever order the logs are read in.
 * - sync_log_files: how far each device's log file has been read (offset in bytes), and the
 *   checksum of the last line read there, to notice a file replaced by another copy.
 * - sync_outbox: changes made here, waiting to be appended to this device's log (kept through a
 *   full disk or a folder that is not there).
 * - sync_pending: articles whose file has not arrived yet.
 * - sync_published: which capture of each article is in the sync folder.
 * - sync_collections: the id a collection has on every device (its local id differs).
 * - sync_events: what arrived from other devices and what conflicted, the newest kept.
 */
export const SYNC_SCHEMA_STEP: SchemaStep = {
  version: 10,
  describe: 'sync through a shared folder',
  sql: `
CREATE TABLE sync_config (
  only INTEGER PRIMARY KEY CHECK (only = 1),
  device TEXT NOT NULL CHECK (length(device) = 16),
  device_name TEXT NOT NULL,
  folder TEXT,
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  clock TEXT NOT NULL DEFAULT '',
  problem TEXT,
  last_scan_at TEXT
);
-- What changed here since the last look (local-changes.ts reads the states changed since then).
CREATE INDEX sync_articles_state_changed ON articles (state_changed_at) WHERE state_changed_at IS NOT NULL;
CREATE TABLE sync_registers (key TEXT PRIMARY KEY, clock TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_log_files (
  file TEXT PRIMARY KEY,
  device TEXT NOT NULL,
  offset INTEGER NOT NULL DEFAULT 0,
  tail TEXT NOT NULL DEFAULT '',
  changes INTEGER NOT NULL DEFAULT 0,
  last_clock TEXT,
  notice TEXT
) WITHOUT ROWID;
CREATE TABLE sync_outbox (seq INTEGER PRIMARY KEY, clock TEXT NOT NULL, line TEXT NOT NULL);
CREATE TABLE sync_pending (article TEXT PRIMARY KEY, sha TEXT NOT NULL, clock TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_published (article TEXT PRIMARY KEY, updated_at TEXT NOT NULL, sha TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_collections (
  collection INTEGER PRIMARY KEY REFERENCES collections (id) ON DELETE CASCADE,
  uid TEXT NOT NULL UNIQUE
);
CREATE TABLE sync_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  device TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('arrived', 'conflict', 'notice')),
  key TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
`,
}
