import type { JSX } from 'react'

/** The sidebar's collections section (filled in by the collections issue). */
export function CollectionsSection(): JSX.Element | null {
  return null
}
