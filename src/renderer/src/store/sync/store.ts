import { create } from 'zustand'
import type { SyncStatus } from '@shared/sync'

export interface SyncState {
  status: SyncStatus | null
  /** A call in progress (enable, sync now), so its button waits. */
  busy: boolean
  /** What the last sync brought, in a sentence. */
  lastReport: string | null
}

export const useSync = create<SyncState>(() => ({ status: null, busy: false, lastReport: null }))
