import type { JSX } from 'react'
import { adviceFor } from '@renderer/lib/error-advice'
import { startLibrary } from '@renderer/store/library/list-actions'
import { dismissBanner } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'

function tryAgain(): void {
  dismissBanner()
  startLibrary()
}

export function ErrorBanner(): JSX.Element | null {
  const banner = useUi((state) => state.banner)
  if (!banner) return null
  const advice = adviceFor(banner.code)

  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <div className="error-text">
        <strong>{banner.message}</strong>
        {advice && <span> {advice}</span>}
      </div>
      <div className="error-actions">
        {banner.code !== 'UNAUTHORIZED' && (
          <button type="button" className="button" onClick={tryAgain}>
            Try again
          </button>
        )}
        <button
          type="button"
          className="button button-quiet"
          aria-label="Dismiss this message"
          onClick={dismissBanner}
        >
          Dismiss
        </button>
      </div>
    </div>
  )
}
