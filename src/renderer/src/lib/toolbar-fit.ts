/** The toolbar's gap between controls, as in reader.css. */
export const TOOLBAR_GAP = 6
const GAP = TOOLBAR_GAP

/** How many of the items fit in a row of `available` px, keeping room for More if not all do. */
export function fittingCount(widths: readonly number[], available: number, moreWidth: number): number {
  const total = widths.reduce((sum, width) => sum + width + GAP, 0)
  if (total <= available) return widths.length
  let used = moreWidth + GAP
  let count = 0
  for (const width of widths) {
    if (used + width + GAP > available) break
    used += width + GAP
    count++
  }
  return count
}
