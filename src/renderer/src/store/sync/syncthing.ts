import { create } from 'zustand'
import type { SyncthingFolder, SyncthingPresence } from '@shared/syncthing'
import { api } from '@renderer/api'
import { reportError } from '../ui/actions'

/** This computer's Syncthing, as Settings → Sync last found it, and the folder given to it. */
export interface SyncthingState {
  presence: SyncthingPresence | null
  added: SyncthingFolder | null
  busy: boolean
}

export const useSyncthing = create<SyncthingState>(() => ({ presence: null, added: null, busy: false }))

/** Looks for a running Syncthing (its REST API on this computer); nothing is sent to it. */
export async function detectSyncthing(): Promise<void> {
  try {
    useSyncthing.setState({ presence: await api.invoke('syncthing.detect', {}) })
  } catch {
    useSyncthing.setState({ presence: null })
  }
}

/** The person asked: Syncthing gets the sync folder as a folder of this computer. */
export async function addSyncFolderToSyncthing(): Promise<void> {
  useSyncthing.setState({ busy: true })
  try {
    useSyncthing.setState({ added: await api.invoke('syncthing.addFolder', {}) })
  } catch (error) {
    reportError(error)
  } finally {
    useSyncthing.setState({ busy: false })
  }
}
