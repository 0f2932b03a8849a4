import type { ReaderFontFaces } from '../reader-document'
import { bundledFontFaces, installWindowFonts } from './bundled-fonts'

let cached: ReaderFontFaces | null = null

/** The bundled faces for the frame, built once; the window (the reader's header) gets them too. */
export function readerFonts(): ReaderFontFaces {
  if (cached) return cached
  const baseUrl = document.baseURI
  const { css, missing } = bundledFontFaces(baseUrl)
  if (missing.length > 0) console.warn(`Reader fonts missing from the build: ${missing.join(', ')}`)
  installWindowFonts(css)
  cached = { css, baseUrl }
  return cached
}
