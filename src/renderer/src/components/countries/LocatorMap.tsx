import { useMemo, type JSX } from 'react'
import type { CountryTag } from '@shared/article'
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from './world-shapes'

/** The smallest part of the world the locator shows, in map units: a region, not a street. */
const MIN_WIDTH = 220
const ASPECT = 2

/** Where the article's countries are: the region around them, main countries darkest. */
export default function LocatorMap({ countries }: { countries: readonly CountryTag[] }): JSX.Element | null {
  const roles = useMemo(() => new Map(countries.map((tag) => [tag.code, tag.role])), [countries])
  const viewBox = useMemo(() => {
    // Framed on the main countries (the others are shaded when they are in view): a story about
    // Belarus that mentions Russia shows eastern Europe, not the whole of Russia.
    const framed = [...roles.values()].includes('primary') ? 'primary' : 'mentioned'
    const shown = worldShapes.filter((shape) => shape.code !== null && roles.get(shape.code) === framed)
    if (shown.length === 0) return null
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity]
    for (const { bounds } of shown) {
      left = Math.min(left, bounds[0][0])
      top = Math.min(top, bounds[0][1])
      right = Math.max(right, bounds[1][0])
      bottom = Math.max(bottom, bounds[1][1])
    }
    // A country spread over the whole map (the US with Alaska, France with its overseas parts)
    // shows the whole map; otherwise its region, with a margin.
    const width = Math.min(
      MAP_WIDTH,
      Math.max(MIN_WIDTH, (right - left) * 1.4, (bottom - top) * 1.4 * ASPECT),
    )
    const height = width / ASPECT
    const x = Math.min(Math.max(0, (left + right) / 2 - width / 2), MAP_WIDTH - width)
    const y = Math.min(Math.max(0, (top + bottom) / 2 - height / 2), MAP_HEIGHT - height)
    return `${x} ${y} ${width} ${height}`
  }, [roles])
  if (viewBox === null) return null
  const names = countries.map((tag) => tag.name).join(', ')
  return (
    <svg
      className="locator-map"
      viewBox={viewBox}
      role="img"
      aria-label={`Map: ${names}`}
      data-testid="locator-map"
    >
      {worldShapes.map((shape, i) => {
        const role = shape.code ? roles.get(shape.code) : undefined
        return (
          <path
            key={`${shape.code ?? shape.name}-${i}`}
            d={shape.d}
            className={`locator-country${role === 'primary' ? ' is-primary' : role ? ' is-mentioned' : ''}`}
            data-code={shape.code ?? undefined}
          />
        )
      })}
    </svg>
  )
}
