// A stand-in for the `electron` module, recording what the shell asks of it, so the shell's wiring
// can be exercised under plain Node where no Electron binary can run.
export const calls = {
  windows: [],
  ipc: new Map(),
  protocols: new Map(),
  schemes: [],
  opened: [],
  errors: [],
  menus: 0,
  menu: null,
  sent: [],
  trays: [],
  protocolClients: [],
  /** Fires the app's own events (second-instance, open-url) as the system would. */
  emitApp: (event, ...args) => (listeners.get(`app:${event}`) ?? []).forEach((handler) => handler(...args)),
  printed: [],
  saveDialogs: [],
  messageBoxes: [],
}
globalThis.__electronStub = calls

const listeners = new Map()
const on = (target) => (event, handler) => {
  const key = `${target}:${event}`
  listeners.set(key, [...(listeners.get(key) ?? []), handler])
}

// As when `electron out/main/index.js …` runs the unpackaged app: the script is argv[1].
process.defaultApp = true

export const app = {
  isPackaged: false,
  getPath: () => process.env.STUB_USER_DATA,
  getAppPath: () => process.cwd(),
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient: (...args) => calls.protocolClients.push(args),
  whenReady: () => Promise.resolve(),
  on: on('app'),
  quit: () => calls.errors.push('quit'),
  exit: (code) => {
    calls.errors.push(`exit ${code}`)
    // The CLI-mode test runs the shell as a command line and wants its exit code.
    if (process.env.STUB_EXIT) process.exit(code)
  },
}

class WebContents {
  constructor() {
    this.handlers = new Map()
    this.session = { setPermissionRequestHandler: (handler) => (this.permissionHandler = handler) }
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  on(event, handler) {
    this.handlers.set(event, handler)
  }
  getURL() {
    return this.url ?? ''
  }
  isDestroyed() {
    return false
  }
  send(channel, ...args) {
    calls.sent.push([channel, ...args])
  }
  getTitle() {
    return 'Night trains keep Kyiv moving — Dateline'
  }
  print(options) {
    calls.printed.push(['print', options])
  }
  async printToPDF(options) {
    calls.printed.push(['printToPDF', options])
    return Buffer.from('%PDF-1.7 stand-in')
  }
}

export class BrowserWindow {
  constructor(options) {
    this.options = options
    this.webContents = new WebContents()
    calls.windows.push(this)
  }
  static getAllWindows() {
    return calls.windows
  }
  static getFocusedWindow() {
    return calls.windows[0] ?? null
  }
  maximize() {}
  on() {}
  once(event, handler) {
    if (event === 'ready-to-show') handler()
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false
  }
  isVisible() {
    return true
  }
  isDestroyed() {
    return false
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 }
  }
  isMaximized() {
    return false
  }
  async loadFile(path) {
    this.loaded = path
    this.webContents.url = `file://${path}`
  }
  async loadURL(url) {
    this.loaded = url
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => calls.schemes.push(...schemes),
  handle: (scheme, handler) => calls.protocols.set(scheme, handler),
}

export const ipcMain = {
  handle: (channel, handler) => calls.ipc.set(channel, handler),
  removeHandler: (channel) => calls.ipc.delete(channel),
}

export const dialog = {
  showErrorBox: (title, message) => calls.errors.push(`${title}: ${message}`),
  // The first question is answered with button STUB_MESSAGE_RESPONSE (default 0), later ones with 0.
  showMessageBox: async (options) => {
    const first = calls.messageBoxes.length === 0
    calls.messageBoxes.push({ message: options.message, buttons: options.buttons })
    return { response: first ? Number(process.env.STUB_MESSAGE_RESPONSE ?? 0) : 0 }
  },
  // Answers with STUB_SAVE_DIR/<the suggested name>, as if the person clicked Save.
  showSaveDialog: async (_window, options) => {
    calls.saveDialogs.push(options.defaultPath)
    const dir = process.env.STUB_SAVE_DIR
    return dir ? { canceled: false, filePath: `${dir}/${options.defaultPath}` } : { canceled: true }
  },
}
export const shell = { openExternal: async (url) => calls.opened.push(url), openPath: async () => '' }
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => {
    calls.menus++
    calls.menu = menu
  },
}
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
export const webContents = { getAllWebContents: () => calls.windows.map((w) => w.webContents) }

export const net = { isOnline: () => true }
export class Notification {
  static isSupported() {
    return false
  }
  on() {}
  show() {}
}
export class Tray {
  constructor(image) {
    this.image = image
    this.menu = null
    calls.trays.push(this)
  }
  setToolTip(tip) {
    this.tip = tip
  }
  setContextMenu(menu) {
    this.menu = menu
  }
  on() {}
  destroy() {
    calls.trays.splice(calls.trays.indexOf(this), 1)
  }
}
export const nativeImage = { createFromPath: (path) => ({ path, resize: () => ({ path }) }) }
export default {
  Tray,
  nativeImage,
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  dialog,
  shell,
  Menu,
  screen,
  webContents,
  net,
  Notification,
}
