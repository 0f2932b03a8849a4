import { useEffect, useRef, type RefObject } from 'react'
import { flushPosition, positionToRestore, readerMovedTo } from '@renderer/store/reading/position-actions'

export function scrolledFraction(
  pane: Pick<HTMLElement, 'scrollTop' | 'scrollHeight' | 'clientHeight'>,
): number | null {
  const room = pane.scrollHeight - pane.clientHeight
  return room > 0 ? Math.min(1, Math.max(0, pane.scrollTop / room)) : null
}

interface Restoring {
  target: number | null
  /** Where the reader last put the pane; a scroll anywhere else is the person's own. */
  setTop: number | null
}

/**
 * Opens each article where the person left it. The frame grows as its pictures and fonts load,
 * so the place is applied again at each change of height until the person scrolls by themselves
 * (wheel and keys over the frame reach the frame's document, not the pane, so a scroll to
 * anywhere but where the reader put it is what tells); from then on, where they pause is kept.
 */
export function useReadingPosition(
  scrollRef: RefObject<HTMLElement | null>,
  articleId: string | undefined,
): (pane: HTMLElement) => void {
  const restoring = useRef<Restoring | null>(null)

  useEffect(() => {
    const pane = scrollRef.current
    if (!pane) return
    pane.scrollTo({ top: 0 })
    if (!articleId) return
    const state: Restoring = { target: null, setTop: null }
    restoring.current = state
    const apply = (): void => {
      const room = pane.scrollHeight - pane.clientHeight
      if (restoring.current !== state || state.target === null || room <= 0) return
      state.setTop = Math.round(state.target * room)
      pane.scrollTop = state.setTop
    }
    void positionToRestore(articleId).then((progress) => {
      if (progress === null) {
        if (restoring.current === state) restoring.current = null
        return
      }
      state.target = progress
      apply()
    })
    const observer = new ResizeObserver(apply)
    for (const child of pane.children) observer.observe(child)
    return () => {
      observer.disconnect()
      if (restoring.current === state) restoring.current = null
      flushPosition()
    }
  }, [scrollRef, articleId])

  return (pane: HTMLElement): void => {
    const state = restoring.current
    if (state) {
      if (state.setTop === null || Math.abs(pane.scrollTop - state.setTop) <= 2) return
      restoring.current = null
    }
    const progress = scrolledFraction(pane)
    if (articleId && progress !== null) readerMovedTo(articleId, progress)
  }
}
