import type { JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { CorrespondentNames } from './CorrespondentNames'

/** A row's source line: the outlet, then who wrote it, each name opening their page. */
export function RowSource({ article }: { article: ArticleSummary }): JSX.Element {
  return (
    <>
      {article.siteName && `${article.siteName} · `}
      <CorrespondentNames people={article.correspondents} inRow />
    </>
  )
}
