import { useEffect, useRef, type JSX } from 'react'
import { closeAddDialog } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'
import { AddArticleForm } from './AddArticleForm'

export function AddArticleDialog(): JSX.Element {
  const open = useCapture((state) => state.dialogOpen)
  const dialogRef = useRef<HTMLDialogElement | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // showModal would focus the first tab; the field is where the person wants to type.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

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
