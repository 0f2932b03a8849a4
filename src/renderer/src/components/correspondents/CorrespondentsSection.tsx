import type { JSX } from 'react'

/** The sidebar's correspondents section (filled in by the correspondents issue). */
export function CorrespondentsSection(): JSX.Element | null {
  return null
}
