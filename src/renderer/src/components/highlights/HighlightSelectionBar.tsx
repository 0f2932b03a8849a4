import type { JSX } from 'react'
import { highlightSelection } from '@renderer/store/highlights/actions'
import { useHighlights } from '@renderer/store/highlights/store'

/** Offered over text selected in the article: keep it as a highlight, or as one with a note. */
export function HighlightSelectionBar(): JSX.Element | null {
  const selection = useHighlights((state) => state.selection)
  if (!selection) return null
  return (
    <div
      className="highlight-bar"
      role="toolbar"
      aria-label="Selected text"
      data-testid="highlight-bar"
      style={{ top: selection.top, insetInlineStart: selection.left }}
      // Pressing a button must not take the selection away before it is read.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" aria-keyshortcuts="h" onClick={() => void highlightSelection()}>
        Highlight
      </button>
      <button type="button" aria-keyshortcuts="Shift+H" onClick={() => void highlightSelection(true)}>
        Add note
      </button>
    </div>
  )
}
