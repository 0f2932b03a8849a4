import { useEffect, useRef, type JSX } from 'react'
import { BOOKMARKLET } from '@shared/dateline-link'

/**
 * The bookmarklet, to drag to the bookmarks bar of a browser without the extension. React blocks
 * javascript: addresses in href (rightly, for anything it renders from data), so this one constant
 * is set on the element directly; clicking it here does nothing (the page's CSP runs no such script).
 */
export function BookmarkletLink(): JSX.Element {
  const ref = useRef<HTMLAnchorElement | null>(null)
  useEffect(() => {
    ref.current?.setAttribute('href', BOOKMARKLET)
  }, [])
  return (
    <a
      ref={ref}
      className="button extension-bookmarklet"
      data-testid="bookmarklet"
      draggable
      onClick={(event) => event.preventDefault()}
    >
      Save to Dateline
    </a>
  )
}
