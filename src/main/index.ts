import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, net, webContents } from 'electron'
import { toErrorInfo } from '@shared/errors'
import { openApp, type DatelineApp } from './app'
import { installAppMenu } from './electron/app-menu'
import { printArticle, saveArticleAsPdf } from './electron/print-article'
import { chooseExportPath } from './electron/export-dialog'
import { argumentsAfterApp, commandLineOf } from './electron/cli-mode'
import { cliInstallPlan, installCli } from './electron/install-cli'
import { filesToOpen } from './electron/opened-files'
import { addressOffered, linksIn, registerLinkHandler } from './electron/dateline-links'
import { createUpdateChecker } from './electron/updates'
import { sourceFromArgument } from './cli/source-argument'
import { bindIpc } from './electron/ipc'
import { createMainWindow } from './electron/main-window'
import { offerLibraryRecovery } from './electron/damaged-library-dialog'
import { TrayKeeper, trayIconPath } from './electron/tray'
import { showFeedNotices } from './electron/feed-notifications'
import { registerMediaScheme, serveMedia } from './electron/media-protocol'
import { resolveLibraryDir } from './library/location'
import { startLocalEndpoint, type LocalEndpoint } from './serve/local-endpoint'
import { startExtensionEndpoint, type ExtensionEndpoint } from './extension/extension-endpoint'

/** The Electron shell: the only code that imports electron. Everything else is the plain-Node app. */

const commandLine = commandLineOf(argumentsAfterApp(process.argv, process.defaultApp === true), process.cwd())
const desktop = commandLine === null

if (commandLine) runCommandLineAndQuit(commandLine)
else registerMediaScheme()

// A second launch (e.g. from the dock) focuses the running window instead of opening the library
// twice. A command line (`dateline list`) is its own process and holds no such lock.
const isFirstInstance = desktop && app.requestSingleInstanceLock()
if (desktop && !isFirstInstance) app.quit()

/** `dateline <command>` through the installed app: the CLI, no window, then the CLI's exit code. */
function runCommandLineAndQuit(args: string[]): void {
  app.dock?.hide()
  void import('./cli/main')
    .then(({ runCommandLine }) => runCommandLine(args))
    .catch((error: unknown) => {
      console.error(`dateline: ${toErrorInfo(error).message}`)
      process.exitCode = 1
    })
    .finally(() => app.exit(Number(process.exitCode ?? 0)))
}

let dateline: DatelineApp | null = null
let mainWindow: BrowserWindow | null = null
let endpoint: LocalEndpoint | null = null
let extensionEndpoint: ExtensionEndpoint | null = null

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
      chooseExportPath,
      // Feeds are not fetched while the system says there is no network (and resume when it returns).
      isOnline: () => net.isOnline(),
      progress: ({ done, total }) => console.log(`Upgrading the library: ${done} of ${total} articles`),
    })
  } catch (error) {
    const failure = toErrorInfo(error)
    // A damaged database is offered its backup or a rebuild, then opened again.
    if (failure.code === 'LIBRARY_DAMAGED' && (await offerLibraryRecovery(libraryDir))) return start()
    dialog.showErrorBox('Dateline cannot open its library', failure.message)
    app.exit(1)
    return
  }
  // `dateline add` in a terminal reaches this window instead of being refused (one writer per library).
  endpoint = await startLocalEndpoint(dateline, dateline.library.layout).catch(() => null)
  // The browser extension's port; taken already (a `dateline serve` of another library), the
  // extension says Dateline cannot be reached rather than the app failing to start.
  extensionEndpoint = await startExtensionEndpoint(dateline).catch((error: unknown) => {
    console.warn(`dateline: the browser extension cannot reach this window: ${toErrorInfo(error).message}`)
    return null
  })
  serveMedia(dateline.library.media)
  bindIpc(dateline, () => webContents.getAllWebContents())
  const running = dateline
  const updates = createUpdateChecker(app.isPackaged, (line) => console.warn(line))
  const updatesEnabled = (await running.services['settings.get']({})).checkForUpdates
  updates.setEnabled(updatesEnabled)
  const cliPlan = cliInstallPlan(process.platform, process.execPath, process.env, app.getPath('home'))
  installAppMenu({
    sendCommand: (command) => running.events.emit('app.command', { command }),
    libraryDir,
    updatesEnabled,
    setUpdatesEnabled: (enabled) => {
      updates.setEnabled(enabled)
      void running.services['settings.set']({ checkForUpdates: enabled })
    },
    printArticle,
    saveArticleAsPdf: () => void saveArticleAsPdf(tell),
    checkForUpdatesNow: () =>
      void updates.checkNow().then(tell, (error: unknown) => tell(toErrorInfo(error).message)),
    installCommandLineTool:
      cliPlan.kind === 'packaged' || !app.isPackaged
        ? null
        : () =>
            void installCli(cliPlan).then(
              (where) => tell(`The dateline command is installed: ${where}`),
              (error: unknown) =>
                tell(`The dateline command could not be installed: ${toErrorInfo(error).message}`),
            ),
  })
  // A paired extension's "Open in Dateline": the window shows the article (store/extension).
  running.events.subscribe((event) => {
    if (event === 'extension.showArticle') bringWindowForward()
  })
  showFeedNotices(running.events, () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  tray = new TrayKeeper({
    iconPath: trayIconPath(process.resourcesPath, app.isPackaged, app.getAppPath()),
    showWindow: () => {
      mainWindow?.show()
      mainWindow?.focus()
    },
    refreshNow: () => void running.services['feeds.refresh']({}).catch(() => undefined),
    quit: () => app.quit(),
  })
  tray.setEnabled((await running.services['settings.get']({})).keepRunningInTray)
  mainWindow = await createMainWindow(userData)
  keepInTrayOnClose(mainWindow)
  openFiles(filesToOpen(argumentsAfterApp(process.argv, process.defaultApp === true), process.cwd()))
  for (const file of filesOpenedEarly.splice(0)) openFiles([file])
  registerLinkHandler(app)
  // The window has loaded (createMainWindow waits for it), so it can ask what a link offers.
  offerLinks(linksIn(argumentsAfterApp(process.argv, process.defaultApp === true)))
  offerLinks(linksOpenedEarly.splice(0))
}

