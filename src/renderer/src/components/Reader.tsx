import type { JSX } from 'react'
import type { Article } from '@shared/article'
import type { Settings } from '@shared/settings'
import type { ResolvedTheme } from '@renderer/lib/reader-document'
import { textDirection } from '@renderer/lib/reading/text-direction'
import { ArticleFrame } from './ArticleFrame'
import { HighlightsPanel } from './highlights/HighlightsPanel'
import { ReaderHeader } from './ReaderHeader'

interface ReaderProps {
  article: Article
  settings: Settings
  theme: ResolvedTheme
}

export function Reader({ article, settings, theme }: ReaderProps): JSX.Element {
  return (
    <article
      className="reader"
      aria-labelledby="reader-title"
      lang={article.lang ?? undefined}
      dir={textDirection(article.lang)}
    >
      <ReaderHeader article={article} />
      <ArticleFrame article={article} settings={settings} theme={theme} />
      <HighlightsPanel article={article} />
    </article>
  )
}
