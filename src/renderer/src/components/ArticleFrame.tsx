import { useMemo, type JSX } from 'react'
import type { Article } from '@shared/article'
import { resolveMediaUrls } from '@shared/media'
import type { Settings } from '@shared/settings'
import { api } from '@renderer/api'
import { useArticleFrame } from '@renderer/hooks/useArticleFrame'
import { useFrameHighlights } from '@renderer/hooks/useFrameHighlights'
import { displayTitle } from '@renderer/lib/format'
import { buildReaderDocument, type ResolvedTheme } from '@renderer/lib/reader-document'
import { printedMetaOf } from '@renderer/lib/reading/printed-meta'
import { readerFonts } from '@renderer/lib/reading/reader-fonts'
import { HighlightSelectionBar } from './highlights/HighlightSelectionBar'

interface ArticleFrameProps {
  article: Article
  settings: Settings
  theme: ResolvedTheme
}

/**
 * The only place article HTML is shown. The frame is same-origin so the window can size it and
 * catch its links, but runs no scripts, submits no forms and opens nothing by itself.
 */
export function ArticleFrame({ article, settings, theme }: ArticleFrameProps): JSX.Element {
  const { frameRef, height, loads, onLoad } = useArticleFrame()
  useFrameHighlights(frameRef, loads)
  const title = displayTitle(article)
  const { html, lang } = article
  const printedMeta = printedMetaOf(article)

  const srcDoc = useMemo(
    () =>
      buildReaderDocument({
        html: resolveMediaUrls(html, api.mediaBaseUrl),
        title,
        lang,
        settings,
        theme,
        mediaBaseUrl: api.mediaBaseUrl,
        fonts: readerFonts(),
        printedMeta,
      }),
    [html, title, lang, settings, theme, printedMeta],
  )

  return (
    <>
      <iframe
        ref={frameRef}
        className="article-frame"
        title="Article text"
        data-testid="article-frame"
        sandbox="allow-same-origin"
        srcDoc={srcDoc}
        onLoad={onLoad}
        style={{ height }}
      />
      <HighlightSelectionBar />
    </>
  )
}
