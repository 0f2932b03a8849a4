import type { JSX } from 'react'
import { highlightPieces, type HighlightedText } from '@shared/search'

/** Text with the search's matches in <mark>, rendered as text by React (never as HTML). */
export function Highlighted({ value }: { value: HighlightedText }): JSX.Element {
  return (
    <>
      {highlightPieces(value).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  )
}
