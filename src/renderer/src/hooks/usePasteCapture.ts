import { useEffect } from 'react'
import { isHttpUrl } from '@renderer/lib/capture-input'
import { captureDropped } from '@renderer/store/capture/actions'
import { useCapture } from '@renderer/store/capture/store'

function isTextField(element: Element | null): boolean {
  if (!element) return false
  return (
    (element as HTMLElement).isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
  )
}

/** Pasting a web address onto the window (not into a field) adds that article. */
export function usePasteCapture(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      if (useCapture.getState().dialogOpen || isTextField(document.activeElement)) return
      const text = event.clipboardData?.getData('text/plain').trim() ?? ''
      if (!isHttpUrl(text)) return
      event.preventDefault()
      captureDropped({ url: text })
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [])
}
