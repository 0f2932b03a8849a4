import { readFileSync } from 'node:fs'
import { parseMhtml } from '../../src/main/ingest/mhtml'
import { writeBinaryPlist } from './binary-plist'

export const HARBOUR_MHTML_PATH = new URL('../fixtures/saved-pages/harbour-chromium.mhtml', import.meta.url)

/** The harbour page and its pictures, laid out as Safari writes a .webarchive. */
export function harbourWebarchive(): Buffer {
  const saved = parseMhtml(readFileSync(HARBOUR_MHTML_PATH))
  return writeBinaryPlist({
    WebMainResource: {
      WebResourceData: new TextEncoder().encode(saved.html),
      WebResourceFrameName: '',
      WebResourceMIMEType: 'text/html',
      WebResourceTextEncodingName: 'UTF-8',
      WebResourceURL: saved.url!,
    },
    WebSubresources: [...saved.resources].map(([url, part]) => ({
      WebResourceData: part.bytes,
      WebResourceMIMEType: part.contentType,
      WebResourceURL: url,
    })),
  })
}
