import { extname } from 'node:path'
import { protocol } from 'electron'
import { MEDIA_PROTOCOL } from '@shared/ipc'
import { imageContentTypes } from '@shared/media'
import type { MediaStore } from '../library/media-store'

/** Must run before the app is ready: the scheme has to be known as secure to be usable from the page. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: MEDIA_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: false, stream: true },
    },
  ])
}

/** Serves `dateline-media://library/media/ab/<sha256>.jpg` from the library, and nothing else. */
export function serveMedia(media: MediaStore): void {
  protocol.handle(MEDIA_PROTOCOL, async (request) => {
    const url = new URL(request.url)
    const path = url.pathname.slice(1)
    const body = url.host === 'library' ? await media.read(path) : null
    if (!body) return new Response('Not found', { status: 404 })
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': imageContentTypes[extname(path).slice(1)] ?? 'application/octet-stream',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    })
  })
}
