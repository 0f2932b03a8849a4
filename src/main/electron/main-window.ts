import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BrowserWindow, shell } from 'electron'
import { loadWindowState, rememberWindowState } from './window-state'

export async function createMainWindow(userDataDir: string): Promise<BrowserWindow> {
  const state = await loadWindowState(userDataDir)
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Dateline',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      // Reviewed: the preload only exposes the typed invoke/subscribe pair through contextBridge.
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window of ours instead of the browser.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  rememberWindowState(window, userDataDir)
  lockNavigation(window)
  window.once('ready-to-show', () => window.show())

  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) await window.loadURL(devServer)
  else await window.loadFile(join(fileURLToPath(new URL('../renderer', import.meta.url)), 'index.html'))
  return window
}

/**
 * The window only ever shows the app. Links (from the article frame or anywhere) open in the
 * person's browser; anything else that tries to navigate or open a window is refused.
 */
function lockNavigation(window: BrowserWindow): void {
  const { webContents } = window
  webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  webContents.on('will-navigate', (event, url) => {
    if (url !== webContents.getURL()) {
      event.preventDefault()
      openExternally(url)
    }
  })
  // The article frame is scriptless, but a link clicked before its click handler is attached would
  // still navigate it; no frame of the window may leave the app.
  webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault()
      openExternally(event.url)
    }
  })
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
}

function openExternally(raw: string): void {
  try {
    const url = new URL(raw)
    if (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') {
      // Reviewed: only http(s) and mailto reach the system, as a parsed URL.
      void shell.openExternal(url.href) // eng-disable OPEN_EXTERNAL_JS_CHECK
    }
  } catch {
    // Not a URL: nothing to open.
  }
}
