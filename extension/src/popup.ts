import type { Status } from './dateline-client'
import { validPort } from './dateline-client'
import type { PairReport, Progress, Request, SaveReport, State, StatusReport } from './messages'

/**
 * The toolbar button's popup: pairing, then "Save this page" with a collection, progress, the
 * result and "Open in Dateline". It holds no token: the background does every call.
 */

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (!found) throw new Error(`popup.html has no #${id}`)
  return found as T
}

function ask<T>(request: Request): Promise<T> {
  return chrome.runtime.sendMessage<T>(request)
}

/** The tab to save: the one the popup was opened over (or ?tab=, when the popup is opened as a page). */
async function targetTab(): Promise<number | null> {
  const given = Number(new URLSearchParams(location.search).get('tab'))
  if (Number.isInteger(given) && given > 0) return given
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true })
  return tab?.id ?? null
}

function showReport(report: SaveReport | null): void {
  const result = element<HTMLDivElement>('result')
  result.replaceChildren()
  element('progress').textContent = ''
  if (!report) return
  const line = document.createElement('p')
  line.dataset.testid = 'save-result'
  if (report.kind === 'saved') {
    line.className = 'saved'
    const into = report.collection ? ` in ${report.collection}` : ''
    line.textContent = `${report.updated ? 'Updated' : 'Saved'}${into}: ${report.title}`
    result.append(line)
    for (const warning of report.warnings) {
      const note = document.createElement('p')
      note.textContent = warning
      result.append(note)
    }
    const open = document.createElement('button')
    open.type = 'button'
    open.id = 'open'
    open.textContent = 'Open in Dateline'
    open.addEventListener('click', () => {
      void ask<StatusReport>({ type: 'open', id: report.id }).then((outcome) => {
        if (outcome.kind !== 'ok') showFailure(outcome.kind === 'unreachable' ? unreachable : outcome.message)
      })
    })
    result.append(open)
    return
  }
  line.className = report.kind === 'queued' ? 'queued' : 'failed'
  line.textContent =
    report.kind === 'queued'
      ? `Kept for later: ${report.title}. ${report.why}`
      : `Not saved: ${report.message}`
  result.append(line)
}

const unreachable = 'Dateline is not running. Saves wait here and go when it is back.'

function showFailure(message: string): void {
  showReport({ kind: 'failed', message })
}

function showQueue(waiting: number): void {
  element('queue').hidden = waiting === 0
  element('queue-count').textContent =
    `${waiting} ${waiting === 1 ? 'save waits' : 'saves wait'} for Dateline.`
}

function fillCollections(status: Status): void {
  const select = element<HTMLSelectElement>('collection')
  const chosen = select.value
  select.replaceChildren(new Option('None', ''))
  for (const collection of status.collections)
    select.append(new Option(collection.name, String(collection.id)))
  select.value = status.collections.some((c) => String(c.id) === chosen) ? chosen : ''
}

async function showSaving(state: State): Promise<void> {
  element('pairing').hidden = true
  element('saving').hidden = false
  showQueue(state.waiting)
  showReport(state.last)
  const reach = element('reach')
  reach.textContent = 'Looking for Dateline…'
  const status = await ask<StatusReport>({ type: 'status' })
  if (status.kind === 'ok') {
    reach.textContent = `Dateline is running on port ${state.port}.`
    fillCollections(status.value)
    if (state.waiting > 0) showQueue((await ask<State>({ type: 'retry' })).waiting)
  } else if (status.kind === 'unpaired') {
    showPairing(state, status.message)
  } else {
    reach.textContent = status.kind === 'unreachable' ? unreachable : status.message
  }
}

function showPairing(state: State, message = ''): void {
  element('saving').hidden = true
  element('pairing').hidden = false
  const port = element<HTMLInputElement>('port')
  if (!port.value) port.value = String(state.port)
  element('pair-message').textContent = message
  element<HTMLInputElement>('code').focus()
}

async function refresh(): Promise<void> {
  const state = await ask<State>({ type: 'state' })
  if (state.paired) await showSaving(state)
  else showPairing(state)
}

element<HTMLFormElement>('pair-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const port = validPort(element<HTMLInputElement>('port').value)
  const code = element<HTMLInputElement>('code').value.trim()
  if (!port) {
    element('pair-message').textContent = 'The port is a number from 1 to 65535; Dateline shows it.'
    return
  }
  element('pair-message').textContent = 'Pairing…'
  void ask<PairReport>({ type: 'pair', port, code }).then((report) => {
    if (!report.ok) {
      element('pair-message').textContent = report.message
      return
    }
    element<HTMLInputElement>('code').value = ''
    void refresh()
  })
})

element('save-page').addEventListener('click', () => {
  void targetTab().then(async (tabId) => {
    if (tabId === null) return showFailure('There is no page to save in this window.')
    const button = element<HTMLButtonElement>('save-page')
    button.disabled = true
    showReport(null)
    element('progress').textContent = 'Saving…'
    const chosen = element<HTMLSelectElement>('collection').value
    const report = await ask<SaveReport>({
      type: 'save-page',
      tabId,
      ...(chosen ? { collectionId: Number(chosen) } : {}),
    })
    button.disabled = false
    showReport(report)
    if (report.kind === 'queued') showQueue(report.waiting)
    if (report.kind === 'unpaired') await refresh()
  })
})

element('retry').addEventListener('click', () => {
  void ask<State>({ type: 'retry' }).then((state) => {
    showQueue(state.waiting)
    showReport(state.last)
  })
})

element('unpair').addEventListener('click', () => {
  void ask<State>({ type: 'unpair' }).then((state) => showPairing(state))
})

chrome.runtime.onMessage.addListener((message) => {
  const progress = message as Progress
  if (progress?.type === 'progress') element('progress').textContent = progress.text
})

void refresh()
