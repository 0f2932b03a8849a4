import type { Services } from '@shared/contract'
import { BackgroundWork } from './api/background-work'
import { EventBus } from './api/event-bus'
import { createDispatch, type Dispatch } from './api/dispatch'
import { createInlineExtractor, createWorkerExtractor, defaultWorkerPath } from './ingest/extractor'
import type { Extractor } from './ingest/extractor-types'
import type { FetchFunction, FetchLimits } from './ingest/fetch-page'
import type { ImageLimits } from './ingest/download-images'
import { toErrorInfo } from '@shared/errors'
import type { ProgressListener } from './library/database-builder'
import { LibraryStore } from './library/library-store'
import type { WaitForLockOptions } from './library/lock'
import { SettingsStore } from './settings/settings-store'
import { ExtensionAccess } from './extension/extension-access'
import { createServices } from './services'
import { ExportDownloads } from './export/export-downloads'
import { FeedRefresher } from './feeds/feed-refresher'
import { FeedSchedule, type FeedScheduleOptions } from './feeds/feed-schedule'
import type { FeedFetchLimits } from './feeds/fetch-feed'

/** How long after the open a host loads the article reader's code (see openApp). */
const READER_WARM_UP_MS = 2000
/**
 * How long after the open a host starts the page reader's worker (see openApp): after the window
 * has shown the library and loaded the article reader, and long before most people save a link.
 */
const EXTRACTOR_WARM_UP_MS = 4000

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
  /** Wait for another writer of the library instead of failing (CLI commands). */
  waitForLock?: WaitForLockOptions
  /** Told how an upgrade of an older library goes. */
  progress?: ProgressListener
  /** The desktop app's save dialog for exports. */
  chooseExportPath?: (request: { format: string; suggestedName: string }) => Promise<string | null>
  /** Make today's backup this long after opening (the app and serve); never when left out. */
  backupAfterMs?: number
  /**
   * A long-running host (the app, serve): it holds the database lock until it closes, and other
   * processes reach the library through its local endpoint.
   */
  host?: boolean
  /** Captures an import runs at once (tests make it small). */
  importConcurrency?: number
  /** Refresh feeds on their schedule while open (defaults to `host`); false leaves it to the caller. */
  feedSchedule?: boolean | FeedScheduleOptions
  feedLimits?: FeedFetchLimits
  /** The host's own word on the network (Electron's net.isOnline). */
  isOnline?: () => boolean
}

/** Everything a host needs: the service table, its dispatcher, the event bus, and a clean shutdown. */
export interface DatelineApp {
  services: Services
  dispatch: Dispatch
  events: EventBus
  library: LibraryStore
  /** Who may call the browser extension's routes (serve/ and the app's extension endpoint). */
  extensions: ExtensionAccess
  /** Exports waiting for the browser host to send them (see export/export-downloads.ts). */
  exportDownloads: ExportDownloads
  close(): Promise<void>
}

export async function openApp(options: OpenAppOptions): Promise<DatelineApp> {
  const library = await LibraryStore.open(options.libraryDir, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.waitForLock ? { waitForLock: options.waitForLock } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.host ? { exclusive: true } : {}),
  })
  const settings = await SettingsStore.open(library.layout.settings)
  const now = options.now ?? ((): Date => new Date())
  const extensions = await ExtensionAccess.open(library.layout.extensions, now)
  const extractor =
    options.extractor ??
    (options.extraction === 'inline'
      ? createInlineExtractor()
      : createWorkerExtractor({ workerPath: options.workerPath ?? defaultWorkerPath() }))
  const events = new EventBus()
  const exportDownloads = new ExportDownloads()
  const background = new BackgroundWork(options.host ?? false)
  // Feed refreshes and the services capture pages the same way: one extractor, one clock, one set of limits.
  const capture = {
    extractor,
    events,
    fetch: options.fetch ?? fetch,
    now,
    ...(options.pageLimits ? { pageLimits: options.pageLimits } : {}),
    ...(options.imageLimits ? { imageLimits: options.imageLimits } : {}),
  }
  const feeds = new FeedRefresher({
    library,
    ...capture,
    ...(options.feedLimits ? { feedLimits: options.feedLimits } : {}),
    ...(options.isOnline ? { isOnline: options.isOnline } : {}),
  })
  const scheduleOption = options.feedSchedule ?? options.host ?? false
  const schedule = scheduleOption
    ? new FeedSchedule(feeds, now, typeof scheduleOption === 'object' ? scheduleOption : {})
    : null
  const services = createServices({
    background,
    ...(options.importConcurrency ? { importConcurrency: options.importConcurrency } : {}),
    feeds,
    ...(options.feedLimits ? { feedLimits: options.feedLimits } : {}),
    library,
    settings,
    extensions,
    ...capture,
    ...(options.chooseExportPath ? { chooseExportPath: options.chooseExportPath } : {}),
    exportDownloads,
  })
  // The daily backup (VACUUM INTO) runs once the window has had time to show the library; a
  // process that stays (the app, serve) makes it, a short CLI command never waits for it.
  const backupTimer =
    options.backupAfterMs === undefined
      ? null
      : setTimeout(() => {
          library
            .backUpIfDue()
            .catch((error: unknown) => console.error(`dateline: backup: ${toErrorInfo(error).message}`))
        }, options.backupAfterMs)
  backupTimer?.unref()
  // The first article a window shows needs the HTML sanitiser (~120 ms of CPU to load), which the
  // first page does not: a host loads it once that page has had time to show.
  const readerWarmUp = options.host
    ? setTimeout(() => void import('./ingest/sanitize').catch(() => undefined), READER_WARM_UP_MS)
    : null
  readerWarmUp?.unref()
  // A fresh extraction worker takes most of a second of CPU to load before it reads anything; a host
  // starts it while nobody is waiting, so a person's first saved link waits only for its own page.
  const extractorWarmUp = options.host
    ? setTimeout(() => void extractor.prepare?.(), EXTRACTOR_WARM_UP_MS)
    : null
  extractorWarmUp?.unref()
  schedule?.start()
  const dispatch = createDispatch(services)
  return {
    services,
    dispatch: (name, input) => background.foreground(() => dispatch(name, input)),
    events,
    library,
    extensions,
    exportDownloads,
    async close() {
      if (backupTimer) clearTimeout(backupTimer)
      if (readerWarmUp) clearTimeout(readerWarmUp)
      if (extractorWarmUp) clearTimeout(extractorWarmUp)
      await exportDownloads.close()
      await background.stopAll()
      await schedule?.stop()
      await extractor.close()
      await settings.idle()
      await extensions.idle()
      await library.close()
    },
  }
}
