import type { Services } from '@shared/contract'
import { EventBus } from './api/event-bus'
import { createDispatch, type Dispatch } from './api/dispatch'
import { createInlineExtractor, createWorkerExtractor, defaultWorkerPath } from './ingest/extractor'
import type { Extractor } from './ingest/extractor-types'
import type { FetchFunction, FetchLimits } from './ingest/fetch-page'
import type { ImageLimits } from './ingest/download-images'
import { LibraryStore } from './library/library-store'
import { SettingsStore } from './settings/settings-store'
import { createServices } from './services'

export interface OpenAppOptions {
  libraryDir: string
  /** 'worker' (default) runs extraction off the main thread; 'inline' is for tests of pure logic. */
  extraction?: 'worker' | 'inline'
  workerPath?: string
  extractor?: Extractor
  fetch?: FetchFunction
  now?: () => Date
  pageLimits?: FetchLimits
  imageLimits?: ImageLimits
}

/** Everything a host needs: the service table, its dispatcher, the event bus, and a clean shutdown. */
export interface DatelineApp {
  services: Services
  dispatch: Dispatch
  events: EventBus
  library: LibraryStore
  close(): Promise<void>
}

export async function openApp(options: OpenAppOptions): Promise<DatelineApp> {
  const library = await LibraryStore.open(options.libraryDir, { background: true })
  const settings = await SettingsStore.open(library.layout.settings)
  const extractor =
    options.extractor ??
    (options.extraction === 'inline'
      ? createInlineExtractor()
      : createWorkerExtractor({ workerPath: options.workerPath ?? defaultWorkerPath() }))
  const events = new EventBus()
  const services = createServices({
    library,
    settings,
    extractor,
    events,
    fetch: options.fetch ?? fetch,
    now: options.now ?? (() => new Date()),
    ...(options.pageLimits ? { pageLimits: options.pageLimits } : {}),
    ...(options.imageLimits ? { imageLimits: options.imageLimits } : {}),
  })
  // After a crash between a shard write and the head write, the first page shown was a little
  // old; once the full library is in, tell the windows to refresh.
  void library.ready().then(
    () => library.headWasStale && events.emit('library.changed', { ids: [] }),
    () => undefined,
  )
  return {
    services,
    dispatch: createDispatch(services),
    events,
    library,
    async close() {
      await extractor.close()
      await settings.idle()
      await library.close()
    },
  }
}
