import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
// Starts the built Electron shell (out/main/index.js) against the stand-in and reports what it did.
const calls = await import('./electron.mjs').then((m) => m.calls)
await import(new URL('../../../out/main/index.js', import.meta.url).href)
// start() runs after whenReady(); wait until it has created the window.
for (let i = 0; i < 200 && calls.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25))
const window = calls.windows[0]
const contents = window.webContents
const invoke = calls.ipc.get('dateline:invoke')
const fromApp = { senderFrame: { url: contents.getURL() } }
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } }
const media = calls.protocols.get('dateline-media')
const prevented = []
contents.handlers.get('will-navigate')?.(
  { preventDefault: () => prevented.push(true) },
  'https://evil.example/',
)
let permission = null
contents.permissionHandler?.(contents, 'geolocation', (granted) => (permission = granted))
// A picture as capture stores it (content-addressed under media/): the protocol must serve it back.
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const sha = createHash('sha256').update(pixel).digest('hex')
const mediaPath = `media/${sha.slice(0, 2)}/${sha}.png`
const libraryDir = process.argv[process.argv.indexOf('--library') + 1]
await mkdir(join(libraryDir, 'media', sha.slice(0, 2)), { recursive: true })
await writeFile(join(libraryDir, mediaPath), pixel)
const served = await media(new Request(`dateline-media://library/${mediaPath}`))
// File > Add Article… must reach the window as an app.command event.
const fileMenu = calls.menu.find((item) => item.label === 'File')
fileMenu.submenu.find((item) => item.label === 'Add Article…').click()
// dateline:// links from a second launch (Windows, Linux) and from macOS's open-url: only a valid
// add link may reach the window, and only as a question.
calls.emitApp(
  'second-instance',
  {},
  ['electron', 'out/main/index.js', 'dateline://add?url=https%3A%2F%2Fnews.example%2Fa'],
  '/',
)
calls.emitApp(
  'second-instance',
  {},
  ['electron', 'out/main/index.js', 'dateline://add?url=javascript%3Aalert(1)'],
  '/',
)
calls.emitApp('open-url', { preventDefault: () => undefined }, 'dateline://delete?id=0123456789abcdef')
calls.emitApp(
  'open-url',
  { preventDefault: () => undefined },
  'dateline://add?url=http%3A%2F%2Fnews.example%2Fb',
)
// File > Print Article… and Save Article as PDF… print the window (its print style sheet).
fileMenu.submenu.find((item) => item.label === 'Print Article…').click()
fileMenu.submenu.find((item) => item.label === 'Save Article as PDF…').click()
for (let i = 0; i < 200 && calls.printed.length < 2; i++) await new Promise((r) => setTimeout(r, 25))
await new Promise((r) => setTimeout(r, 50))
const result = {
  linkOffers: calls.sent
    .filter(([, event]) => event === 'extension.offerSave')
    .map(([, , payload]) => payload),
  protocolClients: calls.protocolClients,
  printed: calls.printed.map(([how]) => how),
  saveDialogs: calls.saveDialogs,
  messageBoxes: calls.messageBoxes,
  menuCommands: calls.sent.filter(([, event]) => event === 'app.command'),
  mediaStatus: served.status,
  mediaType: served.headers.get('content-type'),
  webPreferences: window.options.webPreferences,
  loaded: window.loaded,
  schemes: calls.schemes,
  menus: calls.menus,
  trays: calls.trays.map((tray) => ({ tip: tray.tip, items: tray.menu?.map((item) => item.label) ?? null })),
  errors: calls.errors,
  info: await invoke(fromApp, 'library.info', {}),
  badInput: await invoke(fromApp, 'articles.list', { limit: 'all' }),
  unknown: await invoke(fromApp, 'fs.readFile', {}),
  foreign: await invoke(fromElsewhere, 'library.info', {}),
  openHttps: contents.windowOpenHandler({ url: 'https://example.com/story' }),
  openScript: contents.windowOpenHandler({ url: 'javascript:alert(1)' }),
  opened: calls.opened,
  navigationPrevented: prevented.length,
  permission,
  mediaTraversal: (await media(new Request('dateline-media://library/media/../library.json'))).status,
  mediaMissing: (await media(new Request(`dateline-media://library/media/ab/${'a'.repeat(64)}.png`))).status,
}
console.log(JSON.stringify(result))
process.exit(0)
