import type { JSX } from 'react'
import type { CorrespondentSummary } from '@shared/correspondents'
import { setFollowing } from '@renderer/store/correspondents/actions'

export function FollowButton({ correspondent }: { correspondent: CorrespondentSummary }): JSX.Element {
  return (
    <button
      type="button"
      className={`button${correspondent.followed ? '' : ' button-primary'}`}
      aria-pressed={correspondent.followed}
      data-testid="follow-button"
      onClick={() => void setFollowing(correspondent.id, !correspondent.followed)}
    >
      {correspondent.followed ? 'Following' : 'Follow'}
    </button>
  )
}
