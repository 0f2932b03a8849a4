import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { SqlDatabase } from '../library/database'
import type { Change, RegisterValue } from './log-line'
import { wins } from './registers'

/** The SQL of sync's own tables (schema 10, sync-schema.ts). Each runs in the caller's transaction. */

export interface SyncConfig {
  device: string
  deviceName: string
  folder: string | null
  enabled: boolean
  clock: string
  problem: string | null
  lastScanAt: string | null
}

interface ConfigRow {
  device: string
  device_name: string
  folder: string | null
  enabled: number
  clock: string
  problem: string | null
  last_scan_at: string | null
}

export function readConfig(db: SqlDatabase): SyncConfig | null {
  const row = db.get<ConfigRow>('SELECT * FROM sync_config WHERE only = 1')
  if (!row) return null
  return {
    device: row.device,
    deviceName: row.device_name,
    folder: row.folder,
    enabled: row.enabled === 1,
    clock: row.clock,
    problem: row.problem,
    lastScanAt: row.last_scan_at,
  }
}

/** The library's device id, made once: it stays with the library, whichever machine it is on. */
export function ensureConfig(db: SqlDatabase): SyncConfig {
  const existing = readConfig(db)
  if (existing) return existing
  db.run('INSERT INTO sync_config (only, device, device_name) VALUES (1, ?, ?)', [
    randomBytes(8).toString('hex'),
    hostname().slice(0, 100) || 'This computer',
  ])
  return readConfig(db)!
}

export function updateConfig(
  db: SqlDatabase,
  patch: Partial<Pick<SyncConfig, 'deviceName' | 'folder' | 'enabled' | 'clock' | 'problem' | 'lastScanAt'>>,
): void {
  const columns: Record<string, string> = {
    deviceName: 'device_name',
    folder: 'folder',
    enabled: 'enabled',
    clock: 'clock',
    problem: 'problem',
    lastScanAt: 'last_scan_at',
  }
  for (const [field, value] of Object.entries(patch)) {
    const column = columns[field]
    if (!column || value === undefined) continue
    db.run(`UPDATE sync_config SET ${column} = ? WHERE only = 1`, [
      typeof value === 'boolean' ? Number(value) : value,
    ])
  }
}

export function registerOf(
  db: SqlDatabase,
  key: string,
): { clock: string; value: RegisterValue } | undefined {
  const row = db.get<{ clock: string; value: string }>(
    'SELECT clock, value FROM sync_registers WHERE key = ?',
    [key],
  )
  return row ? { clock: row.clock, value: JSON.parse(row.value) as RegisterValue } : undefined
}

/** The registers whose key starts with `prefix` (a range of the primary key). */
export function registersUnder(
  db: SqlDatabase,
  prefix: string,
): Map<string, { clock: string; value: RegisterValue }> {
  const rows = db.all<{ key: string; clock: string; value: string }>(
    'SELECT key, clock, value FROM sync_registers WHERE key >= ? AND key < ?',
    [prefix, `${prefix}\uffff`],
  )
  return new Map(rows.map((r) => [r.key, { clock: r.clock, value: JSON.parse(r.value) as RegisterValue }]))
}

/** Stores the change if it is newer than the register; returns whether it was. */
export function mergeRegister(db: SqlDatabase, change: Change, known?: { clock: string } | null): boolean {
  const current =
    known === undefined
      ? db.get<{ clock: string }>('SELECT clock FROM sync_registers WHERE key = ?', [change.key])
      : (known ?? undefined)
  if (!wins(change.clock, current?.clock)) return false
  db.run(
    `INSERT INTO sync_registers (key, clock, value) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET clock = excluded.clock, value = excluded.value`,
    [change.key, change.clock, JSON.stringify(change.value)],
  )
  return true
}

export function sameValue(a: RegisterValue | undefined, b: RegisterValue): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b)
}

const MAX_EVENTS = 500

export function noteEvent(
  db: SqlDatabase,
  event: {
    at: string
    device: string
    kind: 'arrived' | 'conflict' | 'notice'
    key: string
    detail?: string
  },
): void {
  db.run('INSERT INTO sync_events (at, device, kind, key, detail) VALUES (?, ?, ?, ?, ?)', [
    event.at,
    event.device,
    event.kind,
    event.key,
    event.detail ?? '',
  ])
  db.run('DELETE FROM sync_events WHERE seq <= (SELECT max(seq) FROM sync_events) - ?', [MAX_EVENTS])
}
