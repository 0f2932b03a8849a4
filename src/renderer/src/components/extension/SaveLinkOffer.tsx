import { type JSX } from 'react'
import { acceptOfferedSave, declineOfferedSave } from '@renderer/store/extension/actions'
import { useExtension } from '@renderer/store/extension/store'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

/**
 * The question a dateline://add link opens: nothing is saved until the person says so, and the
 * address is shown whole, as text, so a crafted link cannot pass for another.
 */
export function SaveLinkOffer(): JSX.Element {
  const url = useExtension((state) => state.offeredUrl)
  const dialogRef = useModalDialog(Boolean(url))
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      data-testid="save-link-offer"
      aria-labelledby="save-link-title"
      onClose={declineOfferedSave}
    >
      {url && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            void acceptOfferedSave()
          }}
        >
          <h2 id="save-link-title">Save this page in Dateline?</h2>
          <p className="save-link-url">{url}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={declineOfferedSave}>
              Don’t save
            </button>
            <button type="submit" className="button button-primary" data-testid="save-link-accept">
              Save
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
