import type { JSX } from 'react'
import { useUi } from '@renderer/store/ui/store'

export function DropOverlay(): JSX.Element | null {
  const dropping = useUi((state) => state.dropping)
  if (!dropping) return null
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <p className="drop-title">Drop to add to your library</p>
        <p className="drop-hint">A link, or an .html, .htm or .txt file</p>
      </div>
    </div>
  )
}
