import { useEffect, type JSX } from 'react'
import { addSyncFolderToSyncthing, detectSyncthing, useSyncthing } from '@renderer/store/sync/syncthing'

/**
 * Settings → Sync, when Syncthing runs on this computer: a button that gives it the sync folder.
 * Shown only when it answered; nothing is sent to Syncthing until the person presses it.
 */
export function SyncthingOffer({ folder }: { folder: string }): JSX.Element | null {
  const presence = useSyncthing((state) => state.presence)
  const added = useSyncthing((state) => state.added)
  const busy = useSyncthing((state) => state.busy)
  useEffect(() => void detectSyncthing(), [folder])
  if (!presence?.found) return null
  return (
    <div className="syncthing-offer" data-testid="syncthing-offer">
      <h2>Syncthing</h2>
      {added ? (
        <p role="status">
          Syncthing {added.added ? 'now has' : 'already had'} this folder as “{added.label}”. In Syncthing on
          this computer, share it with your other computer (Edit, Sharing), and accept it there.
        </p>
      ) : (
        <>
          <p className="muted">
            Syncthing{presence.version ? ` ${presence.version}` : ''} is running on this computer. It can
            share the sync folder for you: Dateline adds it to Syncthing as a Send &amp; Receive folder, and
            you pick the other computer in Syncthing.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void addSyncFolderToSyncthing()}
          >
            Add the sync folder to Syncthing
          </button>
        </>
      )}
    </div>
  )
}
