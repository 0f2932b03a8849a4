import {
  Children,
  isValidElement,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type JSX,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react'
import { useDismiss } from '@renderer/hooks/useDismiss'
import { fittingCount, TOOLBAR_GAP as GAP } from '@renderer/lib/toolbar-fit'

interface OverflowToolbarProps {
  label: string
  /** Keyed controls, in order of importance: the last ones go into the More menu first. */
  children: ReactNode
  /** Always shown at the end (the reader settings). */
  end?: ReactNode
}

/** Room kept for an item not measured yet (one that has only been shown in the menu). */
const UNMEASURED_WIDTH = 96
const MORE_KEY = '\u0000more'

function keyOf(element: ReactElement, index: number): string {
  return element.key ?? String(index)
}

/**
 * A toolbar that never grows past its pane: the controls that do not fit move, last first, into a
 * More menu (a disclosure with a group of the same buttons), so every action stays one or two
 * presses away at 800 px as at 4K. Widths are measured while a control is in the row and kept,
 * so a control in the menu knows whether it would fit back.
 */
export function OverflowToolbar({ label, children, end }: OverflowToolbarProps): JSX.Element {
  const items = Children.toArray(children).filter(isValidElement)
  const toolbarRef = useRef<HTMLDivElement | null>(null)
  const rowRef = useRef<HTMLDivElement | null>(null)
  const endRef = useRef<HTMLDivElement | null>(null)
  const moreRef = useRef<HTMLDivElement | null>(null)
  const widths = useRef(new Map<string, number>())
  const [shown, setShown] = useState(items.length)
  const [menuOpen, setMenuOpen] = useState(false)
  const close = useCallback(() => setMenuOpen(false), [])
  useDismiss(moreRef, menuOpen, close)

  const keys = items.map(keyOf)
  const keyList = keys.join('\u0000')

  const layOut = useCallback((): void => {
    const toolbar = toolbarRef.current
    const row = rowRef.current
    if (!toolbar || !row) return
    for (const child of Array.from(row.children)) {
      const key = (child as HTMLElement).dataset.toolbarKey
      if (key !== undefined) widths.current.set(key, child.getBoundingClientRect().width)
    }
    const style = getComputedStyle(toolbar)
    const available =
      toolbar.clientWidth -
      parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight) -
      (endRef.current?.getBoundingClientRect().width ?? 0) -
      GAP
    const more = moreRef.current?.getBoundingClientRect().width
    if (more) widths.current.set(MORE_KEY, more)
    const moreWidth = widths.current.get(MORE_KEY) ?? 80
    const count = fittingCount(
      keyList === '' ? [] : keyList.split('\u0000').map((key) => widths.current.get(key) ?? UNMEASURED_WIDTH),
      available,
      moreWidth,
    )
    setShown((current) => (current === count ? current : count))
  }, [keyList])

  useLayoutEffect(() => {
    layOut()
  })

  useLayoutEffect(() => {
    const toolbar = toolbarRef.current
    if (!toolbar || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => layOut())
    observer.observe(toolbar)
    return () => observer.disconnect()
  }, [layOut])

  const overflow = items.slice(shown)
  const open = menuOpen && overflow.length > 0

  // A plain action run from the menu closes it; a control that opens its own popover keeps it.
  const closeAfterAction = (event: MouseEvent<HTMLDivElement>): void => {
    const button = (event.target as Element).closest('button')
    if (button && !button.hasAttribute('aria-expanded')) setMenuOpen(false)
  }

  return (
    <div className="reader-toolbar" role="toolbar" aria-label={label} ref={toolbarRef}>
      <div className="toolbar-row" ref={rowRef}>
        {items.slice(0, shown).map((item, index) => (
          <div className="toolbar-item" key={keyOf(item, index)} data-toolbar-key={keyOf(item, index)}>
            {item}
          </div>
        ))}
      </div>
      {overflow.length > 0 && (
        <div className="popover-anchor toolbar-item" ref={moreRef}>
          <button
            type="button"
            className="button"
            data-testid="toolbar-more"
            aria-expanded={open}
            aria-controls="toolbar-more-panel"
            onClick={() => setMenuOpen(!open)}
          >
            More <span aria-hidden="true">▾</span>
          </button>
          {open && (
            <div
              className="popover toolbar-more-panel"
              id="toolbar-more-panel"
              role="group"
              aria-label={`More ${label.toLowerCase()} actions`}
              onClick={closeAfterAction}
            >
              {overflow.map((item, index) => (
                <div className="toolbar-more-item" key={keyOf(item, shown + index)}>
                  {item}
                </div>
              ))}
            </div>
          )}
        </div>
      )}
      <span className="toolbar-spacer" />
      <div className="toolbar-end" ref={endRef}>
        {end}
      </div>
    </div>
  )
}
