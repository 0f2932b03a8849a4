import { DatelineError } from '@shared/errors'
import type { SqlDatabase } from './database'
import { IMPORT_QUEUE_STEP } from '../imports/import-schema'
import { FEEDS_SCHEMA_STEP } from '../feeds/feed-schema'
import { LIST_INDEXES_STEP } from './list-schema'
import { CORRESPONDENT_COUNTRY_COUNTS_STEP } from './correspondent-country-counts'
import { SYNC_SCHEMA_STEP } from '../sync/sync-schema'
import { STORIES_SCHEMA_STEP } from '../stories/story-schema'
import { STORY_FOLD_COUNTS_STEP } from '../stories/story-fold-counts'
import { READING_SCHEMA_STEP } from '../reading/reading-schema'
import { CONTENT_KEYS_SCHEMA_STEP } from '../ingest/content-key-store'
import { HIGHLIGHTS_SCHEMA_STEP } from '../highlights/highlight-schema'

/**
 * The library database's tables, one migration per schema version, kept in `PRAGMA user_version`.
 * Version 1 was the sharded JSON library (see legacy-json-library.ts); the database starts at 2.
 * A later issue adds a step here with its own version number; the manifest follows the newest step.
 *
 * Keys, planned for the issues that build on this one:
 * - `articles.rowid` (INTEGER PRIMARY KEY, so VACUUM never renumbers it) is the key every relation and
 *   the full-text index use; the 16-hex `id` (stable across re-captures, used in paths, URLs and the
 *   CLI) is UNIQUE and checked by the schema itself, so no id read back can name a path outside.
 * - Relations are WITHOUT ROWID tables keyed (thing, article): the country's / correspondent's /
 *   collection's / feed's articles are one index range, and a second index (article, ...) answers
 *   "what does this article belong to". Rows go with their article (ON DELETE CASCADE).
 * - `sidebar_counts` holds the sidebar's numbers, kept by triggers in the same transaction as every
 *   change: counting unread articles per country on demand took 354 ms at 100k.
 */
/**
 * A `library_facts` key present while the full-text index is being rebuilt: its value is the last
 * article rowid indexed, so a rebuild a kill interrupted carries on from there.
 */
export const INDEX_REBUILT_THROUGH = 'index_rebuilt_through'

export interface SchemaStep {
  version: number
  describe: string
  sql: string
}

/** What one article adds to a row of counts. Archived articles leave the default list (articles, unread). */
const CONTRIBUTION = (a: string): string => `
  (${a}.archived = 0),
  (${a}.read = 0 AND ${a}.archived = 0),
  (${a}.starred = 1),
  (${a}.archived = 1)`

/**
 * Triggers that keep `sidebar_counts` for one relation table: adding or removing a membership moves
 * the article's contribution in or out of the group's row.
 */
function relationCounters(kind: string, table: string, keyColumn: string, articleColumn = 'article'): string {
  return `
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table}
WHEN NEW.${articleColumn} IS NOT NULL
BEGIN
  INSERT INTO sidebar_counts (kind, key, articles, unread, starred, archived)
  SELECT '${kind}', CAST(NEW.${keyColumn} AS TEXT), ${CONTRIBUTION('a')} FROM articles a WHERE a.rowid = NEW.${articleColumn}
  ON CONFLICT (kind, key) DO UPDATE SET
    articles = articles + excluded.articles, unread = unread + excluded.unread,
    starred = starred + excluded.starred, archived = archived + excluded.archived;
END;
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table}
WHEN OLD.${articleColumn} IS NOT NULL
BEGIN
  UPDATE sidebar_counts SET
    articles = articles - (SELECT a.archived = 0 FROM articles a WHERE a.rowid = OLD.${articleColumn}),
    unread = unread - (SELECT a.read = 0 AND a.archived = 0 FROM articles a WHERE a.rowid = OLD.${articleColumn}),
    starred = starred - (SELECT a.starred = 1 FROM articles a WHERE a.rowid = OLD.${articleColumn}),
    archived = archived - (SELECT a.archived = 1 FROM articles a WHERE a.rowid = OLD.${articleColumn})
  WHERE kind = '${kind}' AND key = CAST(OLD.${keyColumn} AS TEXT)
    AND EXISTS (SELECT 1 FROM articles a WHERE a.rowid = OLD.${articleColumn});
END;`
}

