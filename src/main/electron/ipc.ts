import { ipcMain, type WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE } from '@shared/ipc'
import type { DatelineApp } from '../app'

/** Two channels carry the whole API: calls (validated by the dispatcher) and pushed events. */
export function bindIpc(app: DatelineApp, windows: () => WebContents[]): () => void {
  ipcMain.handle(IPC_INVOKE, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Calls are only accepted from the app window.' },
      }
    }
    return app.dispatch(typeof name === 'string' ? name : '', input)
  })
  const unsubscribe = app.events.subscribe((event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, event, payload)
    }
  })
  return () => {
    ipcMain.removeHandler(IPC_INVOKE)
    unsubscribe()
  }
}

/** The article frame is same-origin with the app; only the top-level app page may call. */
function isTrustedSender(url: string | undefined): boolean {
  if (!url) return false
  return (
    url.startsWith('file://') ||
    (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL))
  )
}
