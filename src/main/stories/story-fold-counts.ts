import type { ArticleFilter } from '@shared/contract'
import { isTextQuery } from '../library/article-query'
import type { SqlDatabase } from '../library/database'
import type { SchemaStep } from '../library/schema'

/**
 * Schema 17: the total of the list grouped by story, kept by triggers like `sidebar_counts`.
 * Folded, the list shows a story as one row, so its total is the list's own total less the
 * articles folding hides: in a story with n articles a filter lets through, n − 1 of them. Counting
 * that on every page was one lookup per listed article (77 ms at 10k, about 0.8 s at 100k);
 * these counters make it two reads of one row each. Exact, never an estimate.
 *
 * - story_state_counts: for each story, how many of its articles are in each state, in all (code
 *   '') and per country. A row goes when its story has no article left there.
 * - story_fold_counts: per code, the sum over stories of max(n − 1, 0) for each state: the articles
 *   folding hides, kept by the triggers on story_state_counts.
 *
 * The states are the sidebar's: `articles` (not archived, the "all" list), unread (not archived),
 * starred, archived. Other filters (a collection, feed, correspondent, site, dates) are counted.
 */

const STATES = ['articles', 'unread', 'starred', 'archived'] as const

/** What the article `a` adds to a row of counts, in the order of STATES. */
const CONTRIBUTIONS = [
  '(a.archived = 0)',
  '(a.read = 0 AND a.archived = 0)',
  '(a.starred = 1)',
  '(a.archived = 1)',
]
const CONTRIBUTION = CONTRIBUTIONS.join(', ')
const SUMS = CONTRIBUTIONS.map((c) => `sum(${c})`).join(', ')
const COLUMNS = `story, code, ${STATES.join(', ')}`
const ADD = `ON CONFLICT (story, code) DO UPDATE SET ${STATES.map((s) => `${s} = ${s} + excluded.${s}`).join(', ')}`

/** Adds the article `article` to story `story`'s rows: in all and in each of its countries. */
const ADD_TO_STORY = (article: string, story: string): string => `
  INSERT INTO story_state_counts (${COLUMNS})
  SELECT ${story}, c.code, ${CONTRIBUTION} FROM articles a
  JOIN (SELECT '' AS code UNION ALL SELECT code FROM article_countries WHERE article = ${article}) c
  WHERE a.rowid = ${article}
  ${ADD};`

/** Subtracts the article `article` from the rows of story `story` chosen by `codes`, while it exists. */
const SUBTRACT = (article: string, story: string, codes: string): string => `
  UPDATE story_state_counts SET
    articles = articles - (SELECT a.archived = 0 FROM articles a WHERE a.rowid = ${article}),
    unread = unread - (SELECT a.read = 0 AND a.archived = 0 FROM articles a WHERE a.rowid = ${article}),
    starred = starred - (SELECT a.starred = 1 FROM articles a WHERE a.rowid = ${article}),
    archived = archived - (SELECT a.archived = 1 FROM articles a WHERE a.rowid = ${article})
  WHERE story = ${story} AND ${codes} AND EXISTS (SELECT 1 FROM articles a WHERE a.rowid = ${article});
  DELETE FROM story_state_counts
  WHERE story = ${story} AND articles = 0 AND unread = 0 AND starred = 0 AND archived = 0;`

const ALL_CODES_OF = (article: string): string =>
  `(code = '' OR code IN (SELECT code FROM article_countries WHERE article = ${article}))`

/** How many articles of a row folding hides, for each state: all but the first. */
const HIDDEN = (row: string): string[] => STATES.map((s) => `max(${row}.${s} - 1, 0)`)

const FOLD_TRIGGERS = `
CREATE TRIGGER story_state_counts_fold_insert AFTER INSERT ON story_state_counts
BEGIN
  INSERT INTO story_fold_counts (code, ${STATES.join(', ')}) VALUES (NEW.code, ${HIDDEN('NEW').join(', ')})
  ON CONFLICT (code) DO UPDATE SET ${STATES.map((s) => `${s} = ${s} + excluded.${s}`).join(', ')};
END;
CREATE TRIGGER story_state_counts_fold_update AFTER UPDATE ON story_state_counts
BEGIN
  UPDATE story_fold_counts SET ${STATES.map((s) => `${s} = ${s} + max(NEW.${s} - 1, 0) - max(OLD.${s} - 1, 0)`).join(', ')}
  WHERE code = NEW.code;
END;
CREATE TRIGGER story_state_counts_fold_delete AFTER DELETE ON story_state_counts
BEGIN
  UPDATE story_fold_counts SET ${STATES.map((s) => `${s} = ${s} - max(OLD.${s} - 1, 0)`).join(', ')}
  WHERE code = OLD.code;
END;`

/**
 * An article leaving the library leaves its story first, while its states can still be read: the
 * foreign key's cascade would remove the membership after the row is gone. Its countries may go
 * before or after (articles_count_delete): each (story, code) row is subtracted once either way.
 * A membership changes story by a delete and an insert (putInStory), as schema 9's own counts need.
 */