/** macOS hands dateline:// links over by event, possibly before the window exists. */
const linksOpenedEarly: string[] = []
app.on('open-url', (event, link) => {
  event.preventDefault()
  if (dateline && mainWindow) offerLinks([link])
  else linksOpenedEarly.push(link)
})

/** A link only ever asks the person, in the window, whether to save the address it names. */
function offerLinks(links: string[]): void {
  const running = dateline
  if (!running) return
  for (const link of links) {
    const url = addressOffered(link, (line) => console.warn(line))
    if (!url) continue
    running.events.emit('extension.offerSave', { url })
    bringWindowForward()
  }
}

function bringWindowForward(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  if (!mainWindow.isVisible()) mainWindow.show()
  mainWindow.focus()
}

/** macOS hands files over by event, possibly before the library is open. */
const filesOpenedEarly: string[] = []
app.on('open-file', (event, path) => {
  event.preventDefault()
  if (dateline) openFiles([path])
  else filesOpenedEarly.push(path)
})

/** Each file the system asked us to open becomes an article; the window hears of it as of any capture. */
function openFiles(files: string[]): void {
  const running = dateline
  if (!running) return
  for (const file of files) {
    // Loaded with the first file opened: reading saved pages (MHTML, encodings) is not start-up work.
    void import('./extension/saved-page-file')
      .then(({ savedPageInput }) => savedPageInput(file))
      .then(async (savedPage) =>
        savedPage
          ? running.services['extension.addSavedPage'](savedPage)
          : running.services['articles.add'](await sourceFromArgument(file)),
      )
      .then(
        () => mainWindow?.focus(),
        (error: unknown) =>
          dialog.showErrorBox(`Dateline could not save ${file}`, toErrorInfo(error).message),
      )
  }
}

function tell(message: string): void {
  void dialog.showMessageBox({ type: 'info', message, buttons: ['OK'] })
}

app.on('second-instance', (_event, argv, workingDirectory) => {
  const args = argumentsAfterApp(argv, process.defaultApp === true)
  openFiles(filesToOpen(args, workingDirectory))
  offerLinks(linksIn(args))
  // Kept in the tray, the window is hidden rather than closed.
  bringWindowForward()
})

app.on('activate', () => {
  if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.isVisible()) mainWindow.show()
  if (dateline && BrowserWindow.getAllWindows().length === 0) {
    void createMainWindow(app.getPath('userData')).then((window) => {
      mainWindow = window
      keepInTrayOnClose(window)
    })
  }
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

let closing = false
let quitRequested = false
let tray: TrayKeeper | null = null

function keepInTrayOnClose(window: BrowserWindow): void {
  const running = dateline
  if (!tray || !running) return
  tray.watchClose(
    window,
    async () => (await running.services['settings.get']({})).keepRunningInTray,
    () => quitRequested,
  )
}

app.on('before-quit', (event) => {
  quitRequested = true
  if (closing || !dateline) return
  // Let acknowledged writes finish and release the library lock before the process ends.
  event.preventDefault()
  closing = true
  const running = dateline
  void Promise.all([endpoint?.close(), extensionEndpoint?.close()])
    .then(() => running.close())
    .finally(() => app.quit())
})

app.whenReady().then(
  () => (desktop && isFirstInstance ? start() : undefined),
  (error: unknown) => {
    dialog.showErrorBox('Dateline could not start', toErrorInfo(error).message)
    app.exit(1)
  },
)
