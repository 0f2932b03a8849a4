import {
  browserName,
  callDateline,
  DEFAULT_PORT,
  validPort,
  type Connection,
  type Outcome,
  type SavedArticle,
  type Status,
} from './dateline-client'
import type { PairReport, Progress, Request, SaveReport, State } from './messages'
import { drainQueue, enqueue, type QueuedSave, type QueueStorage } from './save-queue'
import { serialisePage, type SerialisedPage } from './serialise-page'

/**
 * The extension's service worker (Chromium) or background script (Firefox): the only part that
 * holds the token and talks to Dateline. The popup, the context menu and the shortcut ask it; the
 * page only ever runs serialisePage.
 */

const RETRY_ALARM = 'dateline-retry-queue'

const queueStorage: QueueStorage = {
  read: async () => ((await chrome.storage.local.get('queue')).queue as QueuedSave[] | undefined) ?? [],
  write: (items) => chrome.storage.local.set({ queue: items }),
}

async function connection(): Promise<Connection | null> {
  const stored = (await chrome.storage.local.get('connection')).connection as Connection | undefined
  return stored && typeof stored.token === 'string' && validPort(stored.port) ? stored : null
}

async function port(): Promise<number> {
  const stored = await chrome.storage.local.get(['connection', 'port'])
  return validPort((stored.connection as Connection | undefined)?.port ?? stored.port) ?? DEFAULT_PORT
}

function call<T>(route: 'status' | 'save-page' | 'save-link' | 'show', body: unknown): Promise<Outcome<T>> {
  return connection().then((found) =>
    found
      ? callDateline<T>(found.port, route, body, found.token)
      : { kind: 'unpaired', message: 'Pair this browser with Dateline first.' },
  )
}

function tell(text: string): void {
  const progress: Progress = { type: 'progress', text }
  // No popup open is the usual case: nobody to tell.
  chrome.runtime.sendMessage(progress).catch(() => undefined)
}

async function remember(report: SaveReport): Promise<SaveReport> {
  await chrome.storage.local.set({ last: report })
  const badge = { saved: '✓', queued: String((report as { waiting?: number }).waiting ?? ''), failed: '!' }
  await chrome.action.setBadgeText({ text: report.kind === 'unpaired' ? '!' : badge[report.kind] })
  await chrome.action.setBadgeBackgroundColor({ color: report.kind === 'saved' ? '#2f6f4f' : '#8a4b12' })
  return report
}

function saved(result: SavedArticle): SaveReport {
  return {
    kind: 'saved',
    id: result.article.id,
    title: result.article.title,
    updated: result.updated,
    warnings: result.warnings,
    collection: result.collection?.name ?? null,
  }
}

async function send(save: QueuedSave): Promise<Outcome<SavedArticle>> {
  const collection = save.collectionId === undefined ? {} : { collectionId: save.collectionId }
  return save.kind === 'page'
    ? call<SavedArticle>('save-page', { url: save.url, html: save.html, ...collection })
    : call<SavedArticle>('save-link', { url: save.url, ...collection })
}

/** Sends a save now, or keeps it for when Dateline is back. */
async function deliver(save: QueuedSave): Promise<SaveReport> {
  tell('Saving in Dateline…')
  const outcome = await send(save)
  if (outcome.kind === 'ok') return remember(saved(outcome.value))
  if (outcome.kind === 'failed') return remember({ kind: 'failed', message: outcome.message })
  const queued = await enqueue(queueStorage, save)
  if (!queued.queued) return remember({ kind: 'failed', message: queued.reason })
  const why =
    outcome.kind === 'unreachable'
      ? 'Dateline is not running. The save waits here and goes when Dateline is back.'
      : `${outcome.message} The save waits here until then.`
  return remember({ kind: 'queued', title: save.title, waiting: queued.waiting, why })
}

async function readTab(tabId: number): Promise<SerialisedPage> {
  tell('Reading the page…')
  const [frame] = await chrome.scripting.executeScript<SerialisedPage>({
    target: { tabId },
    func: serialisePage,
  })
  if (!frame?.result) throw new Error('The page gave nothing back.')
  return frame.result
}

