import { z } from 'zod'
import { Empty, procedure } from './procedure'

/**
 * The sync part of the API: one library on several machines through a shared folder that
 * Syncthing (or any folder-sync service) carries (docs/sync.md). Joined into src/shared/contract.ts.
 */

export const SyncDevice = z.object({
  id: z.string(),
  name: z.string(),
  /** The clock time (ISO) of the newest change read from it; null when nothing came yet. */
  lastChangeAt: z.string().nullable(),
  changes: z.number().int(),
})
export type SyncDevice = z.infer<typeof SyncDevice>

export const SyncEvent = z.object({
  at: z.string(),
  device: z.string(),
  kind: z.enum(['arrived', 'conflict', 'notice']),
  /** A sentence for the person. */
  text: z.string(),
})
export type SyncEvent = z.infer<typeof SyncEvent>

export const SyncStatus = z.object({
  enabled: z.boolean(),
  folder: z.string().nullable(),
  device: z.object({ id: z.string(), name: z.string() }).nullable(),
  devices: z.array(SyncDevice),
  /** Changes made here not yet in the folder (a full disk keeps them here). */
  waiting: z.number().int(),
  /** Articles named in a log whose file has not arrived yet. */
  articlesToCome: z.number().int(),
  /** What is wrong with the folder, if anything, as a sentence. */
  problem: z.string().nullable(),
  /** Logs from a newer Dateline, kept and read after an update. */
  notices: z.array(z.string()),
  lastScanAt: z.string().nullable(),
  recent: z.array(SyncEvent),
})
export type SyncStatus = z.infer<typeof SyncStatus>

export const SyncReport = z.object({
  /** Changes read from other devices that changed something here. */
  applied: z.number().int(),
  /** Changes made here written to the folder. */
  written: z.number().int(),
  articlesArrived: z.number().int(),
  status: SyncStatus,
})
export type SyncReport = z.infer<typeof SyncReport>

export const EnableSyncInput = z
  .object({
    folder: z.string().min(1, 'Give the sync folder').max(4096),
    deviceName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type EnableSyncInput = z.input<typeof EnableSyncInput>

export const syncProcedures = {
  'sync.status': procedure(Empty, SyncStatus, 'Whether sync is on, this device, the others and what arrived'),
  'sync.enable': procedure(
    EnableSyncInput,
    SyncReport,
    'Sync this library through a folder; its history becomes the first log',
  ),
  'sync.disable': procedure(Empty, SyncStatus, 'Stop syncing; this library and the folder stay as they are'),
  'sync.now': procedure(Empty, SyncReport, "Write this device's changes and read the others' now"),
  'sync.rename': procedure(
    z.object({ deviceName: z.string().trim().min(1).max(100) }).strict(),
    SyncStatus,
    "Change this device's name as the others see it",
  ),
} as const

export const syncEvents = {
  /** Something arrived from another device (the window reloads what it shows). */
  'sync.changed': z.object({ applied: z.number().int() }),
} as const
