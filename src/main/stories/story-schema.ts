import type { SchemaStep } from '../library/schema'

/**
 * Schema 9: stories, the articles of one event across outlets and languages (docs/stories.md).
 * - stories: first_at/last_at in milliseconds (the publication times of its articles), kept with
 *   article_count by the triggers below, so the Stories view reads the newest ones off an index.
 * - story_articles: one row per grouped article. `at` is the time the grouping used, `day` its
 *   UTC day (the grouping loads the days around a new article by it). `origin` is 'person' when
 *   the person moved the article, split or merged its story: grouping never moves those again.
 *   An article without a row is waiting to be grouped (a library from before this step, or one
 *   restored from the trash): the app groups those in the background.
 */
export const STORIES_SCHEMA_STEP: SchemaStep = {
  version: 9,
  describe: 'stories: articles of one event grouped across outlets and languages',
  sql: `
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  article_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_latest ON stories (last_at DESC, id);
CREATE TABLE story_articles (
  article INTEGER PRIMARY KEY REFERENCES articles (rowid) ON DELETE CASCADE,
  story INTEGER NOT NULL REFERENCES stories (id),
  at INTEGER NOT NULL,
  day INTEGER NOT NULL,
  origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'person')),
  score REAL NOT NULL DEFAULT 0
);
CREATE INDEX story_articles_by_story ON story_articles (story, at);
CREATE INDEX story_articles_by_day ON story_articles (day);
CREATE TRIGGER story_articles_added AFTER INSERT ON story_articles
BEGIN
  UPDATE stories SET article_count = article_count + 1,
    first_at = min(first_at, NEW.at), last_at = max(last_at, NEW.at)
  WHERE id = NEW.story;
END;
CREATE TRIGGER story_articles_removed AFTER DELETE ON story_articles
BEGIN
  UPDATE stories SET article_count = article_count - 1,
    first_at = coalesce((SELECT min(at) FROM story_articles WHERE story = OLD.story), first_at),
    last_at = coalesce((SELECT max(at) FROM story_articles WHERE story = OLD.story), last_at)
  WHERE id = OLD.story;
  DELETE FROM stories WHERE id = OLD.story AND article_count <= 0;
END;
`,
}
