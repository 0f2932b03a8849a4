/**
 * How the map shades a country by its number of articles: a few steps on a logarithmic scale, so
 * one country with 3,000 articles does not leave every other one pale. Level 0 is none.
 */
export const SHADE_LEVELS = 5

export interface ShadeStep {
  level: number
  from: number
  to: number
}

/** The legend's steps for counts from 1 to `largest`, each at least one article wide. */
export function shadeSteps(largest: number, levels = SHADE_LEVELS): ShadeStep[] {
  if (largest <= 0) return []
  if (largest <= levels) {
    return Array.from({ length: largest }, (_, i) => ({
      level: levelFor(i + 1, largest, levels),
      from: i + 1,
      to: i + 1,
    }))
  }
  const steps: ShadeStep[] = []
  let from = 1
  for (let level = 1; level <= levels; level++) {
    const to =
      level === levels ? largest : Math.max(from, Math.round(Math.exp((Math.log(largest) * level) / levels)))
    if (to >= from) steps.push({ level, from, to })
    from = to + 1
    if (from > largest) break
  }
  return steps
}

function levelFor(count: number, largest: number, levels: number): number {
  return Math.max(1, Math.round((count / largest) * levels))
}

/** The level of one country's count under the steps (0 for none). */
export function shadeLevel(count: number, steps: readonly ShadeStep[]): number {
  if (count <= 0) return 0
  return steps.find((step) => count >= step.from && count <= step.to)?.level ?? steps.at(-1)?.level ?? 0
}
