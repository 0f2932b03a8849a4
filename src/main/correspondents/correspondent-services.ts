import type { ServicesFor } from '@shared/procedure'
import type { correspondentsProcedures } from '@shared/correspondents'
import { DatelineError } from '@shared/errors'
import { reindexArticles } from '../search/reindex-articles'
import type { ServiceContext } from '../services'
import { groupEditsSaved, saveGroupEdits } from './group-edits-file'
import { writeCorrespondentsEdit } from './person-edit-file'
import { dismissSameName, sameNamePairs } from './same-name'
import {
  articlesOfGroups,
  authorPageOf,
  correspondentPage,
  followingArticles,
  getCorrespondent,
  listCorrespondents,
  mergeCorrespondents,
  setArticleCorrespondents,
  setFeed,
  setFollowed,
  splitCorrespondent,
} from './correspondent-store'

/** The correspondents procedures of the service table (see src/shared/correspondents.ts). */
export function correspondentServices(ctx: ServiceContext): ServicesFor<typeof correspondentsProcedures> {
  const changed = (ids: number[]): void => ctx.events.emit('correspondents.changed', { ids })
  // The person's merges and follows are kept in the library folder too, so a rebuild keeps them
  // (group-edits-file.ts). A procedure returns once they are; a change made elsewhere (sync, an
  // archive's import) is saved when it is announced.
  const saveEdits = (): Promise<void> => saveGroupEdits(ctx.library)
  ctx.events.subscribe((event, payload) => {
    const bulk = event === 'library.changed' && (payload as { ids: string[] }).ids.length === 0
    if (event === 'correspondents.changed' || bulk) saveEdits().catch(() => undefined)
  })
  // Saves are one at a time already (saveGroupEdits); the library waits for the one an event
  // started before it closes: a save still writing its temp file then would be cut off.
  ctx.background?.onStop(() => groupEditsSaved(ctx.library))

  /**
   * Looks for the followed correspondent's own feed on their author page. The feeds issue's refresh
   * subscribes to `followed = 1 AND feed_url IS NOT NULL`; a page that cannot be read costs only the feed.
   */
  const lookForFeed = async (id: number): Promise<void> => {
    const summary = getCorrespondent(ctx.library, id)
    if (summary.feedUrl !== null || !ctx.settings.get().followCorrespondents) return
    const authorUrl = authorPageOf(ctx.library, id)
    if (authorUrl === null) return
    // The page reader (linkedom) is loaded when a feed is first looked for, not with the library.
    const { findAuthorFeed } = await import('./author-feed')
    const feed = await findAuthorFeed(authorUrl, ctx.fetch).catch(() => null)
    if (feed !== null) setFeed(ctx.library, id, feed)
  }

  return {
    'correspondents.list': async (input) => listCorrespondents(ctx.library, input),
    'correspondents.get': async ({ id, offset, limit }) => correspondentPage(ctx.library, id, offset, limit),
    'correspondents.follow': async ({ id }) => {
      const root = setFollowed(ctx.library, id, true, ctx.now())
      await lookForFeed(root)
      await saveEdits()
      changed([root])
      return getCorrespondent(ctx.library, root)
    },
    'correspondents.unfollow': async ({ id }) => {
      const root = setFollowed(ctx.library, id, false, ctx.now())
      await saveEdits()
      changed([root])
      return getCorrespondent(ctx.library, root)
    },
    'correspondents.sameName': async ({ id }) => sameNamePairs(ctx.library, id),
    'correspondents.dismissSameName': async ({ a, b }) => {
      dismissSameName(ctx.library, a, b)
      await saveEdits()
      return { dismissed: true }
    },
    'correspondents.merge': async ({ into, from }) => {
      const root = mergeCorrespondents(ctx.library, into, from)
      await saveEdits()
      // Every article of the group is now found by every name of it (library/article-rows.ts).
      await reindexArticles(
        ctx.library,
        ctx.library.query((db) => articlesOfGroups(db, [root])),
      )
      changed([root, ...from])
      ctx.events.emit('library.changed', { ids: [] })
      return getCorrespondent(ctx.library, root)
    },
    'correspondents.split': async ({ id }) => {
      const before = getCorrespondent(ctx.library, id)
      const articles = ctx.library.query((db) => articlesOfGroups(db, [id]))
      splitCorrespondent(ctx.library, id)
      await saveEdits()
      await reindexArticles(ctx.library, articles)
      changed([id, ...before.merged])
      ctx.events.emit('library.changed', { ids: [] })
      return getCorrespondent(ctx.library, id)
    },
    'correspondents.setForArticle': async ({ id, correspondents }) => {
      const current = ctx.library.get(id)
      if (!current) throw new DatelineError('NOT_FOUND', 'That article is no longer in the library.')
      const [text] = await ctx.library.readArticleTexts([current])
      // The file first: an edit the database acknowledged is then always in the folder for a rebuild.
      await writeCorrespondentsEdit(ctx.library.layout, id, correspondents, ctx.now())
      const article = setArticleCorrespondents(ctx.library, id, correspondents, {
        text: text ?? '',
        updatedAt: current.updatedAt,
      })
      ctx.events.emit('library.changed', { ids: [id] })
      return article
    },
    'correspondents.following': async ({ offset, limit }) => followingArticles(ctx.library, offset, limit),
  }
}
