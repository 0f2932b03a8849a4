import type { ArticleFilter, StateCounts } from '@shared/contract'
import { correspondentKey } from './article-rows'
import type { SqlDatabase } from './database'
import type { SchemaStep } from './schema'

/**
 * Schema 16: how many articles of each state a correspondent has, in all and per country, kept by
 * triggers like `sidebar_counts`. A page filtered by a correspondent (and a country, and a state)
 * walks the list and stops at 50, but its total had to visit every article of the person (~14,000
 * at 100k: 43 ms of CPU for a country and a state); with these counters it is one row. Exact,
 * never an estimate.
 *
 * Counted per name (`name_key`), not per entry: one person is one entry per outlet (eight for a
 * busy byline), and an article under two of them (an agency and a staff byline of one name) is
 * one article. `code` is a country, or '' for all of the person's articles. A filter's name that
 * also reaches entries of other names (merged in) is counted as before (see library-store.ts).
 */
const CONTRIBUTION = `(a.archived = 0), (a.read = 0 AND a.archived = 0), (a.starred = 1), (a.archived = 1)`

const ADD = `ON CONFLICT (name_key, code) DO UPDATE SET
    articles = articles + excluded.articles, unread = unread + excluded.unread,
    starred = starred + excluded.starred, archived = archived + excluded.archived`

/** The names of the article `article`'s correspondents, each once. */
const NAMES_OF = (article: string): string =>
  `SELECT q.name_key FROM article_correspondents o JOIN correspondents q ON q.id = o.correspondent WHERE o.article = ${article}`

/** Subtracts the article `OLD.article` from the rows chosen by `where`, while the article exists. */
const SUBTRACT = (where: string): string => `
  UPDATE correspondent_country_counts SET
    articles = articles - (SELECT a.archived = 0 FROM articles a WHERE a.rowid = OLD.article),
    unread = unread - (SELECT a.read = 0 AND a.archived = 0 FROM articles a WHERE a.rowid = OLD.article),
    starred = starred - (SELECT a.starred = 1 FROM articles a WHERE a.rowid = OLD.article),
    archived = archived - (SELECT a.archived = 1 FROM articles a WHERE a.rowid = OLD.article)
  WHERE ${where} AND EXISTS (SELECT 1 FROM articles a WHERE a.rowid = OLD.article);`

/** Every row of the names chosen by `names` (a condition on `q`), recomputed from the relations. */
const RECOUNT = (names: string): string => `
INSERT INTO correspondent_country_counts (name_key, code, articles, unread, starred, archived)
SELECT k.name_key, '', sum(a.archived = 0), sum(a.read = 0 AND a.archived = 0), sum(a.starred = 1), sum(a.archived = 1)
FROM (SELECT DISTINCT q.name_key, r.article FROM article_correspondents r
      JOIN correspondents q ON q.id = r.correspondent WHERE ${names}) k
JOIN articles a ON a.rowid = k.article
GROUP BY k.name_key;
INSERT INTO correspondent_country_counts (name_key, code, articles, unread, starred, archived)
SELECT k.name_key, c.code, sum(a.archived = 0), sum(a.read = 0 AND a.archived = 0), sum(a.starred = 1), sum(a.archived = 1)
FROM (SELECT DISTINCT q.name_key, r.article FROM article_correspondents r
      JOIN correspondents q ON q.id = r.correspondent WHERE ${names}) k
JOIN article_countries c ON c.article = k.article
JOIN articles a ON a.rowid = k.article
GROUP BY k.name_key, c.code;`

