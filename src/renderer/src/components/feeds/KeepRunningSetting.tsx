import type { JSX } from 'react'
import { api } from '@renderer/api'
import { updateSettings } from '@renderer/store/settings/actions'
import { useSettings } from '@renderer/store/settings/store'

/**
 * Whether closing the window keeps the desktop app in the tray (menu bar), refreshing feeds.
 * Only the desktop app has a window to close into a tray; the browser host leaves it out.
 */
export function KeepRunningSetting(): JSX.Element | null {
  const keep = useSettings((state) => state.settings.keepRunningInTray)
  if (api.host !== 'electron') return null
  return (
    <label className="field-label feeds-keep-running">
      <input
        type="checkbox"
        checked={keep}
        data-testid="setting-keep-running"
        onChange={(event) => void updateSettings({ keepRunningInTray: event.target.checked })}
      />{' '}
      When I close the window, keep Dateline in the tray (menu bar) and go on refreshing feeds
    </label>
  )
}
