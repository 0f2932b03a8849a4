import { useEffect, useState, type JSX } from 'react'
import { showAddedArticle } from '@renderer/store/library/article-actions'
import { dismissToast } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'

/** Long enough to notice a mistaken delete and press Undo. */
export const TOAST_MS = 8000

/**
 * One passing notice at a time, in the notice tray below the window's panes (so it never covers
 * what is being read). It times out, but not while the pointer is on it or focus is in it, and it
 * is announced through a polite live region. A notice about an article names it and opens it.
 */
export function ToastBar(): JSX.Element {
  const toast = useUi((state) => state.toast)
  const toastId = toast?.id
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const held = hovered || focused

  useEffect(() => {
    if (toastId === undefined || held) return
    const timer = setTimeout(() => dismissToast(toastId), TOAST_MS)
    return () => clearTimeout(timer)
  }, [toastId, held])

  return (
    <div
      className="toast-region"
      role="status"
      aria-live="polite"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false)
      }}
    >
      {toast && (
        <div className="toast" data-testid="toast">
          {toast.article && (
            <strong className="toast-article" data-testid="toast-article">
              {toast.article.title || 'Untitled article'}:
            </strong>
          )}
          <span>{toast.message}</span>
          {toast.article && (
            <button
              type="button"
              className="toast-action"
              data-testid="toast-open"
              aria-label={`Open “${toast.article.title || 'Untitled article'}”`}
              onClick={() => {
                if (toast.article) showAddedArticle(toast.article.id, true)
                dismissToast(toast.id)
              }}
            >
              Open
            </button>
          )}
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
          <button
            type="button"
            className="toast-action toast-close"
            aria-label="Dismiss this notice"
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
