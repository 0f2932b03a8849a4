import { openableHref, openExternally } from './external-link'

/*
 * The article frame runs no scripts of its own (no allow-scripts), but it is same-origin, so the
 * parent listens on its document. Nodes there belong to another realm: `instanceof Element` is
 * false for them, hence the duck typing below.
 */

interface ClosestCapable {
  closest(selector: string): Element | null
}

function hasClosest(target: EventTarget | null): target is EventTarget & ClosestCapable {
  return typeof target === 'object' && target !== null && 'closest' in target
}

export function frameContentHeight(doc: Document): number {
  // The root's box, not scrollHeight: scrollHeight never drops below the frame's current height, so
  // a smaller font would leave empty space under the article.
  return Math.ceil(doc.documentElement.getBoundingClientRect().height)
}

export function watchFrameHeight(doc: Document, onHeight: (height: number) => void): () => void {
  const measure = (): void => onHeight(frameContentHeight(doc))
  measure()
  // load and error do not bubble, but they can be captured: one listener covers every picture.
  doc.addEventListener('load', measure, true)
  doc.addEventListener('error', measure, true)
  const observer = new ResizeObserver(measure)
  observer.observe(doc.documentElement)
  return () => {
    doc.removeEventListener('load', measure, true)
    doc.removeEventListener('error', measure, true)
    observer.disconnect()
  }
}

export function interceptFrameLinks(doc: Document): () => void {
  const onClick = (event: MouseEvent): void => {
    if (!hasClosest(event.target)) return
    const anchor = event.target.closest('a[href]')
    if (!anchor) return
    // Without this the link would load inside the frame, replacing the article.
    event.preventDefault()
    if (event.type === 'auxclick' && event.button !== 1) return
    const href = openableHref(anchor.getAttribute('href'))
    if (href) openExternally(href)
  }
  doc.addEventListener('click', onClick)
  doc.addEventListener('auxclick', onClick)
  return () => {
    doc.removeEventListener('click', onClick)
    doc.removeEventListener('auxclick', onClick)
  }
}

export interface FrameForwarding {
  keydown: (event: KeyboardEvent) => void
  dragenter: (event: DragEvent) => void
}

/** Keys and drags that start over the article reach the frame's document, not the window. */
export function forwardFrameEvents(doc: Document, forwarding: FrameForwarding): () => void {
  const stopDrop = (event: DragEvent): void => event.preventDefault()
  doc.addEventListener('keydown', forwarding.keydown)
  doc.addEventListener('dragenter', forwarding.dragenter)
  doc.addEventListener('dragover', stopDrop)
  doc.addEventListener('drop', stopDrop)
  return () => {
    doc.removeEventListener('keydown', forwarding.keydown)
    doc.removeEventListener('dragenter', forwarding.dragenter)
    doc.removeEventListener('dragover', stopDrop)
    doc.removeEventListener('drop', stopDrop)
  }
}
