import { contextBridge, ipcRenderer } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type PreloadBridge } from '../shared/ipc'
import type { EventName } from '../shared/contract'

/** The whole bridge: one call channel and one event channel. No Node, no raw ipcRenderer. */
const bridge: PreloadBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_INVOKE, name, input),
  on: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, name: EventName, payload: unknown): void =>
      listener(name, payload)
    ipcRenderer.on(IPC_EVENT, forward)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward)
    }
  },
}

contextBridge.exposeInMainWorld('dateline', bridge)
