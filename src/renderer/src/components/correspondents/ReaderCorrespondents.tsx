import { useEffect, useState, type JSX } from 'react'
import type { Correspondent } from '@shared/article'
import type { CorrespondentSummary } from '@shared/correspondents'
import { api } from '@renderer/api'
import { setFollowing } from '@renderer/store/correspondents/actions'
import { useCorrespondents } from '@renderer/store/correspondents/store'
import { CorrespondentNames } from './CorrespondentNames'

/** "By" the article's correspondents, each opening their page, with a Follow button for the first. */
export function ReaderCorrespondents({ people }: { people: Correspondent[] }): JSX.Element {
  const first = people[0]?.name ?? ''
  const [summary, setSummary] = useState<CorrespondentSummary | null>(null)
  // A follow made elsewhere (the list, the page) shows here too.
  const following = useCorrespondents((state) => state.following)
  useEffect(() => {
    let current = true
    void api
      .invoke('correspondents.list', { query: first, limit: 20 })
      .then((found) => {
        const match = found.items.find((c) => c.name.toLocaleLowerCase() === first.toLocaleLowerCase())
        if (current) setSummary(match ?? null)
      })
      .catch(() => {
        if (current) setSummary(null)
      })
    return () => {
      current = false
    }
  }, [first, following])
  return (
    <>
      By <CorrespondentNames people={people} />
      {summary && (
        <button
          type="button"
          className="button reader-follow"
          aria-pressed={summary.followed}
          data-testid="reader-follow"
          onClick={() => {
            void setFollowing(summary.id, !summary.followed)
            setSummary({ ...summary, followed: !summary.followed })
          }}
        >
          {summary.followed ? `Following ${summary.name}` : `Follow ${summary.name}`}
        </button>
      )}
    </>
  )
}
