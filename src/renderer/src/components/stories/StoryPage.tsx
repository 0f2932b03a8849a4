import type { JSX } from 'react'
import { mergeStory, showStories } from '@renderer/store/stories/actions'
import { useStories } from '@renderer/store/stories/store'
import { countryLabel, languageName, plural } from './story-labels'
import { StoryItem } from './StoryItem'
import { StoryTimeline } from './StoryTimeline'
import { StoryWhy } from './StoryWhy'

/** One story: every outlet's headline by time, who and where, a timeline, and why they are together. */
export function StoryPage({ viewKey }: { viewKey?: string }): JSX.Element {
  const page = useStories((state) => state.page)
  const nearby = useStories((state) => state.nearby)
  if (!page || String(page.id) !== viewKey) return <p className="stories-empty">Loading…</p>
  const others = nearby.filter((story) => story.id !== page.id)
  return (
    <section className="story-page" aria-labelledby="story-title" data-testid="story-page">
      <button type="button" className="link-button" onClick={showStories}>
        ← All stories
      </button>
      <header className="story-page-header">
        <h1 id="story-title" dir="auto">
          {page.title}
        </h1>
        <p className="story-meta">
          {plural(page.articles, 'article')} · {plural(page.outlets, 'outlet')}
        </p>
      </header>
      <dl className="story-facts">
        <div>
          <dt>Languages</dt>
          <dd>{page.languages.map(languageName).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Countries</dt>
          <dd>{page.countries.map(countryLabel).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Correspondents</dt>
          <dd>{page.correspondents.join(', ') || '—'}</dd>
        </div>
      </dl>
      <StoryTimeline items={page.items} />
      <StoryWhy evidence={page.evidence} articles={page.articles} />
      <h2 className="story-subheading">Who reported, first to latest</h2>
      <ol className="story-articles" aria-label="Articles by time">
        {page.items.map((item) => (
          <StoryItem
            key={item.article.id}
            story={page.id}
            item={item}
            others={others}
            alone={page.items.length < 2}
          />
        ))}
      </ol>
      {others.length > 0 && (
        <label className="story-merge">
          Same event as another story?{' '}
          <select
            value=""
            data-testid="story-merge"
            onChange={(event) => {
              if (event.target.value) void mergeStory(Number(event.target.value), page.id)
            }}
          >
            <option value="">Merge it into this one…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.title.slice(0, 80)}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  )
}
