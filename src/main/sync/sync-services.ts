import type { ServicesFor } from '@shared/procedure'
import type { syncProcedures } from '@shared/sync'
import type { ServiceContext } from '../services'
import { SyncEngine } from './sync-engine'

/** One engine per open library, whichever host asks for it (services are made once per app). */
const engines = new WeakMap<object, SyncEngine>()

export function syncEngineOf(
  ctx: Pick<ServiceContext, 'library' | 'events' | 'now' | 'background'>,
): SyncEngine {
  let engine = engines.get(ctx.library)
  if (!engine) {
    engine = new SyncEngine({ library: ctx.library, events: ctx.events, now: ctx.now })
    engines.set(ctx.library, engine)
  }
  return engine
}

/** These events say the library changed here; sync records the change shortly after. */
const LOCAL_CHANGES = new Set([
  'library.changed',
  'collections.changed',
  'correspondents.changed',
  'highlights.changed',
])

/**
 * The sync procedures (src/shared/sync.ts). Making them also starts the engine's part in the host:
 * it hears the library's change events to record them, and in the app and serve it watches the folder.
 * A change that raises no event (a feed subscribed) is found at the next scan or when the library closes.
 */
export function syncServices(ctx: ServiceContext): ServicesFor<typeof syncProcedures> {
  const engine = syncEngineOf(ctx)
  ctx.events.subscribe((event, payload) => {
    if (!LOCAL_CHANGES.has(event)) return
    // The articles a change names are all a look must compare with the registers (look-scope.ts).
    const ids = event === 'library.changed' ? (payload as { ids: string[] }).ids : []
    engine.noteLocalChange(event === 'library.changed' && ids.length === 0 ? 'all' : ids)
  })
  ctx.feeds.claimFeeds = (urls) => engine.claimFeeds(urls)
  ctx.background?.onStop(() => engine.stop())
  if (ctx.background?.resumeAtOpen) engine.start()

  return {
    'sync.status': async () => engine.status(),
    'sync.enable': async ({ folder, deviceName }) => {
      const report = await engine.enable(folder, deviceName)
      if (ctx.background?.resumeAtOpen) engine.start()
      return report
    },
    'sync.disable': async () => engine.disable(),
    'sync.now': async () => engine.syncNow(),
    'sync.rename': async ({ deviceName }) => engine.rename(deviceName),
  }
}
