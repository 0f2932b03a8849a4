import { useEffect, useState, type JSX } from 'react'
import type { PairingCode } from '@shared/extension'
import { cancelPairing } from '@renderer/store/extension/actions'

/** The one-time code the person types into the extension, with the minutes it has left. */
export function PairingCodeCard({ code }: { code: PairingCode }): JSX.Element {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const secondsLeft = Math.max(0, Math.round((Date.parse(code.expiresAt) - now) / 1000))
  const expired = secondsLeft === 0
  return (
    <div className="extension-code" role="status" aria-live="polite">
      {expired ? (
        <p>The code has expired. Ask for a new one.</p>
      ) : (
        <>
          <p>Type this code into the Dateline extension (its toolbar button, then Pair):</p>
          <p className="extension-code-value" data-testid="pairing-code">
            {code.code}
          </p>
          <p className="extension-code-hint">
            Valid for {Math.floor(secondsLeft / 60)}:{String(secondsLeft % 60).padStart(2, '0')} more, once,
            and for {code.attempts} wrong tries.
          </p>
        </>
      )}
      <button type="button" className="button" onClick={() => void cancelPairing()}>
        {expired ? 'Close' : 'Cancel'}
      </button>
    </div>
  )
}
