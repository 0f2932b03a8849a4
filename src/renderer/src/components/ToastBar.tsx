import { useEffect, type JSX } from 'react'
import { dismissToast } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'

/** Long enough to notice a mistaken delete and press Undo. */
const TOAST_MS = 8000

export function ToastBar(): JSX.Element {
  const toast = useUi((state) => state.toast)
  const toastId = toast?.id

  useEffect(() => {
    if (toastId === undefined) return
    const timer = setTimeout(() => dismissToast(toastId), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toastId])

  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <>
              <span aria-hidden="true">—</span>
              <button
                type="button"
                className="toast-action"
                data-testid={toast.action.testId}
                onClick={() => {
                  toast.action?.run()
                  dismissToast(toast.id)
                }}
              >
                {toast.action.label}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  )
}
