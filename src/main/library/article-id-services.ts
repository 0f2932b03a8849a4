import type { articleIdsProcedures } from '@shared/article-ids'
import type { ServicesFor } from '@shared/procedure'
import type { ServiceContext } from '../services'
import { resolveIdPrefixes } from './article-id-prefixes'

export function articleIdServices(ctx: ServiceContext): ServicesFor<typeof articleIdsProcedures> {
  return {
    'articles.resolveIds': async ({ prefixes, in: place }) => ({
      ids: ctx.library.query((db) => resolveIdPrefixes(db, prefixes, place)),
    }),
  }
}
