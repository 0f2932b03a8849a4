import type { JSX } from 'react'
import { updateSettings } from '@renderer/store/settings/actions'
import { useSettings } from '@renderer/store/settings/store'

/** Following can be kept quiet: no author feeds or full downloads, no notifications. */
export function FollowSettings(): JSX.Element {
  const settings = useSettings((state) => state.settings)
  return (
    <fieldset className="follow-settings">
      <legend className="visually-hidden">Following settings</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.followCorrespondents}
          data-testid="setting-follow-correspondents"
          onChange={(event) => void updateSettings({ followCorrespondents: event.target.checked })}
        />{' '}
        Download new articles by people I follow, and subscribe to their own feeds
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.notifyFollowed}
          data-testid="setting-notify-followed"
          onChange={(event) => void updateSettings({ notifyFollowed: event.target.checked })}
        />{' '}
        Notify me of their new articles
      </label>
    </fieldset>
  )
}