/** A state change moves the article's contribution in every group it belongs to. */
function stateCounters(groups: { kind: string; table: string; keyColumn: string }[]): string {
  const delta = `
    articles = articles + ((NEW.archived = 0) - (OLD.archived = 0)),
    unread = unread + ((NEW.read = 0 AND NEW.archived = 0) - (OLD.read = 0 AND OLD.archived = 0)),
    starred = starred + ((NEW.starred = 1) - (OLD.starred = 1)),
    archived = archived + ((NEW.archived = 1) - (OLD.archived = 1))`
  return `
CREATE TRIGGER articles_count_insert AFTER INSERT ON articles
BEGIN
  UPDATE sidebar_counts SET
    articles = articles + (NEW.archived = 0), unread = unread + (NEW.read = 0 AND NEW.archived = 0),
    starred = starred + (NEW.starred = 1), archived = archived + (NEW.archived = 1)
  WHERE kind = 'library' AND key = '';
END;
CREATE TRIGGER articles_count_delete BEFORE DELETE ON articles
BEGIN
  UPDATE sidebar_counts SET
    articles = articles - (OLD.archived = 0), unread = unread - (OLD.read = 0 AND OLD.archived = 0),
    starred = starred - (OLD.starred = 1), archived = archived - (OLD.archived = 1)
  WHERE kind = 'library' AND key = '';
${groups
  .map(({ table }) =>
    // Memberships go before their article, while its states can still be read by their triggers;
    // a feed item stays (without its article), so the feed does not bring the article back.
    table === 'feed_items'
      ? `  UPDATE feed_items SET article = NULL WHERE article = OLD.rowid;`
      : `  DELETE FROM ${table} WHERE article = OLD.rowid;`,
  )
  .join('\n')}
END;
CREATE TRIGGER articles_count_state AFTER UPDATE OF read, starred, archived ON articles
WHEN NEW.read IS NOT OLD.read OR NEW.starred IS NOT OLD.starred OR NEW.archived IS NOT OLD.archived
BEGIN
  UPDATE sidebar_counts SET ${delta} WHERE kind = 'library' AND key = '';
${groups
  .map(
    ({ kind, table, keyColumn }) =>
      `  UPDATE sidebar_counts SET ${delta}
  WHERE kind = '${kind}' AND key IN (SELECT CAST(${keyColumn} AS TEXT) FROM ${table} WHERE article = NEW.rowid);`,
  )
  .join('\n')}
END;`
}

const GROUPS = [
  { kind: 'country', table: 'article_countries', keyColumn: 'code' },
  { kind: 'correspondent', table: 'article_correspondents', keyColumn: 'correspondent' },
  { kind: 'collection', table: 'collection_articles', keyColumn: 'collection' },
  { kind: 'feed', table: 'feed_items', keyColumn: 'feed' },
]

