import { type JSX } from 'react'
import { closeAddDialog } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'
import { AddArticleForm } from './AddArticleForm'
import { useModalDialog } from '@renderer/lib/use-modal-dialog'

export function AddArticleDialog(): JSX.Element {
  const open = useCapture((state) => state.dialogOpen)
  const dialogRef = useModalDialog(open, { autofocus: true })

  return (
    <dialog
      ref={dialogRef}
      className="dialog add-dialog"
      data-testid="add-dialog"
      aria-labelledby="add-title"
      onClose={closeAddDialog}
    >
      {open && <AddArticleForm />}
    </dialog>
  )
}
