import { useEffect, type RefObject } from 'react'
import { paintHighlights, selectedPassage, selectionRect } from '@renderer/lib/highlights/frame-text'
import { setFrameSelection } from '@renderer/store/highlights/actions'
import { useHighlights } from '@renderer/store/highlights/store'

/** Room above a selection for the bar that offers to highlight it. */
const BAR_OFFSET = 44

/**
 * Paints the open article's highlights in the frame after every load and every change of them,
 * and tells the highlights store what the person selects there (with where to put the bar).
 */
export function useFrameHighlights(frameRef: RefObject<HTMLIFrameElement | null>, loads: number): void {
  const items = useHighlights((state) => state.items)

  useEffect(() => {
    const doc = frameRef.current?.contentDocument
    if (!doc || loads === 0) return
    paintHighlights(
      doc,
      // Where the main process found each one now is the best hint of where it is in the frame.
      items.map((h) => ({ ...h, start: h.at?.start ?? h.start, end: h.at?.end ?? h.end })),
    )
  }, [frameRef, loads, items])

  useEffect(() => {
    const frame = frameRef.current
    const doc = frame?.contentDocument
    if (!frame || !doc || loads === 0) return
    const onSelection = (): void => {
      const passage = selectedPassage(doc)
      const rect = passage ? selectionRect(doc) : null
      if (!passage || !rect) {
        setFrameSelection(null)
        return
      }
      setFrameSelection({
        passage,
        top: Math.max(0, frame.offsetTop + rect.top - BAR_OFFSET),
        left: Math.max(0, frame.offsetLeft + rect.left),
      })
    }
    doc.addEventListener('selectionchange', onSelection)
    return () => {
      doc.removeEventListener('selectionchange', onSelection)
      setFrameSelection(null)
    }
  }, [frameRef, loads])
}
