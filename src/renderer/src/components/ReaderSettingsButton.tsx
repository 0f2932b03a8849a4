import { useCallback, useRef, type JSX } from 'react'
import { useDismiss } from '@renderer/hooks/useDismiss'
import { setReaderSettingsOpen } from '@renderer/store/ui/actions'
import { useUi } from '@renderer/store/ui/store'
import { ReaderSettingsPanel } from './ReaderSettingsPanel'

export function ReaderSettingsButton(): JSX.Element {
  const open = useUi((state) => state.readerSettingsOpen)
  const anchorRef = useRef<HTMLDivElement | null>(null)
  const close = useCallback(() => setReaderSettingsOpen(false), [])
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
        onClick={() => setReaderSettingsOpen(!open)}
      >
        Aa
      </button>
      {open && <ReaderSettingsPanel />}
    </div>
  )
}
