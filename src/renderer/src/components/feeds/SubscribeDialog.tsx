import { type JSX } from 'react'
import { closeSubscribe, editSubscribe, findFeeds, subscribeTo } from '@renderer/store/feeds/actions'
import { useFeeds } from '@renderer/store/feeds/store'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

/** Paste a feed or any page of a site; when the site offers several feeds, the person picks one. */
export function SubscribeDialog(): JSX.Element {
  const state = useFeeds((s) => s.subscribe)
  const dialogRef = useModalDialog(state.open, { autofocus: true })

  const busy = state.status === 'finding' || state.status === 'subscribing'
  const choosing =
    state.status === 'choosing' || (state.status === 'subscribing' && state.candidates.length > 1)

  return (
    <dialog
      ref={dialogRef}
      className="dialog subscribe-dialog"
      data-testid="subscribe-dialog"
      aria-labelledby="subscribe-title"
      onClose={closeSubscribe}
    >
      {state.open && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            if (choosing && state.chosen) void subscribeTo(state.chosen)
            else void findFeeds()
          }}
        >
          <h2 className="dialog-title" id="subscribe-title">
            Subscribe to a feed
          </h2>
          <label className="field-label" htmlFor="subscribe-url">
            Address of a feed, or of any page of the site
          </label>
          <input
            id="subscribe-url"
            className="text-input"
            data-testid="subscribe-url"
            data-autofocus
            type="text"
            inputMode="url"
            placeholder="https://www.example.com/"
            value={state.url}
            disabled={busy}
            onChange={(event) => editSubscribe({ url: event.target.value })}
          />
          {choosing && (
            <fieldset className="feed-choices" data-testid="subscribe-choices">
              <legend className="field-label">
                This site offers {state.candidates.length} feeds: pick one
              </legend>
              {state.candidates.map((candidate) => (
                <label key={candidate.url} className="feed-choice">
                  <input
                    type="radio"
                    name="feed-choice"
                    value={candidate.url}
                    checked={state.chosen === candidate.url}
                    onChange={() => editSubscribe({ chosen: candidate.url })}
                  />
                  <span>
                    <strong dir="auto">{candidate.title}</strong>
                    <span className="feed-choice-url">{candidate.url}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="subscribe-options">
            <label className="field-label">
              Folder
              <input
                className="text-input"
                data-testid="subscribe-folder"
                type="text"
                value={state.folder}
                placeholder="None"
                onChange={(event) => editSubscribe({ folder: event.target.value })}
              />
            </label>
            <label className="field-label">
              New articles
              <select
                className="text-input"
                value={state.captureMode}
                onChange={(event) =>
                  editSubscribe({ captureMode: event.target.value === 'summary' ? 'summary' : 'full' })
                }
              >
                <option value="full">Saved in full, with pictures</option>
                <option value="summary">The feed's text only</option>
              </select>
            </label>
          </div>
          {state.error && (
            <p className="form-error" role="alert">
              {state.error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={closeSubscribe}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button-primary"
              data-testid="subscribe-submit"
              disabled={busy || !state.url.trim()}
            >
              {state.status === 'finding'
                ? 'Looking for feeds…'
                : state.status === 'subscribing'
                  ? 'Subscribing…'
                  : choosing
                    ? 'Subscribe'
                    : 'Find and subscribe'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