async function savePage(tabId: number, collectionId?: number): Promise<SaveReport> {
  let page: SerialisedPage
  try {
    page = await readTab(tabId)
  } catch {
    return remember({
      kind: 'failed',
      message:
        "Dateline cannot read this page: the browser keeps its own pages (settings, the store, PDFs) to itself. Use 'Save link' on a web page.",
    })
  }
  if (!/^https?:/.test(page.url)) {
    return remember({ kind: 'failed', message: 'Only web pages (http or https) can be saved.' })
  }
  return deliver({
    id: crypto.randomUUID(),
    kind: 'page',
    url: page.url,
    title: page.title || page.url,
    html: page.html,
    ...(collectionId === undefined ? {} : { collectionId }),
    queuedAt: new Date().toISOString(),
  })
}

function saveLink(url: string, collectionId?: number): Promise<SaveReport> {
  if (!/^https?:/.test(url)) {
    return remember({ kind: 'failed', message: 'Only links to web pages (http or https) can be saved.' })
  }
  return deliver({
    id: crypto.randomUUID(),
    kind: 'link',
    url,
    title: url,
    ...(collectionId === undefined ? {} : { collectionId }),
    queuedAt: new Date().toISOString(),
  })
}

/** One round of the queue at a time, whoever asks (alarm, start-up, popup). */
let draining: Promise<SaveReport | null> = Promise.resolve(null)
function retryQueue(): Promise<SaveReport | null> {
  draining = draining.then(async () => {
    if ((await queueStorage.read()).length === 0) return null
    const report = await drainQueue(queueStorage, send)
    const last = report.sent.at(-1)
    if (report.waiting === 0 && last) return remember(saved(last.result))
    if (report.refused.length > 0) return remember({ kind: 'failed', message: report.refused[0]!.message })
    if (report.waiting > 0) await chrome.action.setBadgeText({ text: String(report.waiting) })
    return null
  })
  return draining.catch(() => null)
}

async function pair(portNumber: number, code: string): Promise<PairReport> {
  const outcome = await callDateline<{ token: string }>(
    portNumber,
    'pair',
    { code, name: browserName(navigator.userAgent) },
    null,
  )
  if (outcome.kind === 'unreachable') {
    return {
      ok: false,
      message: `Nothing answers on port ${portNumber}. Is Dateline running? The port is shown in Dateline under "Save from the browser".`,
    }
  }
  if (outcome.kind !== 'ok') return { ok: false, message: outcome.message }
  await chrome.storage.local.set({ connection: { port: portNumber, token: outcome.value.token } })
  void retryQueue()
  return { ok: true }
}

async function state(): Promise<State> {
  const stored = await chrome.storage.local.get(['last'])
  return {
    paired: (await connection()) !== null,
    port: await port(),
    waiting: (await queueStorage.read()).length,
    last: (stored.last as SaveReport | undefined) ?? null,
  }
}

async function answer(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'state':
      return state()
    case 'pair':
      return pair(request.port, request.code)
    case 'unpair':
      await chrome.storage.local.remove(['connection'])
      await chrome.storage.local.set({ port: await port() })
      return state()
    case 'status':
      return call<Status>('status', {})
    case 'save-page':
      return savePage(request.tabId, request.collectionId)
    case 'save-link':
      return saveLink(request.url, request.collectionId)
    case 'open':
      return call<unknown>('show', { id: request.id })
    case 'retry':
      await retryQueue()
      return state()
  }
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  // Only the extension's own pages ask; a page's scripts cannot reach here, but check anyway.
  if (sender.id !== chrome.runtime.id || !sender.url?.startsWith(chrome.runtime.getURL(''))) return false
  const request = message as Request
  if (typeof request?.type !== 'string' || request.type === ('progress' as string)) return false
  answer(request).then(reply, (error: unknown) =>
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  )
  return true
})

function createMenus(): void {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({
      id: 'save-page',
      title: 'Save page to Dateline',
      contexts: ['page', 'selection'],
    })
    chrome.contextMenus.create({ id: 'save-link', title: 'Save link to Dateline', contexts: ['link'] })
  })
}

chrome.runtime.onInstalled.addListener(() => {
  createMenus()
  void chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 1 })
})
chrome.runtime.onStartup.addListener(() => {
  void chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 1 })
  void retryQueue()
})
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === RETRY_ALARM) void retryQueue()
})
chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'save-link' && info.linkUrl) void saveLink(info.linkUrl)
  else if (info.menuItemId === 'save-page' && tab?.id !== undefined) void savePage(tab.id)
})
chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== 'save-page') return
  void (
    tab?.id !== undefined
      ? Promise.resolve(tab.id)
      : chrome.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id)
  ).then((tabId) => (tabId === undefined ? undefined : savePage(tabId)))
})
