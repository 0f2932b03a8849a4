import type { JSX } from 'react'
import { ListDate } from '@shared/reading'
import { markListRead, setListDate } from '@renderer/store/reading/list-actions'
import { useLibrary } from '@renderer/store/library/store'
import { useSettings } from '@renderer/store/settings/store'

const ORDER_NAMES: Record<ListDate, string> = {
  published: 'Date published',
  saved: 'Date saved',
}

/** Beside the list's title: which date sorts it, and reading the whole list at once. */
export function ListTools(): JSX.Element {
  const by = useSettings((state) => state.settings.listDate)
  const unread = useLibrary((state) => state.filter !== 'archived' && (state.counts?.unread ?? 0) > 0)
  return (
    <div className="list-tools">
      <label className="list-order">
        <span>Sort by</span>
        <select
          value={by}
          data-testid="list-order"
          onChange={(event) => setListDate(ListDate.parse(event.target.value))}
        >
          {ListDate.options.map((option) => (
            <option key={option} value={option}>
              {ORDER_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button button-quiet"
        data-testid="mark-all-read"
        disabled={!unread}
        onClick={() => void markListRead()}
      >
        Mark all read
      </button>
    </div>
  )
}
