import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, net, webContents } from 'electron'
import { toErrorInfo } from '@shared/errors'
import { openApp, type DatelineApp } from './app'
import { installAppMenu } from './electron/app-menu'
import { bindIpc } from './electron/ipc'
import { createMainWindow } from './electron/main-window'
import { showFeedNotices } from './electron/feed-notifications'
import { registerMediaScheme, serveMedia } from './electron/media-protocol'
import { resolveLibraryDir } from './library/location'
import { startLocalEndpoint, type LocalEndpoint } from './serve/local-endpoint'

/** The Electron shell: the only code that imports electron. Everything else is the plain-Node app. */

registerMediaScheme()

// A second launch (e.g. from the dock) focuses the running window instead of opening the library twice.
const isFirstInstance = app.requestSingleInstanceLock()
if (!isFirstInstance) app.quit()

let dateline: DatelineApp | null = null
let mainWindow: BrowserWindow | null = null
let endpoint: LocalEndpoint | null = null

function libraryFlag(argv: string[]): string | undefined {
  const at = argv.indexOf('--library')
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith('--library='))?.slice('--library='.length)
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  const libraryDir = resolveLibraryDir(libraryFlag(process.argv), process.env, userData)
  try {
    dateline = await openApp({
      libraryDir,
      workerPath: fileURLToPath(new URL('./extract-worker.js', import.meta.url)),
      backupAfterMs: 60_000,
      host: true,
      // Feeds are not fetched while the system says there is no network (and resume when it returns).
      isOnline: () => net.isOnline(),
      progress: ({ done, total }) => console.log(`Upgrading the library: ${done} of ${total} articles`),
    })
  } catch (error) {
    dialog.showErrorBox('Dateline cannot open its library', toErrorInfo(error).message)
    app.exit(1)
    return
  }
  // `dateline add` in a terminal reaches this window instead of being refused (one writer per library).
  endpoint = await startLocalEndpoint(dateline, dateline.library.layout).catch(() => null)
  serveMedia(dateline.library.media)
  bindIpc(dateline, () => webContents.getAllWebContents())
  const running = dateline
  installAppMenu((command) => running.events.emit('app.command', { command }), libraryDir)
  showFeedNotices(running.events, () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  mainWindow = await createMainWindow(userData)
}

app.on('second-instance', () => {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
})

app.on('activate', () => {
  if (dateline && BrowserWindow.getAllWindows().length === 0) {
    void createMainWindow(app.getPath('userData')).then((window) => (mainWindow = window))
  }
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let closing = false
app.on('before-quit', (event) => {
  if (closing || !dateline) return
  // Let acknowledged writes finish and release the library lock before the process ends.
  event.preventDefault()
  closing = true
  const running = dateline
  void (endpoint?.close() ?? Promise.resolve()).then(() => running.close()).finally(() => app.quit())
})

app.whenReady().then(
  () => (isFirstInstance ? start() : undefined),
  (error: unknown) => {
    dialog.showErrorBox('Dateline could not start', toErrorInfo(error).message)
    app.exit(1)
  },
)
