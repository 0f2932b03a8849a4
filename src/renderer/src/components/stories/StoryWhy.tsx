import type { JSX } from 'react'
import type { StoryEvidence } from '@shared/stories'
import { countryLabel } from './story-labels'

const HEADINGS = { name: 'Names and places', number: 'Numbers', country: 'Countries' } as const

/** Why grouped: what the articles share, so a wrong group is easy to see. */
export function StoryWhy({
  evidence,
  articles,
}: {
  evidence: StoryEvidence[]
  articles: number
}): JSX.Element {
  const kinds = (['name', 'number', 'country'] as const).filter((kind) =>
    evidence.some((e) => e.kind === kind),
  )
  return (
    <section className="story-why" aria-labelledby="story-why-title" data-testid="story-why">
      <h2 id="story-why-title" className="story-subheading">
        Why grouped
      </h2>
      {kinds.length === 0 && (
        <p className="stories-empty">The articles share their words, but no name or number.</p>
      )}
      <dl className="story-why-list">
        {kinds.map((kind) => (
          <div key={kind}>
            <dt>{HEADINGS[kind]}</dt>
            <dd>
              {evidence
                .filter((e) => e.kind === kind)
                .map((e) => (
                  <span key={e.label} className="story-evidence" dir="auto">
                    {kind === 'country' ? countryLabel(e.label) : e.label}
                    <span className="story-evidence-count">
                      {' '}
                      ({e.articles} of {articles})
                    </span>
                  </span>
                ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
