import type { SchemaStep } from './schema'

/**
 * Schema 14: the list of one site. `articles_by_site (site_name, added_at DESC)` lacked the id that
 * breaks ties in the list's order, so a site's page was sorted in a temporary b-tree, and counting a
 * site's unread articles read every one of its rows for its states (22–27 ms at 100k). These two
 * partial indexes hold a site's listed (not archived) and unread articles in the list's order: a
 * page walks one of them and stops at 50, and its total is counted in the index alone. A site's
 * starred or archived articles are found through those states' own (small) indexes.
 */
export const LIST_INDEXES_STEP: SchemaStep = {
  version: 14,
  describe: "a site's articles and unread ones in the list's order",
  sql: `
DROP INDEX IF EXISTS articles_by_site;
CREATE INDEX articles_site_listed ON articles (site_name, added_at DESC, id) WHERE archived = 0;
CREATE INDEX articles_site_unread ON articles (site_name, added_at DESC, id) WHERE read = 0 AND archived = 0;
`,
}
