import { useEffect, type JSX } from 'react'
import { startSync } from '@renderer/store/sync/actions'
import { useSync } from '@renderer/store/sync/store'
import { showView } from '@renderer/store/ui/actions'
import { relativeTime } from '../feeds/RefreshStatus'

/** The sidebar's line about sync: off, or the other devices and when the last change came. */
export function SyncSection(): JSX.Element {
  const status = useSync((state) => state.status)
  useEffect(() => startSync(), [])
  const last = status?.devices
    .map((d) => d.lastChangeAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(-1)
  const summary = !status?.enabled
    ? 'Off'
    : status.problem
      ? 'Cannot write to the sync folder'
      : status.devices.length === 0
        ? 'Waiting for another device'
        : `${status.devices.length} other ${status.devices.length === 1 ? 'device' : 'devices'}${last ? `, last change ${relativeTime(last)}` : ''}`
  return (
    <section className="sync-section" aria-labelledby="sync-heading">
      <div className="sidebar-heading-row">
        <h2 className="sidebar-heading" id="sync-heading">
          Sync
        </h2>
      </div>
      <button
        type="button"
        className="link-button sync-summary"
        data-testid="sync-summary"
        onClick={() => showView({ kind: 'sync' })}
      >
        {summary}
      </button>
    </section>
  )
}
