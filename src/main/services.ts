import { randomUUID } from 'node:crypto'
import type { Services } from '@shared/contract'
import type { EventBus } from './api/event-bus'
import { captureArticle, type CaptureSource } from './ingest/capture'
import type { Extractor } from './ingest/extractor-types'
import type { FetchFunction, FetchLimits } from './ingest/fetch-page'
import type { ImageLimits } from './ingest/download-images'
import type { LibraryStore } from './library/library-store'
import type { SettingsStore } from './settings/settings-store'

export interface ServiceContext {
  library: LibraryStore
  settings: SettingsStore
  extractor: Extractor
  events: EventBus
  fetch: FetchFunction
  now: () => Date
  pageLimits?: FetchLimits
  imageLimits?: ImageLimits
}

/** The service table: one implementation per contract procedure, input already validated. */
export function createServices(ctx: ServiceContext): Services {
  const changed = (ids: string[]): void => ctx.events.emit('library.changed', { ids })

  return {
    'articles.add': async (input) => {
      await ctx.library.ready()
      const captureId = input.captureId ?? randomUUID()
      const { captureId: _ignored, ...source } = input
      const result = await captureArticle(source as CaptureSource, {
        library: ctx.library,
        extractor: ctx.extractor,
        fetch: ctx.fetch,
        now: ctx.now,
        progress: (event) => ctx.events.emit('capture.progress', { captureId, ...event }),
        ...(ctx.pageLimits ? { pageLimits: ctx.pageLimits } : {}),
        ...(ctx.imageLimits ? { imageLimits: ctx.imageLimits } : {}),
      })
      changed([result.article.id])
      return result
    },
    'articles.list': async ({ filter, offset, limit }) => ({
      offset,
      ...(await ctx.library.page(filter, offset, limit)),
    }),
    'articles.get': async ({ id }) => ctx.library.article(id),
    'articles.delete': async ({ id }) => {
      await ctx.library.ready()
      const deleted = await ctx.library.deleteArticle(id, ctx.now())
      changed([id])
      return deleted
    },
    'articles.restore': async ({ id }) => {
      await ctx.library.ready()
      const restored = await ctx.library.restoreArticle(id)
      changed([id])
      return restored
    },
    'articles.setState': async ({ id, read, starred }) => {
      await ctx.library.ready()
      const updated = await ctx.library.updateArticle(id, (article) => ({
        ...article,
        read: read ?? article.read,
        starred: starred ?? article.starred,
      }))
      changed([id])
      return updated
    },
    'settings.get': async () => ctx.settings.get(),
    'settings.set': async (patch) => ctx.settings.update(patch),
    'library.info': async () => {
      await ctx.library.ready()
      return {
        path: ctx.library.path,
        schemaVersion: ctx.library.schemaVersion,
        articleCount: ctx.library.count('all'),
        unreadCount: ctx.library.count('unread'),
        starredCount: ctx.library.count('starred'),
      }
    },
  }
}
