import { randomUUID } from 'node:crypto'
import type { Services } from '@shared/contract'
import type { BackgroundWork } from './api/background-work'
import type { EventBus } from './api/event-bus'
import type { CaptureSource } from './ingest/capture'
import type { Extractor } from './ingest/extractor-types'
import type { FetchFunction, FetchLimits } from './ingest/fetch-page'
import type { ImageLimits } from './ingest/download-images'
import type { LibraryStore } from './library/library-store'
import type { SettingsStore } from './settings/settings-store'
import { collectionServices } from './collections/collection-services'
import { correspondentServices } from './correspondents/correspondent-services'
import { countryServices } from './countries/country-services'
import type { ExportDownloads } from './export/export-downloads'
import { feedServices } from './feeds/feed-services'
import { syncServices } from './sync/sync-services'
import { syncthingServices } from './sync/syncthing-services'
import type { ExtensionAccess } from './extension/extension-access'
import { storyServices } from './stories/story-services'
import { trashServices } from './trash/trash-services'
import { readingServices } from './reading/reading-services'
import { articleIdServices } from './library/article-id-services'
import { highlightServices } from './highlights/highlight-services'
import type { FeedRefresher } from './feeds/feed-refresher'
import type { FeedFetchLimits } from './feeds/fetch-feed'
import { exportProcedures } from '@shared/export'
import { importsProcedures } from '@shared/imports'
import { extensionProcedures } from '@shared/extension'
import { lazyServices, loadOnce } from './api/lazy-services'
import { hasWaitingImports } from './imports/waiting-imports'
import { suggestFilters } from './search/filter-suggestions'
import { searchPage } from './search/search-page'

export interface ServiceContext {
  library: LibraryStore
  settings: SettingsStore
  extractor: Extractor
  events: EventBus
  fetch: FetchFunction
  now: () => Date
  pageLimits?: FetchLimits
  imageLimits?: ImageLimits
  /** The desktop app's save dialog for exports (the browser host downloads instead). */
  chooseExportPath?: (request: { format: string; suggestedName: string }) => Promise<string | null>
  /** Finished exports waiting for the browser host to send them. */
  exportDownloads?: ExportDownloads
  /** Work between calls (the import queue): resumed by the app and serve, stopped before close. */
  background?: BackgroundWork
  /** Captures an import runs at once (default IMPORT_CONCURRENCY). */
  importConcurrency?: number
  /** Refreshes feeds (the scheduled rounds and feeds.refresh share it, so rounds never overlap). */
  feeds: FeedRefresher
  feedLimits?: FeedFetchLimits
  /** Pairing codes and paired browser extensions (the extension's own routes check them too). */
  extensions: ExtensionAccess
}

/** The service table: one implementation per contract procedure, input already validated. */
export function createServices(ctx: ServiceContext): Services {
  const changed = (ids: string[]): void => ctx.events.emit('library.changed', { ids })
  // Reading pages, exports and archives is loaded on first use (api/lazy-services.ts): none of it
  // is needed to show the first page. An import left unfinished is resumed as before, once the
  // library says one waits.
  const loadImports = loadOnce(() => import('./imports/import-services').then((m) => m.importServices(ctx)))
  if (ctx.background?.resumeAtOpen && hasWaitingImports(ctx.library))
    setImmediate(() => void loadImports().catch(() => undefined))

  return {
    ...countryServices(ctx),
    ...correspondentServices(ctx),
    ...feedServices(ctx),
    ...collectionServices(ctx),
    ...lazyServices(exportProcedures, () =>
      import('./export/export-services').then((m) => m.exportServices(ctx)),
    ),
    ...lazyServices(importsProcedures, loadImports),
    ...syncServices(ctx),
    ...syncthingServices(ctx),
    ...lazyServices(extensionProcedures, () =>
      import('./extension/extension-services').then((m) => m.extensionServices(ctx)),
    ),
    ...storyServices(ctx),
    ...trashServices(ctx),
    ...readingServices(ctx),
    ...articleIdServices(ctx),
    ...highlightServices(ctx),
    'articles.add': async (input) => {
      const captureId = input.captureId ?? randomUUID()
      const { captureId: _ignored, ...source } = input
      const { captureArticle } = await import('./ingest/capture')
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
    'articles.list': async ({ offset, limit, sort, by, foldStories, ...filter }) => ({
      offset,
      ...ctx.library.listWithCounts({ filter, sort, by, offset, limit, foldStories }),
    }),
    'articles.search': async (input) => searchPage(ctx.library, input),
    'articles.suggestFilters': async ({ query, limit }) =>
      ctx.library.query((db) => suggestFilters(db, query, limit)),
    'articles.get': async ({ id }) => ctx.library.readArticle(id),
    'articles.delete': async ({ id }) => {
      const deleted = await ctx.library.deleteArticle(id)
      ctx.events.emit('library.changed', { ids: [id], deleted: [id] })
      return deleted
    },
    'articles.restore': async ({ id }) => {
      const restored = await ctx.library.restoreArticle(id)
      changed([id])
      return restored
    },
    'articles.setState': async ({ id, ...change }) => {
      const [updated] = ctx.library.setStates([id], change)
      changed([id])
      return updated!
    },
    'articles.setStates': async ({ ids, ...change }) => {
      const unique = [...new Set(ids)]
      const articles = ctx.library.setStates(unique, change)
      changed(unique)
      return { articles, counts: ctx.library.sidebarCounts() }
    },
    'settings.get': async () => ctx.settings.get(),
    'settings.set': async (patch) => ctx.settings.update(patch),
    'library.info': async () => {
      const counts = ctx.library.counts()
      return {
        path: ctx.library.path,
        schemaVersion: ctx.library.schemaVersion,
        articleCount: counts.articles,
        unreadCount: counts.unread,
        starredCount: counts.starred,
        archivedCount: counts.archived,
      }
    },
  }
}