const VERSION_2 = `
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
  source TEXT NOT NULL CHECK (source IN ('url', 'file', 'paste')),
  url TEXT,
  canonical_url TEXT,
  file_name TEXT,
  title TEXT NOT NULL,
  byline TEXT,
  site_name TEXT,
  lang TEXT,
  excerpt TEXT NOT NULL,
  published_at TEXT,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  reading_minutes INTEGER NOT NULL,
  lead_image TEXT,
  read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
  starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- When a state last changed, for sync and "recently read".
  state_changed_at TEXT
);
-- The list's orders; the id breaks ties of added_at so pages are stable.
CREATE INDEX articles_newest ON articles (added_at DESC, id);
-- The default list (not archived) walks this one: a deep page skips rows in the index alone,
-- without a lookup of each row's archived flag (a page at offset 5,000 of 100k: 43 ms without).
CREATE INDEX articles_listed ON articles (added_at DESC, id) WHERE archived = 0;
CREATE INDEX articles_unread ON articles (added_at DESC, id) WHERE read = 0 AND archived = 0;
CREATE INDEX articles_starred ON articles (added_at DESC, id) WHERE starred = 1;
CREATE INDEX articles_archived ON articles (added_at DESC, id) WHERE archived = 1;
CREATE INDEX articles_by_site ON articles (site_name, added_at DESC);
CREATE INDEX articles_by_published ON articles (published_at);
CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_by_canonical_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;

-- Deleted articles, restorable until the next open purges them with their files.
CREATE TABLE trash (
  id TEXT PRIMARY KEY CHECK (length(id) = 16 AND id NOT GLOB '*[^0-9a-f]*'),
  deleted_at TEXT NOT NULL,
  -- The summary, states and memberships as they were, to restore exactly. JSON.
  record TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE article_countries (
  code TEXT NOT NULL CHECK (length(code) = 2 AND code NOT GLOB '*[^A-Z]*'),
  article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  score REAL NOT NULL DEFAULT 0,
  -- 'tagger' or 'person': a person's edit survives re-tagging (countries issue).
  origin TEXT NOT NULL DEFAULT 'tagger' CHECK (origin IN ('tagger', 'person')),
  PRIMARY KEY (code, article)
) WITHOUT ROWID;
CREATE INDEX article_countries_by_article ON article_countries (article);

CREATE TABLE correspondents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- Normalised name and outlet: one correspondent per pair (correspondents issue).
  name_key TEXT NOT NULL,
  outlet_key TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'team', 'agency')),
  followed INTEGER NOT NULL DEFAULT 0 CHECK (followed IN (0, 1)),
  author_url TEXT,
  feed_url TEXT,
  UNIQUE (name_key, outlet_key)
);
CREATE TABLE article_correspondents (
  correspondent INTEGER NOT NULL REFERENCES correspondents (id) ON DELETE CASCADE,
  article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  position INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL DEFAULT 'extractor' CHECK (origin IN ('extractor', 'person')),
  PRIMARY KEY (correspondent, article)
) WITHOUT ROWID;
CREATE INDEX article_correspondents_by_article ON article_correspondents (article, position);

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  -- For a smart collection, its saved search (JSON of the list filters); NULL for a plain one.
  query TEXT
);
CREATE TABLE collection_articles (
  collection INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
  -- The person's order inside the collection.
  position INTEGER NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection, article)
) WITHOUT ROWID;
CREATE INDEX collection_articles_by_article ON collection_articles (article);
CREATE INDEX collection_articles_in_order ON collection_articles (collection, position);

CREATE TABLE feeds (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  site_url TEXT,
  folder TEXT,
  added_at TEXT NOT NULL
);
CREATE TABLE feed_items (
  feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  -- The item's GUID, else its link: what deduplicates items within a feed.
  guid TEXT NOT NULL,
  link TEXT,
  -- The stored article, once captured; one article may be reached through several feeds.
  article INTEGER REFERENCES articles (rowid) ON DELETE SET NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed, guid)
) WITHOUT ROWID;
CREATE INDEX feed_items_by_article ON feed_items (article) WHERE article IS NOT NULL;
CREATE INDEX feed_items_by_link ON feed_items (link) WHERE link IS NOT NULL;

CREATE TABLE sidebar_counts (
  -- 'library' (key ''), 'country' (code), 'correspondent', 'collection', 'feed' (their id).
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  unread INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
INSERT INTO sidebar_counts (kind, key) VALUES ('library', '');

-- A feed item that gains its article later moves the article into the feed's count.
CREATE TRIGGER feed_items_count_article AFTER UPDATE OF article ON feed_items
WHEN NEW.article IS NOT OLD.article
BEGIN
  UPDATE sidebar_counts SET
    articles = articles - (SELECT a.archived = 0 FROM articles a WHERE a.rowid = OLD.article),
    unread = unread - (SELECT a.read = 0 AND a.archived = 0 FROM articles a WHERE a.rowid = OLD.article),
    starred = starred - (SELECT a.starred = 1 FROM articles a WHERE a.rowid = OLD.article),
    archived = archived - (SELECT a.archived = 1 FROM articles a WHERE a.rowid = OLD.article)
  WHERE kind = 'feed' AND key = CAST(OLD.feed AS TEXT) AND OLD.article IS NOT NULL
    AND EXISTS (SELECT 1 FROM articles a WHERE a.rowid = OLD.article);
  INSERT INTO sidebar_counts (kind, key, articles, unread, starred, archived)
  SELECT 'feed', CAST(NEW.feed AS TEXT), ${CONTRIBUTION('a')} FROM articles a WHERE a.rowid = NEW.article
  ON CONFLICT (kind, key) DO UPDATE SET
    articles = articles + excluded.articles, unread = unread + excluded.unread,
    starred = starred + excluded.starred, archived = archived + excluded.archived;
END;
${GROUPS.map((g) => relationCounters(g.kind, g.table, g.keyColumn)).join('\n')}
${stateCounters(GROUPS)}

-- Full-text index of every article (search issue). Contentless: snippets come from the stored .txt
-- files, so the text is not kept twice. rowid = articles.rowid. Text goes in through textForIndex.
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, correspondents, site, excerpt, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- Facts about this database: what it was made from, when it was last backed up.
CREATE TABLE library_facts (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`

