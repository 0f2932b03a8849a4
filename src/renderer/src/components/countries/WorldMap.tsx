import { memo, useMemo, useState, type JSX, type MouseEvent } from 'react'
import type { CountryCount } from '@shared/countries'
import { formatCount } from '@renderer/lib/format'
import { shadeLevel, type ShadeStep } from '@renderer/lib/map-scale'
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from './world-shapes'

interface WorldMapProps {
  counts: readonly CountryCount[]
  steps: readonly ShadeStep[]
  onPick: (code: string, name: string) => void
}

interface Hovered {
  code: string
  x: number
  y: number
}

/**
 * The paths, drawn once per change of the shading: moving the pointer only moves the tooltip,
 * never the 240 shapes.
 */
const Shapes = memo(function Shapes({ levels }: { levels: ReadonlyMap<string, number> }): JSX.Element {
  return (
    <g>
      {worldShapes.map((shape, i) => {
        const level = shape.code ? (levels.get(shape.code) ?? 0) : 0
        return (
          <path
            key={`${shape.code ?? shape.name}-${i}`}
            d={shape.d}
            className={`map-country map-level-${level}`}
            data-code={shape.code ?? undefined}
            data-level={level}
          />
        )
      })}
    </g>
  )
})

/** The world, each country shaded by its articles under the list's filters; click one to list them. */
export function WorldMap({ counts, steps, onPick }: WorldMapProps): JSX.Element {
  const [hovered, setHovered] = useState<Hovered | null>(null)
  const byCode = useMemo(() => new Map(counts.map((c) => [c.code, c])), [counts])
  const levels = useMemo(
    () => new Map(counts.map((c) => [c.code, shadeLevel(c.articles, steps)])),
    [counts, steps],
  )
  const codeAt = (event: MouseEvent): string | null =>
    event.target instanceof SVGPathElement ? (event.target.dataset.code ?? null) : null

  const hoveredCountry = hovered ? byCode.get(hovered.code) : undefined
  return (
    <div className="world-map" data-testid="world-map">
      <svg
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="img"
        aria-label="World map of the library's countries"
        onMouseMove={(event) => {
          const code = codeAt(event)
          const box = event.currentTarget.getBoundingClientRect()
          setHovered(code ? { code, x: event.clientX - box.left, y: event.clientY - box.top } : null)
        }}
        onMouseLeave={() => setHovered(null)}
        onClick={(event) => {
          const code = codeAt(event)
          const country = code ? byCode.get(code) : undefined
          if (country) onPick(country.code, country.name)
        }}
      >
        <rect className="map-sea" width={MAP_WIDTH} height={MAP_HEIGHT} />
        <Shapes levels={levels} />
      </svg>
      {hovered && hoveredCountry && (
        <div
          className="map-tooltip"
          role="status"
          data-testid="map-tooltip"
          style={{ left: hovered.x + 14, top: hovered.y + 14 }}
        >
          <strong>{hoveredCountry.name}</strong>
          <span>
            {hoveredCountry.articles === 0
              ? 'No articles'
              : `${formatCount(hoveredCountry.articles)} ${hoveredCountry.articles === 1 ? 'article' : 'articles'}` +
                (hoveredCountry.unread > 0 ? `, ${formatCount(hoveredCountry.unread)} unread` : '')}
          </span>
        </div>
      )}
    </div>
  )
}
