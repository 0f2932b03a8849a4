import { useCallback, useRef, useState, type JSX } from 'react'
import { useDismiss } from '@renderer/hooks/useDismiss'
import { ReaderSettingsPanel } from './ReaderSettingsPanel'

export function ReaderSettingsButton(): JSX.Element {
  const [open, setOpen] = useState(false)
  const anchorRef = useRef<HTMLDivElement | null>(null)
  const close = useCallback(() => setOpen(false), [])
  useDismiss(anchorRef, open, close)

  return (
    <div className="popover-anchor" ref={anchorRef}>
      <button
        type="button"
        className="button"
        data-testid="reader-settings"
        aria-label="Reader settings"
        aria-expanded={open}
        aria-controls="reader-settings-panel"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Aa
      </button>
      {open && <ReaderSettingsPanel />}
    </div>
  )
}