const MEMBERSHIP_TRIGGERS = `
CREATE TRIGGER articles_story_fold_delete BEFORE DELETE ON articles
BEGIN
  DELETE FROM story_articles WHERE article = OLD.rowid;
END;
CREATE TRIGGER story_articles_fold_insert AFTER INSERT ON story_articles
BEGIN${ADD_TO_STORY('NEW.article', 'NEW.story')}
END;
CREATE TRIGGER story_articles_fold_delete AFTER DELETE ON story_articles
BEGIN${SUBTRACT('OLD.article', 'OLD.story', ALL_CODES_OF('OLD.article'))}
END;
CREATE TRIGGER article_countries_fold_insert AFTER INSERT ON article_countries
BEGIN
  INSERT INTO story_state_counts (${COLUMNS})
  SELECT s.story, NEW.code, ${CONTRIBUTION} FROM story_articles s JOIN articles a ON a.rowid = s.article
  WHERE s.article = NEW.article
  ${ADD};
END;
CREATE TRIGGER article_countries_fold_delete AFTER DELETE ON article_countries
WHEN EXISTS (SELECT 1 FROM story_articles WHERE article = OLD.article)
BEGIN${SUBTRACT('OLD.article', '(SELECT story FROM story_articles WHERE article = OLD.article)', 'code = OLD.code')}
END;
CREATE TRIGGER articles_story_fold_state AFTER UPDATE OF read, starred, archived ON articles
WHEN (NEW.read IS NOT OLD.read OR NEW.starred IS NOT OLD.starred OR NEW.archived IS NOT OLD.archived)
  AND EXISTS (SELECT 1 FROM story_articles WHERE article = NEW.rowid)
BEGIN
  UPDATE story_state_counts SET
    articles = articles + ((NEW.archived = 0) - (OLD.archived = 0)),
    unread = unread + ((NEW.read = 0 AND NEW.archived = 0) - (OLD.read = 0 AND OLD.archived = 0)),
    starred = starred + ((NEW.starred = 1) - (OLD.starred = 1)),
    archived = archived + ((NEW.archived = 1) - (OLD.archived = 1))
  WHERE story = (SELECT story FROM story_articles WHERE article = NEW.rowid) AND ${ALL_CODES_OF('NEW.rowid')};
END;`

/** Every story's rows, from the memberships (story_fold_counts follows by its triggers, or by FOLD_FROM_STORIES). */
const STORY_ROWS_FROM_MEMBERSHIPS = `
INSERT INTO story_state_counts (${COLUMNS})
SELECT s.story, '', ${SUMS}
FROM story_articles s JOIN articles a ON a.rowid = s.article GROUP BY s.story;
INSERT INTO story_state_counts (${COLUMNS})
SELECT s.story, c.code, ${SUMS}
FROM story_articles s JOIN article_countries c ON c.article = s.article JOIN articles a ON a.rowid = s.article
GROUP BY s.story, c.code;`

const FOLD_FROM_STORIES = `
INSERT INTO story_fold_counts (code, ${STATES.join(', ')})
SELECT code, ${STATES.map((s) => `sum(max(${s} - 1, 0))`).join(', ')} FROM story_state_counts GROUP BY code;`

export const STORY_FOLD_COUNTS_STEP: SchemaStep = {
  version: 17,
  describe: "each story's articles by state, in all and per country, for the folded list's total",
  sql: `
CREATE TABLE story_state_counts (
  story INTEGER NOT NULL,
  -- A country's code, or '' for all of the story's articles.
  code TEXT NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  unread INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (story, code)
) WITHOUT ROWID;
CREATE TABLE story_fold_counts (
  code TEXT PRIMARY KEY,
  articles INTEGER NOT NULL DEFAULT 0,
  unread INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
${STORY_ROWS_FROM_MEMBERSHIPS}
${FOLD_FROM_STORIES}
${FOLD_TRIGGERS}
${MEMBERSHIP_TRIGGERS}
`,
}

/** Recomputes both tables from the memberships (a database written with triggers set aside; tests). */
export function recountStoryFolds(db: SqlDatabase): void {
  db.transaction(() => {
    // Emptied in this order so the fold triggers find nothing to update; the inserts then rebuild it.
    db.exec('DELETE FROM story_fold_counts')
    db.exec('DELETE FROM story_state_counts')
    db.exec('DELETE FROM story_fold_counts')
    db.exec(STORY_ROWS_FROM_MEMBERSHIPS)
  })
}

/**
 * The total of the folded list from the counters, when only the state and at most one country
 * narrow it (the list's filters most used); null for anything else, which is counted.
 */
export function foldedTotalFromCounts(db: SqlDatabase, filter: ArticleFilter): number | null {
  if (isTextQuery(filter) || filter.correspondent || filter.collection || filter.feed !== undefined)
    return null
  if (filter.site || filter.from || filter.to) return null
  const state = stateColumn(filter.state)
  const code = filter.country?.toUpperCase() ?? ''
  const listed = db.get<{ n: number }>(
    `SELECT ${state} AS n FROM sidebar_counts WHERE kind = ? AND key = ?`,
    code === '' ? ['library', ''] : ['country', code],
  )?.n
  const hidden = db.get<{ n: number }>(`SELECT ${state} AS n FROM story_fold_counts WHERE code = ?`, [
    code,
  ])?.n
  return Number(listed ?? 0) - Number(hidden ?? 0)
}

function stateColumn(state: ArticleFilter['state']): (typeof STATES)[number] {
  if (state === 'unread') return 'unread'
  if (state === 'starred') return 'starred'
  if (state === 'archived') return 'archived'
  return 'articles'
}
