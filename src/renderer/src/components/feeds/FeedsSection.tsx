import type { JSX } from 'react'

/** The sidebar's feeds section (filled in by the feeds issue). */
export function FeedsSection(): JSX.Element | null {
  return null
}
