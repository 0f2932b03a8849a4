import type { CallResult } from './errors'
import type { EventName, ProcedureName } from './contract'

/** The two Electron IPC channels that carry the whole API. */
export const IPC_INVOKE = 'dateline:invoke'
export const IPC_EVENT = 'dateline:event'

/** The custom protocol that serves stored images to the Electron window. */
export const MEDIA_PROTOCOL = 'dateline-media'
export const ELECTRON_MEDIA_BASE = `${MEDIA_PROTOCOL}://library/`

/** What the preload script exposes as `window.dateline`. */
export interface PreloadBridge {
  invoke(name: ProcedureName, input: unknown): Promise<CallResult<unknown>>
  on(listener: (event: EventName, payload: unknown) => void): () => void
}
