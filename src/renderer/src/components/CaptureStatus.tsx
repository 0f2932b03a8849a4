import type { JSX } from 'react'
import { activeProgress, describeProgress, isCapturing } from '@renderer/store/capture/selectors'
import { useCapture } from '@renderer/store/capture/store'

/** Progress of the capture this window started; a polite live region so it is heard, not just seen. */
export function CaptureStatus({ floating = false }: { floating?: boolean }): JSX.Element | null {
  const busy = useCapture(isCapturing)
  const progress = useCapture(activeProgress)
  const tab = useCapture((state) => state.tab)

  // The in-dialog region always exists, so screen readers announce its first message.
  if (floating && !busy) return null
  const showBar = progress?.stage === 'images' && progress.total
  return (
    <div
      className={floating ? 'capture-status capture-status-floating' : 'capture-status'}
      role="status"
      aria-live="polite"
      data-testid="capture-progress"
    >
      {busy && (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>{describeProgress(progress, tab)}</span>
          {showBar && <progress className="capture-bar" max={progress.total} value={progress.done ?? 0} />}
        </>
      )}
    </div>
  )
}
