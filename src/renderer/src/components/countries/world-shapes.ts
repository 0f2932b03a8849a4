import { geoNaturalEarth1, geoPath } from 'd3-geo'
import type { Feature, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import atlas from 'world-atlas/countries-50m.json'
import { countryByNumeric } from '@shared/country-list'

/**
 * The world's countries as SVG paths, projected once: Natural Earth 1:50m shapes from world-atlas
 * (bundled, so the map draws with no network), keyed by ISO alpha-2 through their ISO numeric ids.
 * This module is loaded only with the maps (a lazy chunk): the list opens without it.
 */

export const MAP_WIDTH = 960
export const MAP_HEIGHT = 500

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for a shape that is no ISO country (Siachen Glacier). */
  code: string | null
  name: string
  d: string
  /** [[left, top], [right, bottom]] in map units. */
  bounds: [[number, number], [number, number]]
}

/** Shapes the atlas gives no ISO number: the country they are counted with. */
const UNNUMBERED: Record<string, string> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' }

interface ShapeProperties {
  name?: string
}

function projectShapes(): CountryShape[] {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<ShapeProperties> }>
  const collection = feature(topology, topology.objects.countries)
  const features = collection.features as Feature<Geometry, ShapeProperties>[]
  // Antarctica takes a fifth of the map and holds no news: the projection is fitted without it.
  const inhabited = features.filter((shape) => shape.id !== '010')
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'FeatureCollection', features: inhabited },
  )
  const path = geoPath(projection)
  return inhabited.flatMap((shape) => {
    const d = path(shape)
    if (!d) return []
    const name = shape.properties?.name ?? ''
    const code =
      shape.id !== undefined ? (countryByNumeric(String(shape.id))?.code ?? null) : (UNNUMBERED[name] ?? null)
    return [{ code, name, d, bounds: path.bounds(shape) }]
  })
}

export const worldShapes: readonly CountryShape[] = projectShapes()
