import type { SyncStatus } from '@shared/sync'
import type { SqlDatabase } from '../library/database'
import { parseClock } from './hlc'
import { describeEvent } from './sync-events'
import { readConfig, registerOf } from './sync-store'

/** What Settings → Sync and `dateline sync status` show, read from sync's tables. */
export function statusOf(db: SqlDatabase): SyncStatus {
  const config = readConfig(db)
  const files = db.all<{ device: string; changes: number; last_clock: string | null; notice: string | null }>(
    'SELECT device, changes, last_clock, notice FROM sync_log_files',
  )
  const devices = new Map<string, { changes: number; last: string | null }>()
  for (const f of files) {
    if (f.device === config?.device) continue
    const d = devices.get(f.device) ?? { changes: 0, last: null }
    d.changes += f.changes
    if (f.last_clock && (d.last === null || f.last_clock > d.last)) d.last = f.last_clock
    devices.set(f.device, d)
  }
  const nameOf = (device: string): string => {
    const value = registerOf(db, `device/${device}`)?.value
    return value && typeof value === 'object' && !Array.isArray(value) && typeof value.name === 'string'
      ? value.name
      : device
  }
  const recent = db
    .all<{
      at: string
      device: string
      kind: 'arrived' | 'conflict' | 'notice'
      key: string
      detail: string
    }>('SELECT at, device, kind, key, detail FROM sync_events ORDER BY seq DESC LIMIT 20')
    .map((e) => ({
      at: e.at,
      device: e.device ? nameOf(e.device) : '',
      kind: e.kind,
      text: describeEvent(db, e),
    }))
  return {
    enabled: config?.enabled ?? false,
    folder: config?.folder ?? null,
    device: config ? { id: config.device, name: config.deviceName } : null,
    devices: [...devices].map(([id, d]) => ({
      id,
      name: nameOf(id),
      lastChangeAt: d.last ? new Date(parseClock(d.last)?.millis ?? 0).toISOString() : null,
      changes: d.changes,
    })),
    waiting: db.get<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')?.n ?? 0,
    articlesToCome: db.get<{ n: number }>('SELECT count(*) AS n FROM sync_pending')?.n ?? 0,
    problem: config?.problem ?? null,
    notices: files.flatMap((f) => (f.notice ? [f.notice] : [])),
    lastScanAt: config?.lastScanAt || null,
    recent,
  }
}
