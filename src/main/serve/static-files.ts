import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/** A file of the built renderer, or null; never anything outside its folder. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  } catch {
    // A malformed percent-escape names no file; without this it became a 500.
    return null
  }
  const absolute = normalize(join(root, relative))
  if (!absolute.startsWith(normalize(root) + sep)) return null
  try {
    if (!(await stat(absolute)).isFile()) return null
    return {
      body: await readFile(absolute),
      contentType: CONTENT_TYPES[extname(absolute)] ?? 'application/octet-stream',
    }
  } catch {
    return null
  }
}