/**
 * The full-text index with prefix indexes up to 6 characters. A word half typed that is longer than
 * the longest prefix index makes FTS5 merge the doclist of every word starting with it: at 100k
 * articles `"prot"*` took 12–24 ms and `"protest"*` 11–46 ms against ~1 ms for `"pro"*`. Six
 * characters cover a word typed up to the point where, in practice, few words share the prefix.
 * The index is contentless, so SQL cannot refill it: the step leaves a note, and the store
 * rebuilds the index from the articles' rows and text files with progress (search/rebuild-index.ts)
 * before the library is used. A fresh database (no articles) needs no rebuild.
 */
const VERSION_8 = `
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, correspondents, site, excerpt, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6'
);
INSERT OR REPLACE INTO library_facts (key, value)
  SELECT '${INDEX_REBUILT_THROUGH}', '0' WHERE EXISTS (SELECT 1 FROM articles);
`

/**
 * Countries: the person's own choices, apart from the tags shown, so re-tagging can apply them again.
 * Keyed by the article's id (not its rowid) so an edit outlives a delete and restore, or the same
 * article captured again; a row whose article is gone for good is dropped by the next re-tagging.
 */
const VERSION_3 = `
CREATE TABLE country_edits (
  article_id TEXT NOT NULL CHECK (length(article_id) = 16 AND article_id NOT GLOB '*[^0-9a-f]*'),
  code TEXT NOT NULL CHECK (length(code) = 2 AND code NOT GLOB '*[^A-Z]*'),
  role TEXT NOT NULL CHECK (role IN ('primary', 'mentioned', 'removed')),
  edited_at TEXT NOT NULL,
  PRIMARY KEY (article_id, code)
) WITHOUT ROWID;
`

/**
 * Correspondents issue: a correspondent merged into another keeps its row (so extraction keeps
 * finding it by name and outlet) and points at the one it was merged into; splitting clears it.
 */
const VERSION_4 = `
ALTER TABLE correspondents ADD COLUMN merged_into INTEGER REFERENCES correspondents (id) ON DELETE SET NULL;
ALTER TABLE correspondents ADD COLUMN followed_at TEXT;
CREATE INDEX correspondents_merged ON correspondents (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX correspondents_followed ON correspondents (id) WHERE followed = 1;
CREATE INDEX correspondents_by_name ON correspondents (name_key);
`

