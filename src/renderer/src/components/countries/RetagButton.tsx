import type { JSX } from 'react'
import { formatCount } from '@renderer/lib/format'
import { startRetag } from '@renderer/store/countries/actions'
import { useCountries } from '@renderer/store/countries/store'

/**
 * "Tag all articles again": re-tagging runs in the background (a worker), the window stays usable;
 * this shows how far it is and how it ended. The person's corrections are kept.
 */
export function RetagButton(): JSX.Element {
  const retag = useCountries((state) => state.retag)
  const running = retag?.running ?? false
  const percent = retag && retag.total > 0 ? Math.floor((retag.done / retag.total) * 100) : 0
  return (
    <div className="retag" data-testid="retag">
      <button
        type="button"
        className="button"
        disabled={running}
        data-testid="retag-button"
        title="Find the countries of every stored article again; your corrections are kept"
        onClick={() => void startRetag()}
      >
        {running ? 'Tagging countries…' : 'Tag all articles again'}
      </button>
      {running && retag && (
        <span className="retag-progress" role="status" data-testid="retag-progress">
          <progress max={retag.total || 1} value={retag.done} />
          {formatCount(retag.done)} of {formatCount(retag.total)} ({percent}%)
        </span>
      )}
      {!running && retag?.finishedAt && (
        <span className="retag-result" role="status" data-testid="retag-result">
          {retag.error ??
            `Done: ${formatCount(retag.done)} articles, ${formatCount(retag.changed)} with new countries.`}
        </span>
      )}
    </div>
  )
}
