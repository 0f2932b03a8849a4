import { useRef, type CSSProperties, type JSX } from 'react'
import { useReadingPosition } from '@renderer/hooks/useReadingPosition'
import { useResolvedTheme } from '@renderer/hooks/useResolvedTheme'
import { readerCssVariables } from '@renderer/lib/reader-document'
import { readerScrolled } from '@renderer/store/library/read-tracking'
import { useLibrary } from '@renderer/store/library/store'
import { selectSettings } from '@renderer/store/settings/selectors'
import { useSettings } from '@renderer/store/settings/store'
import { Reader } from './Reader'
import { ReaderToolbar } from './ReaderToolbar'
import { ReadingProgressBar } from './reading/ReadingProgressBar'

export function ReaderPane(): JSX.Element {
  const article = useLibrary((state) => state.article)
  const loading = useLibrary((state) => state.articleLoading)
  const settings = useSettings(selectSettings)
  const theme = useResolvedTheme()
  const scrollRef = useRef<HTMLDivElement | null>(null)
  const articleId = article?.id

  const reportPosition = useReadingPosition(scrollRef, articleId)

  return (
    <section
      className="reader-pane"
      aria-label="Reader"
      style={readerCssVariables(settings, theme) as CSSProperties}
    >
      <ReaderToolbar />
      <ReadingProgressBar />
      {/* Focusable (also by Tab) so Space and the arrow keys scroll the article, by keyboard alone. */}
      <div
        ref={scrollRef}
        className="reader-scroll"
        tabIndex={0}
        role="region"
        aria-label="Article text"
        data-reader-scroll
        onScroll={(event) => {
          const pane = event.currentTarget
          readerScrolled(pane.scrollTop, pane.clientHeight, pane.scrollHeight)
          reportPosition(pane)
        }}
      >
        {article ? (
          <Reader article={article} settings={settings} theme={theme} />
        ) : (
          <p className="reader-empty">{loading ? 'Opening the article…' : 'Select an article to read it.'}</p>
        )}
      </div>
    </section>
  )
}
