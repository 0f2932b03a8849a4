import type { SchemaStep } from '../library/schema'

/**
 * Schema 5: what refreshing feeds needs to be polite and to remember (the feeds and feed_items
 * tables themselves are in schema 2).
 * - Conditional requests: etag, last_modified. Backoff: failures in a row and next_attempt_at,
 *   which also carries a server's Retry-After. Error state: error (a sentence) and error_kind.
 * - Per feed: interval_minutes and retention_days (NULL follows the library's defaults, kept in
 *   library_facts), capture_mode.
 * - correspondent: an author feed of a followed correspondent (correspondents.feed_url), kept here
 *   so its items are deduplicated like any feed's, but not listed among the person's feeds.
 * - feed_items.version: the item's updated date, else a hash of its title and content, so an item
 *   the outlet edited updates the stored article; announced: told once as a followed author's.
 */
export const FEEDS_SCHEMA_STEP: SchemaStep = {
  version: 5,
  describe: 'feed refresh state, per-feed settings and author feeds',
  sql: `
ALTER TABLE feeds ADD COLUMN etag TEXT;
ALTER TABLE feeds ADD COLUMN last_modified TEXT;
ALTER TABLE feeds ADD COLUMN last_refreshed_at TEXT;
ALTER TABLE feeds ADD COLUMN last_attempt_at TEXT;
ALTER TABLE feeds ADD COLUMN next_attempt_at TEXT;
ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN error TEXT;
ALTER TABLE feeds ADD COLUMN error_kind TEXT;
ALTER TABLE feeds ADD COLUMN interval_minutes INTEGER CHECK (interval_minutes IS NULL OR interval_minutes > 0);
ALTER TABLE feeds ADD COLUMN capture_mode TEXT NOT NULL DEFAULT 'full' CHECK (capture_mode IN ('full', 'summary'));
ALTER TABLE feeds ADD COLUMN retention_days INTEGER CHECK (retention_days IS NULL OR retention_days >= 0);
ALTER TABLE feeds ADD COLUMN correspondent INTEGER REFERENCES correspondents (id) ON DELETE CASCADE;
CREATE INDEX feeds_by_correspondent ON feeds (correspondent) WHERE correspondent IS NOT NULL;
CREATE INDEX feeds_due ON feeds (next_attempt_at);
ALTER TABLE feed_items ADD COLUMN title TEXT;
ALTER TABLE feed_items ADD COLUMN version TEXT;
ALTER TABLE feed_items ADD COLUMN announced INTEGER NOT NULL DEFAULT 0 CHECK (announced IN (0, 1));
`,
}
