import type { JSX } from 'react'
import { useCapture } from '@renderer/store/capture/store'
import { AddQueueStatus } from '../add-queue/AddQueueStatus'
import { CaptureStatus } from '../CaptureStatus'
import { ToastBar } from '../ToastBar'

/**
 * The window's notices (capture progress, the add queue, passing notices), in a strip below the
 * panes rather than floating over them: a notice never covers the article being read, at any size.
 */
export function NoticeTray(): JSX.Element {
  const dialogOpen = useCapture((state) => state.dialogOpen)
  return (
    <div className="notice-tray" data-testid="notice-tray">
      {/* The dialog shows progress itself while open; this keeps it visible after it is closed. */}
      {!dialogOpen && <CaptureStatus floating />}
      <AddQueueStatus />
      <ToastBar />
    </div>
  )
}
