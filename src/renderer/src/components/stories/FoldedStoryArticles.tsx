import { useEffect, type JSX } from 'react'
import type { Virtualizer, VirtualItem } from '@tanstack/react-virtual'
import { articleAt } from '@renderer/store/library/selectors'
import { useLibrary } from '@renderer/store/library/store'
import { readStoryArticle } from '@renderer/store/stories/actions'
import { storyLineHeight, useStoryFold } from '@renderer/store/stories/fold'
import { ROW_HEIGHT } from '../ArticleRow'
import { languageName, storyTime } from './story-labels'

/**
 * Under each expanded row of the folded list, its story's other articles, indented, oldest first.
 * A group of options beside the row (not in it: a row is an option and holds no control; and a
 * listbox holds only options and groups of them), each reached with Tab and opened with Enter;
 * the list's virtualizer makes room for it (`expandedHeight`).
 */
export function FoldedStoryArticles({
  rows,
  virtualizer,
}: {
  rows: VirtualItem[]
  virtualizer: Virtualizer<HTMLDivElement, Element>
}): JSX.Element | null {
  const expanded = useStoryFold((state) => state.expanded)
  const folded = useStoryFold((state) => state.folded)
  const storyRows = useStoryFold((state) => state.rows)
  const pages = useLibrary((state) => state.pages)
  // The rows below move down (or back up) as a story opens or closes, or its row moves, or a
  // page's stories arrive (a story's row is a line taller).
  const moved = Object.keys(expanded).length > 0 ? pages : null
  useEffect(() => virtualizer.measure(), [virtualizer, expanded, folded, moved, storyRows])
  if (!folded) return null
  return (
    <>
      {rows.map((row) => {
        const lead = articleAt({ pages }, row.index)
        const others = lead ? expanded[lead.id] : undefined
        if (!lead || others === undefined) return null
        const top = ROW_HEIGHT + storyLineHeight({ folded, rows: storyRows }, lead)
        return (
          <div
            key={`story-${lead.id}`}
            role="group"
            aria-label={`The story’s other articles: ${lead.title}`}
            className="folded-story"
            data-testid="folded-story"
            style={{ transform: `translateY(${row.start + top}px)`, height: row.size - top }}
          >
            {others === 'loading' ? (
              <p className="folded-story-loading">Loading…</p>
            ) : (
              others.map((item) => (
                <div
                  key={item.article.id}
                  role="option"
                  aria-selected={false}
                  tabIndex={0}
                  className="folded-story-article"
                  data-testid="folded-story-article"
                  onClick={() => readStoryArticle(item.article.id)}
                  onKeyDown={(event) => {
                    if (event.key !== 'Enter' && event.key !== ' ') return
                    // Not the list's Enter, which opens the selected row.
                    event.preventDefault()
                    event.stopPropagation()
                    readStoryArticle(item.article.id)
                  }}
                >
                  <span className="folded-story-title" lang={item.article.lang ?? undefined} dir="auto">
                    {item.article.title}
                  </span>
                  <span className="folded-story-source">
                    {[
                      item.article.siteName ?? 'Unknown outlet',
                      item.article.lang ? languageName(item.article.lang) : null,
                      storyTime(item.at),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
              ))
            )}
          </div>
        )
      })}
    </>
  )
}