export const CORRESPONDENT_COUNTRY_COUNTS_STEP: SchemaStep = {
  version: 16,
  describe: "each correspondent's articles in all and per country, by state, for the list's totals",
  sql: `
CREATE TABLE correspondent_country_counts (
  name_key TEXT NOT NULL,
  -- A country's code, or '' for all of the name's articles.
  code TEXT NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  unread INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (name_key, code)
) WITHOUT ROWID;
${RECOUNT('1')}

-- A name given to an article counts it in all and in each of its countries, unless another entry
-- of that name already did.
CREATE TRIGGER article_correspondents_name_count_insert AFTER INSERT ON article_correspondents
BEGIN
  INSERT INTO correspondent_country_counts (name_key, code, articles, unread, starred, archived)
  SELECT p.name_key, c.code, ${CONTRIBUTION}
  FROM correspondents p
  JOIN articles a ON a.rowid = NEW.article
  JOIN (SELECT '' AS code UNION ALL SELECT code FROM article_countries WHERE article = NEW.article) c
  WHERE p.id = NEW.correspondent AND NOT EXISTS (
    SELECT 1 FROM article_correspondents o JOIN correspondents q ON q.id = o.correspondent
    WHERE o.article = NEW.article AND o.correspondent != NEW.correspondent AND q.name_key = p.name_key)
  ${ADD};
END;
CREATE TRIGGER article_correspondents_name_count_delete AFTER DELETE ON article_correspondents
BEGIN${SUBTRACT(`name_key = (SELECT name_key FROM correspondents WHERE id = OLD.correspondent)
    AND (code = '' OR code IN (SELECT code FROM article_countries WHERE article = OLD.article))
    AND NOT EXISTS (SELECT 1 FROM article_correspondents o JOIN correspondents q ON q.id = o.correspondent
      WHERE o.article = OLD.article AND q.name_key = correspondent_country_counts.name_key)`)}
END;
CREATE TRIGGER article_countries_name_count_insert AFTER INSERT ON article_countries
BEGIN
  INSERT INTO correspondent_country_counts (name_key, code, articles, unread, starred, archived)
  SELECT k.name_key, NEW.code, ${CONTRIBUTION}
  FROM (SELECT DISTINCT name_key FROM (${NAMES_OF('NEW.article')})) k
  JOIN articles a ON a.rowid = NEW.article
  WHERE 1
  ${ADD};
END;
-- Deleting an article removes its countries first (articles_count_delete), while its
-- correspondents are still there to name the rows; its correspondents then take the '' rows.
CREATE TRIGGER article_countries_name_count_delete AFTER DELETE ON article_countries
BEGIN${SUBTRACT(`code = OLD.code AND name_key IN (${NAMES_OF('OLD.article')})`)}
END;
CREATE TRIGGER articles_name_count_state AFTER UPDATE OF read, starred, archived ON articles
WHEN NEW.read IS NOT OLD.read OR NEW.starred IS NOT OLD.starred OR NEW.archived IS NOT OLD.archived
BEGIN
  UPDATE correspondent_country_counts SET
    articles = articles + ((NEW.archived = 0) - (OLD.archived = 0)),
    unread = unread + ((NEW.read = 0 AND NEW.archived = 0) - (OLD.read = 0 AND OLD.archived = 0)),
    starred = starred + ((NEW.starred = 1) - (OLD.starred = 1)),
    archived = archived + ((NEW.archived = 1) - (OLD.archived = 1))
  WHERE name_key IN (${NAMES_OF('NEW.rowid')})
    AND (code = '' OR code IN (SELECT code FROM article_countries WHERE article = NEW.rowid));
END;
-- An entry removed takes its memberships first, while its name can still be read.
CREATE TRIGGER correspondents_name_count_delete BEFORE DELETE ON correspondents
BEGIN
  DELETE FROM article_correspondents WHERE correspondent = OLD.id;
END;
CREATE TRIGGER correspondents_name_count_rename AFTER UPDATE OF name_key ON correspondents
WHEN NEW.name_key IS NOT OLD.name_key
BEGIN
  DELETE FROM correspondent_country_counts WHERE name_key IN (OLD.name_key, NEW.name_key);
${RECOUNT('q.name_key IN (OLD.name_key, NEW.name_key)')}
END;
`,
}

/** Recomputes every row (a database written with its triggers set aside, see database-builder.ts). */
export function recountCorrespondentCountries(db: SqlDatabase): void {
  db.transaction(() => {
    db.exec('DELETE FROM correspondent_country_counts')
    db.exec(RECOUNT('1'))
  })
}

/**
 * The counts of the articles a correspondent filter finds, in all (`country` null) or in one
 * country, from the counters; null when the name also reaches entries of other names merged with
 * it (the counters are per name, and one article may be under both).
 */
export function correspondentCounts(
  db: SqlDatabase,
  name: string,
  country: string | null,
): StateCounts | null {
  const key = correspondentKey(name)
  const otherNames = db.get<{ n: number }>(
    `SELECT count(*) AS n FROM correspondents n JOIN correspondents m
       ON m.id = coalesce(n.merged_into, n.id) OR m.merged_into = coalesce(n.merged_into, n.id)
     WHERE n.name_key = ?1 AND m.name_key != ?1`,
    [key],
  )?.n
  if (otherNames !== 0) return null
  return (
    db.get<StateCounts>(
      `SELECT articles, unread, starred, archived FROM correspondent_country_counts WHERE name_key = ? AND code = ?`,
      [key, country?.toUpperCase() ?? ''],
    ) ?? { articles: 0, unread: 0, starred: 0, archived: 0 }
  )
}

/**
 * The counts of a page filtered by a correspondent and a country and nothing else but the state,
 * from the counters; null for any other filter.
 */
export function correspondentCountryCounts(db: SqlDatabase, filter: ArticleFilter): StateCounts | null {
  if (!filter.correspondent || !filter.country) return null
  if (filter.collection || filter.feed !== undefined || filter.site || filter.from || filter.to) return null
  return correspondentCounts(db, filter.correspondent, filter.country)
}
