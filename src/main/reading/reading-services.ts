import type { ServicesFor } from '@shared/procedure'
import type { readingProcedures } from '@shared/reading'
import type { ServiceContext } from '../services'
import { markAllRead, markUnread, positionsOf, savePosition, unfinishedArticles } from './reading-positions'

/** The reading procedures of the service table (see src/shared/reading.ts). */
export function readingServices(ctx: ServiceContext): ServicesFor<typeof readingProcedures> {
  const changed = (ids: string[]): void => {
    if (ids.length > 0) ctx.events.emit('library.changed', { ids })
  }
  return {
    'reading.positions': async ({ ids }) => ({
      positions: ctx.library.query((db) => positionsOf(db, ids)),
    }),
    'reading.savePosition': async ({ id, progress }) => {
      const at = ctx.now().toISOString()
      // articleRowid refuses an id that is not in the library (NOT_FOUND).
      ctx.library.change((db) => savePosition(db, ctx.library.articleRowid(id), progress, at))
      return { id, progress, at }
    },
    'reading.unfinished': async ({ limit }) => ({
      articles: ctx.library.query((db) => unfinishedArticles(db, limit)),
    }),
    'reading.markAllRead': async (filter) => {
      const at = ctx.now().toISOString()
      const ids = ctx.library.change((db) => markAllRead(db, filter, at))
      changed(ids)
      return { ids }
    },
    'reading.markUnread': async ({ ids }) => {
      const at = ctx.now().toISOString()
      const done = ctx.library.change((db) => markUnread(db, ids, at))
      changed(done)
      return { ids: done }
    },
  }
}
