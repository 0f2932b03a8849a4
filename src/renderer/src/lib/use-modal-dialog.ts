import { useEffect, useRef, type RefObject } from 'react'

/**
 * A `<dialog>` shown modally while `open` holds and closed when it stops, for the window's
 * dialogs. With `autofocus`, the element marked `data-autofocus` takes the focus rather than the
 * dialog's first control: where the person wants to type.
 */
export function useModalDialog(
  open: boolean,
  options: { autofocus?: boolean } = {},
): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement | null>(null)
  const autofocus = options.autofocus ?? false
  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      if (autofocus) dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open, autofocus])
  return dialogRef
}
