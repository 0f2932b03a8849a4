import { Fragment, type JSX } from 'react'
import { SHORTCUTS } from '@renderer/shortcuts'
import { setShortcutsOpen } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

export function ShortcutsHelp(): JSX.Element {
  const open = useUi((state) => state.shortcutsOpen)
  const dialogRef = useModalDialog(open)

  return (
    <dialog
      ref={dialogRef}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onClose={() => setShortcutsOpen(false)}
    >
      <h2 id="shortcuts-title" className="dialog-title">
        Keyboard shortcuts
      </h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map(({ keys, does }) => (
          <Fragment key={does}>
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{does}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setShortcutsOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  )
}
