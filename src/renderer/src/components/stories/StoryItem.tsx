import { useId, type JSX } from 'react'
import type { StoryArticle, StorySummary } from '@shared/stories'
import { moveToStory, readStoryArticle, takeOutOfStory } from '@renderer/store/stories/actions'
import { languageName, storyTime } from './story-labels'

/** One outlet's headline in a story, with what ties it in and the two ways to correct it. */
export function StoryItem({
  story,
  item,
  others,
  alone,
}: {
  story: number
  item: StoryArticle
  others: StorySummary[]
  /** The story's only article: taking it out would leave the same story under a new number. */
  alone: boolean
}): JSX.Element {
  const { article } = item
  const moveId = useId()
  return (
    <li className="story-article" data-testid="story-article">
      <div className="story-article-head">
        <span className="story-outlet">{article.siteName ?? 'Unknown outlet'}</span>
        <span className="story-article-meta">
          {storyTime(item.at)}
          {article.lang && ` · ${languageName(article.lang)}`}
          {item.origin === 'person' && ' · placed by you'}
        </span>
      </div>
      <button
        type="button"
        className="story-headline"
        lang={article.lang ?? undefined}
        dir="auto"
        onClick={() => readStoryArticle(article.id)}
      >
        {article.title}
      </button>
      {item.evidence.length > 0 && (
        <p className="story-article-evidence" dir="auto">
          Shares {item.evidence.slice(0, 5).join(', ')}
        </p>
      )}
      <div className="story-article-actions">
        {!alone && (
          <button
            type="button"
            className="button button-small"
            onClick={() => void takeOutOfStory(story, article.id)}
          >
            Not this story
          </button>
        )}
        {others.length > 0 && (
          // A visible label, not only a "Move to…" placeholder: the menu says what it does before
          // it is opened. Its name starts with the words shown, then says which headline it moves.
          <span className="story-move-field">
            <label htmlFor={moveId} className="story-move-label">
              Move to another story<span className="visually-hidden">: “{article.title}”</span>
            </label>
            <select
              id={moveId}
              className="story-move"
              data-testid="story-move"
              value=""
              onChange={(event) => {
                if (event.target.value) void moveToStory(story, article.id, Number(event.target.value))
              }}
            >
              <option value="">Choose a story…</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.title.slice(0, 80)}
                </option>
              ))}
            </select>
          </span>
        )}
      </div>
    </li>
  )
}
