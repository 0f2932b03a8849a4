import { useEffect, type JSX } from 'react'
import type { Article } from '@shared/article'
import type { AnchoredHighlight } from '@shared/highlights'
import { loadHighlights, startHighlights } from '@renderer/store/highlights/actions'
import { useHighlights } from '@renderer/store/highlights/store'
import { HighlightItem } from './HighlightItem'

const NONE: readonly AnchoredHighlight[] = []

/** The open article's highlights and notes, under its text, in the order of the text. */
export function HighlightsPanel({ article }: { article: Article }): JSX.Element {
  const items = useHighlights((state) => (state.articleId === article.id ? state.items : NONE))
  const { id, updatedAt } = article

  useEffect(() => {
    startHighlights()
    // A re-capture (a new updatedAt) anchors them again against the new text.
    void loadHighlights(id)
  }, [id, updatedAt])

  return (
    <section className="highlights-panel" aria-labelledby="highlights-heading" data-testid="highlights-panel">
      <h2 id="highlights-heading" className="highlights-heading">
        Highlights{items.length > 0 ? ` (${items.length})` : ''}
      </h2>
      {items.length === 0 ? (
        <p className="highlights-empty">
          Select a passage of the article, then choose Highlight (or press h) to keep it here, with a note if
          you like.
        </p>
      ) : (
        <ol className="highlights-list">
          {items.map((highlight) => (
            <HighlightItem key={highlight.id} highlight={highlight} />
          ))}
        </ol>
      )}
    </section>
  )
}
