import type { SettingsPatch } from '@shared/settings'
import { api } from '@renderer/api'
import { reportError } from '../ui/actions'
import { useSettings } from './store'

export async function loadSettings(): Promise<void> {
  try {
    const settings = await api.invoke('settings.get', {})
    useSettings.setState({ settings, loaded: true })
  } catch (error) {
    reportError(error)
  }
}

/** Applied at once so the reader answers the click, then replaced by what the main process kept. */
export async function updateSettings(patch: SettingsPatch): Promise<void> {
  const previous = useSettings.getState().settings
  useSettings.setState({ settings: { ...previous, ...patch } })
  try {
    const settings = await api.invoke('settings.set', patch)
    useSettings.setState({ settings })
  } catch (error) {
    useSettings.setState({ settings: previous })
    reportError(error)
  }
}
