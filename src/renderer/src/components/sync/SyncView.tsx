import { useEffect, useState, type JSX } from 'react'
import { disableSync, enableSync, loadSyncStatus, renameDevice, syncNow } from '@renderer/store/sync/actions'
import { useSync } from '@renderer/store/sync/store'
import { relativeTime } from '../feeds/RefreshStatus'
import { SyncthingOffer } from './SyncthingOffer'

/**
 * Settings → Sync: the folder a sync engine shares (Syncthing, Dropbox...), this device's name, the
 * other devices with their last change, and what arrived or conflicted (docs/sync.md).
 */
export function SyncView(): JSX.Element {
  const status = useSync((state) => state.status)
  const busy = useSync((state) => state.busy)
  const lastReport = useSync((state) => state.lastReport)
  const [folder, setFolder] = useState('')
  const [name, setName] = useState('')
  useEffect(() => void loadSyncStatus(), [])
  useEffect(() => {
    if (status?.folder) setFolder(status.folder)
    if (status?.device) setName(status.device.name)
  }, [status?.folder, status?.device])

  return (
    <section className="sync-view main-view" aria-labelledby="sync-view-heading" data-testid="sync-view">
      <h1 id="sync-view-heading">Sync settings</h1>
      <p className="muted">
        Read on several computers with one library and no account: Dateline writes what you change to a folder
        that Syncthing (or Dropbox, iCloud Drive, OneDrive) keeps the same on each computer, and reads what
        the others wrote there. The library database itself never goes into that folder.
      </p>
      <form
        className="sync-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (folder.trim()) void enableSync(folder.trim(), name)
        }}
      >
        <label>
          Sync folder
          <input
            className="text-input"
            type="text"
            value={folder}
            placeholder="/home/you/Sync/Dateline"
            data-testid="sync-folder"
            onChange={(event) => setFolder(event.target.value)}
          />
        </label>
        <label>
          This device&apos;s name
          <input
            className="text-input"
            type="text"
            value={name}
            placeholder="Laptop"
            data-testid="sync-device-name"
            onChange={(event) => setName(event.target.value)}
            onBlur={() => {
              if (status?.device && name.trim() && name.trim() !== status.device.name)
                void renameDevice(name.trim())
            }}
          />
        </label>
        <div className="sync-actions">
          {status?.enabled ? (
            <>
              <button type="button" className="button" disabled={busy} onClick={() => void syncNow()}>
                Sync now
              </button>
              <button type="button" className="button" onClick={() => void disableSync()}>
                Turn sync off
              </button>
            </>
          ) : (
            <button type="submit" className="button button-primary" disabled={busy || !folder.trim()}>
              Turn sync on
            </button>
          )}
        </div>
      </form>
      {lastReport && (
        <p role="status" data-testid="sync-report">
          {lastReport}
        </p>
      )}
      {status?.problem && <p className="sync-problem">{status.problem}</p>}
      {status?.notices.map((notice) => (
        <p key={notice} className="sync-problem">
          {notice}
        </p>
      ))}
      {status?.enabled && status.folder && <SyncthingOffer folder={status.folder} />}
      {status?.enabled && (
        <>
          <h2>Other devices</h2>
          {status.devices.length === 0 ? (
            <p className="muted">
              None yet. Share this folder with your other computer in Syncthing (Add Folder, then pick the
              device), and turn sync on there with the folder Syncthing makes.
            </p>
          ) : (
            <ul className="sync-devices" data-testid="sync-devices">
              {status.devices.map((device) => (
                <li key={device.id}>
                  {device.name}: {device.changes} changes
                  {device.lastChangeAt ? `, last ${relativeTime(device.lastChangeAt)}` : ''}
                </li>
              ))}
            </ul>
          )}
          {status.recent.length > 0 && (
            <>
              <h2>Arrived and conflicted</h2>
              <ul className="sync-events" data-testid="sync-events">
                {status.recent.map((event, i) => (
                  <li key={`${event.at}-${i}`} className={`sync-event-${event.kind}`}>
                    {event.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  )
}
