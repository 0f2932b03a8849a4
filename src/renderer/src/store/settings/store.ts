import { create } from 'zustand'
import { defaultSettings, type Settings } from '@shared/settings'

export interface SettingsState {
  /** The main process owns these; until they arrive the defaults keep the reader usable. */
  settings: Settings
  loaded: boolean
}

export const useSettings = create<SettingsState>()(() => ({
  settings: defaultSettings,
  loaded: false,
}))
