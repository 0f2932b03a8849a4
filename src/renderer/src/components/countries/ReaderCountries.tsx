import { lazy, Suspense, type JSX } from 'react'
import type { ArticleSummary } from '@shared/article'
import { AddCountryField } from './AddCountryField'
import { CountryChip } from './CountryChip'

// The shapes (1:50m, ~0.7 MB) load with the first map shown, not with the window.
const LocatorMap = lazy(() => import('./LocatorMap'))

/** The reader's countries: chips to follow or correct, a field to add one, and where they are. */
export function ReaderCountries({ article }: { article: ArticleSummary }): JSX.Element {
  return (
    <div className="reader-countries" aria-label="Countries" role="group" data-testid="reader-countries">
      <div className="reader-country-chips">
        {article.countries.map((tag) => (
          <CountryChip key={tag.code} articleId={article.id} tag={tag} />
        ))}
        <AddCountryField key={article.id} articleId={article.id} />
      </div>
      {article.countries.length > 0 && (
        <Suspense fallback={<div className="locator-map locator-map-loading" />}>
          <LocatorMap countries={article.countries} />
        </Suspense>
      )}
    </div>
  )
}
