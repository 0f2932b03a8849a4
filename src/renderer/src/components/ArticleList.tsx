import { useEffect, useRef, type JSX } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { showRows } from '@renderer/store/library/list-actions'
import { articleAt } from '@renderer/store/library/selectors'
import { useLibrary } from '@renderer/store/library/store'
import { ArticleRow, ROW_HEIGHT, rowDomId } from './ArticleRow'
import { FoldedStoryArticles } from './stories/FoldedStoryArticles'
import { useExpandedHeight } from './stories/useExpandedHeight'

/** Long enough to skip the pages a dragged scrollbar passes over, short enough not to be seen. */
const SETTLE_MS = 60

export function ArticleList(): JSX.Element {
  const total = useLibrary((state) => state.total)
  const pages = useLibrary((state) => state.pages)
  const selectedIndex = useLibrary((state) => state.selectedIndex)
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const expandedHeight = useExpandedHeight(pages)

  // Every row is the same height, so 100,000 rows cost no measuring.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHT + expandedHeight(index),
    overscan: 6,
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows[0]?.index ?? 0
  const last = rows[rows.length - 1]?.index ?? 0

  useEffect(() => {
    const timer = setTimeout(() => showRows(first, last), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [first, last, total])

  // Only when the selection moves: a refresh must not pull the list back while someone scrolls it.
  useEffect(() => {
    if (selectedIndex !== null && selectedIndex < virtualizer.options.count)
      virtualizer.scrollToIndex(selectedIndex)
  }, [selectedIndex, virtualizer])

  const selectedRendered = selectedIndex !== null && selectedIndex >= first && selectedIndex <= last

  return (
    <div
      ref={scrollRef}
      className="article-list"
      role="listbox"
      aria-label="Articles"
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={selectedRendered ? rowDomId(selectedIndex) : undefined}
      data-testid="article-list"
    >
      <div role="presentation" className="article-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <ArticleRow
            key={row.key}
            index={row.index}
            start={row.start}
            total={total}
            article={articleAt({ pages }, row.index)}
            selected={row.index === selectedIndex}
          />
        ))}
        <FoldedStoryArticles rows={rows} virtualizer={virtualizer} />
      </div>
    </div>
  )
}
