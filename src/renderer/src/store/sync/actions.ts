import type { SyncReport } from '@shared/sync'
import { api } from '@renderer/api'
import { reportError } from '../ui/actions'
import { useSync } from './store'
import { articleCount } from '@shared/article-count'

let started = false

/** Loads the status once and follows what arrives from other devices. */
export function startSync(): void {
  if (started) return
  started = true
  api.on('sync.changed', () => void loadSyncStatus())
  void loadSyncStatus()
}

export async function loadSyncStatus(): Promise<void> {
  try {
    useSync.setState({ status: await api.invoke('sync.status', {}) })
  } catch (error) {
    reportError(error)
  }
}

function describeReport(report: SyncReport): string {
  return `${report.written} changes written, ${report.applied} from other devices, ${articleCount(report.articlesArrived)} arrived.`
}

async function run(work: () => Promise<SyncReport>): Promise<void> {
  useSync.setState({ busy: true })
  try {
    const report = await work()
    useSync.setState({ status: report.status, lastReport: describeReport(report) })
  } catch (error) {
    reportError(error)
  } finally {
    useSync.setState({ busy: false })
  }
}

export function enableSync(folder: string, deviceName: string): Promise<void> {
  return run(() => api.invoke('sync.enable', { folder, ...(deviceName.trim() ? { deviceName } : {}) }))
}

export function syncNow(): Promise<void> {
  return run(() => api.invoke('sync.now', {}))
}

export async function disableSync(): Promise<void> {
  try {
    useSync.setState({ status: await api.invoke('sync.disable', {}), lastReport: null })
  } catch (error) {
    reportError(error)
  }
}

export async function renameDevice(deviceName: string): Promise<void> {
  try {
    useSync.setState({ status: await api.invoke('sync.rename', { deviceName }) })
  } catch (error) {
    reportError(error)
  }
}
