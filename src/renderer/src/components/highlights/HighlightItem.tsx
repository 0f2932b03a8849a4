import type { JSX } from 'react'
import { HIGHLIGHT_COLOURS, type AnchoredHighlight, type HighlightColour } from '@shared/highlights'
import { showHighlightInFrame } from '@renderer/lib/highlights/frame-text'
import { changeHighlight, editNote, removeHighlight } from '@renderer/store/highlights/actions'
import { useHighlights } from '@renderer/store/highlights/store'
import { HighlightNoteEditor } from './HighlightNoteEditor'

const COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
}

function prefersLessMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/** One highlight of the panel: its passage, its note, and what can be done with it. */
export function HighlightItem({ highlight }: { highlight: AnchoredHighlight }): JSX.Element {
  const editing = useHighlights((state) => state.editing === highlight.id)
  const orphaned = highlight.at === null
  const quoteId = `highlight-quote-${highlight.id}`
  return (
    <li
      className={`highlight-item highlight-item-${highlight.colour}${orphaned ? ' highlight-item-orphaned' : ''}`}
      data-testid="highlight-item"
      data-highlight={highlight.id}
    >
      <blockquote id={quoteId} className="highlight-quote">
        {highlight.exact}
      </blockquote>
      {orphaned ? (
        <p className="highlight-orphaned" data-testid="highlight-orphaned">
          Orphaned: this passage is no longer in the article’s text (it changed when captured again).
        </p>
      ) : null}
      {editing ? (
        <HighlightNoteEditor id={highlight.id} note={highlight.note} />
      ) : highlight.note !== '' ? (
        <p className="highlight-note" data-testid="highlight-note">
          {highlight.note}
        </p>
      ) : null}
      <div className="highlight-actions" role="group" aria-labelledby={quoteId}>
        {orphaned ? null : (
          <button type="button" onClick={() => showHighlightInFrame(highlight.id, !prefersLessMotion())}>
            Show in text
          </button>
        )}
        {editing ? null : (
          <button type="button" onClick={() => editNote(highlight.id)}>
            {highlight.note === '' ? 'Add note' : 'Edit note'}
          </button>
        )}
        <label className="highlight-colour">
          <span className="visually-hidden">Colour</span>
          <select
            value={highlight.colour}
            onChange={(event) =>
              void changeHighlight(highlight.id, { colour: event.target.value as HighlightColour })
            }
          >
            {HIGHLIGHT_COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {COLOUR_NAMES[colour]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="highlight-remove" onClick={() => void removeHighlight(highlight.id)}>
          Remove
        </button>
      </div>
    </li>
  )
}
