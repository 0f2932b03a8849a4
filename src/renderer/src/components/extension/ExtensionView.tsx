import { useEffect, type JSX } from 'react'
import { api } from '@renderer/api'
import { EXTENSION_PORT } from '@shared/extension'
import { loadPairedExtensions, revokeExtension, startPairing } from '@renderer/store/extension/actions'
import { useExtension } from '@renderer/store/extension/store'
import { BookmarkletLink } from './BookmarkletLink'
import { PairingCodeCard } from './PairingCodeCard'

/** The port the extension should be given: this browser host's own, or the desktop app's. */
function extensionPort(): number {
  if (api.host === 'browser' && window.location.port) return Number(window.location.port)
  return EXTENSION_PORT
}

/** Settings for saving from the browser: pairing the extension, revoking it, the bookmarklet. */
export function ExtensionView(): JSX.Element {
  const paired = useExtension((state) => state.paired)
  const code = useExtension((state) => state.code)
  const error = useExtension((state) => state.error)
  useEffect(() => {
    void loadPairedExtensions()
  }, [])
  return (
    <div className="imports-view extension-view" data-testid="extension-view">
      <h2 className="imports-title">Save from the browser</h2>
      <p className="imports-intro">
        The Dateline extension for Chrome, Edge, Brave and Firefox saves the page in front of you as your
        browser shows it, logged-in pages included, with one click. It talks only to this Dateline, on port{' '}
        <strong data-testid="extension-port">{extensionPort()}</strong> of this machine, once paired.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {code ? (
        <PairingCodeCard code={code} />
      ) : (
        <button
          type="button"
          className="button button-primary"
          data-testid="start-pairing"
          onClick={() => void startPairing()}
        >
          Pair a browser extension
        </button>
      )}
      <h3 className="sidebar-heading imports-heading">Paired browsers</h3>
      {paired.length === 0 ? (
        <p className="imports-intro">No browser is paired yet.</p>
      ) : (
        <ul className="extension-list" data-testid="paired-extensions">
          {paired.map((extension) => (
            <li key={extension.id} className="extension-item">
              <span>
                <strong>{extension.name}</strong>{' '}
                <span className="extension-meta">
                  paired {new Date(extension.pairedAt).toLocaleDateString()}
                  {extension.lastUsedAt
                    ? `, last used ${new Date(extension.lastUsedAt).toLocaleDateString()}`
                    : ', not used yet'}
                </span>
              </span>
              <button
                type="button"
                className="button"
                aria-label={`Revoke ${extension.name}`}
                onClick={() => void revokeExtension(extension.id)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3 className="sidebar-heading imports-heading">Without the extension</h3>
      <p className="imports-intro">
        Drag this button to your bookmarks bar. On a page you want to keep, click it: your browser asks to
        open Dateline, and Dateline asks before it saves anything.
      </p>
      <BookmarkletLink />
    </div>
  )
}