/**
 * Schema 18: each article's plain text kept in the database, zlib-compressed (article-texts.ts), so
 * `dateline reindex` and the search's snippets read no file. The step only makes the table, so an
 * open stays quick at any size: a text is kept by every write of the article's full-text entry
 * from now on, and an article without one (every article of a library made before) is read from
 * its `.txt` file and kept by the next `dateline reindex` (rebuild-index.ts), which is how a
 * migrated library fills it. The `.txt` files stay: they are what `dateline rebuild` reads.
 */
const VERSION_18 = `
CREATE TABLE IF NOT EXISTS article_texts (
  rowid INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
  -- The revision the text is of: the article's updated_at when it was written.
  updated_at TEXT NOT NULL,
  text BLOB NOT NULL
);
`

export const schemaSteps: SchemaStep[] = [
  { version: 2, describe: 'articles, relations, counts and the full-text index', sql: VERSION_2 },
  { version: 3, describe: "the person's country edits", sql: VERSION_3 },
  IMPORT_QUEUE_STEP,
  { version: 8, describe: 'full-text prefix indexes of 2 to 6 characters', sql: VERSION_8 },
  FEEDS_SCHEMA_STEP,
  { version: 4, describe: 'merged and followed correspondents', sql: VERSION_4 },
  LIST_INDEXES_STEP,
  SYNC_SCHEMA_STEP,
  STORIES_SCHEMA_STEP,
  READING_SCHEMA_STEP,
  CONTENT_KEYS_SCHEMA_STEP,
  CORRESPONDENT_COUNTRY_COUNTS_STEP,
  HIGHLIGHTS_SCHEMA_STEP,
  STORY_FOLD_COUNTS_STEP,
  { version: 18, describe: "each article's text kept in the database", sql: VERSION_18 },
]

export const LATEST_DATABASE_VERSION = Math.max(...schemaSteps.map((s) => s.version))

export function databaseVersion(db: SqlDatabase): number {
  return Number(db.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0)
}

/**
 * Brings the database to the latest version, each step in its own transaction with its version
 * number, so an interrupted upgrade leaves the previous version intact and resumes.
 */
export function migrateDatabase(db: SqlDatabase, steps: SchemaStep[] = schemaSteps): number {
  let version = databaseVersion(db)
  const latest = Math.max(...steps.map((s) => s.version))
  if (version > latest) {
    throw new DatelineError(
      'LIBRARY_NEWER',
      `The library database ${db.path} was written by a newer Dateline (database version ${version}, ` +
        `this one reads up to ${latest}). Update Dateline to open it; nothing was changed.`,
    )
  }
  for (const step of steps.filter((s) => s.version > version).sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      db.exec(step.sql)
      db.exec(`PRAGMA user_version = ${step.version}`)
    })
    version = step.version
  }
  return version
}

/**
 * Recomputes every count from the tables. The triggers keep them; this is for a rebuilt or migrated
 * database, and lets a test prove the triggers right.
 */
export function recountSidebar(db: SqlDatabase): void {
  db.transaction(() => {
    db.exec('DELETE FROM sidebar_counts')
    db.exec(`INSERT INTO sidebar_counts (kind, key, articles, unread, starred, archived)
      SELECT 'library', '', ${sums('a')} FROM articles a`)
    for (const { kind, table, keyColumn } of GROUPS) {
      db.exec(`INSERT INTO sidebar_counts (kind, key, articles, unread, starred, archived)
        SELECT '${kind}', CAST(g.${keyColumn} AS TEXT), ${sums('a')}
        FROM ${table} g JOIN articles a ON a.rowid = g.article GROUP BY g.${keyColumn}`)
    }
  })
}

function sums(a: string): string {
  return `coalesce(sum(${a}.archived = 0), 0), coalesce(sum(${a}.read = 0 AND ${a}.archived = 0), 0),
    coalesce(sum(${a}.starred = 1), 0), coalesce(sum(${a}.archived = 1), 0)`
}
