import type { PreloadBridge } from '@shared/ipc'

declare global {
  interface Window {
    /** Present only in Electron, where the preload script exposes it; absent in the browser host. */
    dateline?: PreloadBridge
  }
}

export {}
