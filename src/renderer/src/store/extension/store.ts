import { create } from 'zustand'
import type { PairedExtension, PairingCode } from '@shared/extension'

export interface ExtensionState {
  /** The browser extensions paired with this library. */
  paired: readonly PairedExtension[]
  /** The code on show while the person pairs an extension. */
  code: PairingCode | null
  /** A dateline://add link asked to save this address; the person has not answered yet. */
  offeredUrl: string | null
  error: string | null
}

export const useExtension = create<ExtensionState>()(() => ({
  paired: [],
  code: null,
  offeredUrl: null,
  error: null,
}))
