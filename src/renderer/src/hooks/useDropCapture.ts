import { useEffect } from 'react'
import { queueFiles } from '@renderer/store/add-queue/actions'
import { captureDropped } from '@renderer/store/capture/actions'
import { setDropping, showToast } from '@renderer/store/ui/actions'
import { droppedArticle, mayHoldArticle } from './drop-data'

/**
 * dragover repeats every few hundred milliseconds while a drag is over the window, so its silence
 * means the drag has left (dragleave alone is unreliable across browsers).
 */
const DRAG_SILENCE_MS = 800

/** Links and .html/.txt files dropped anywhere on the window become articles. */
export function useDropCapture(): void {
  useEffect(() => {
    let silence: ReturnType<typeof setTimeout> | undefined
    const stopDropping = (): void => {
      clearTimeout(silence)
      setDropping(false)
    }
    const onDragOver = (event: DragEvent): void => {
      if (!mayHoldArticle(event.dataTransfer)) return
      // Accepting the drag here is what stops the browser from opening the dropped file itself.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
      setDropping(true)
      clearTimeout(silence)
      silence = setTimeout(stopDropping, DRAG_SILENCE_MS)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget === null) stopDropping()
    }
    const onDrop = (event: DragEvent): void => {
      stopDropping()
      if (!event.dataTransfer || !mayHoldArticle(event.dataTransfer)) return
      event.preventDefault()
      const dropped = droppedArticle(event.dataTransfer)
      if (dropped && 'files' in dropped) queueFiles(dropped.files)
      else if (dropped) captureDropped(dropped)
      else showToast('Drop a link, or an .html, .htm or .txt file.')
    }
    window.addEventListener('dragenter', onDragOver)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onDragOver)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
      stopDropping()
    }
  }, [])
}
