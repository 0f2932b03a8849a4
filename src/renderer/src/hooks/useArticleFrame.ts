import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { forwardFrameEvents, interceptFrameLinks, watchFrameHeight } from '@renderer/lib/frame-wiring'
import { handleShortcutKey } from '@renderer/shortcuts'
import { setDropping } from '@renderer/store/ui/actions'
import { mayHoldArticle } from './drop-data'

export interface ArticleFrameWiring {
  frameRef: RefObject<HTMLIFrameElement | null>
  height: number
  /** How many times the frame has loaded a document (highlights paint after each). */
  loads: number
  onLoad: () => void
}

function onFrameDragEnter(event: DragEvent): void {
  // A drag that enters over the article would never reach the window: raise the overlay, which
  // then receives the rest of the drag.
  if (!mayHoldArticle(event.dataTransfer)) return
  event.preventDefault()
  setDropping(true)
}

/**
 * Every srcdoc change loads a new document, so listeners are attached again on each load, and the
 * frame takes its content's height so the reader pane scrolls as one.
 */
export function useArticleFrame(): ArticleFrameWiring {
  const frameRef = useRef<HTMLIFrameElement | null>(null)
  const detachRef = useRef<(() => void) | null>(null)
  const [height, setHeight] = useState(0)
  const [loads, setLoads] = useState(0)

  const onLoad = useCallback((): void => {
    detachRef.current?.()
    detachRef.current = null
    const doc = frameRef.current?.contentDocument
    if (!doc) return
    const detachers = [
      watchFrameHeight(doc, setHeight),
      interceptFrameLinks(doc),
      forwardFrameEvents(doc, { keydown: handleShortcutKey, dragenter: onFrameDragEnter }),
    ]
    detachRef.current = () => detachers.forEach((detach) => detach())
    setLoads((n) => n + 1)
  }, [])

  useEffect(() => {
    const detach = detachRef
    return () => detach.current?.()
  }, [])

  return { frameRef, height, loads, onLoad }
}
