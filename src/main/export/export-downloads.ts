import { createReadStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'

/**
 * Exports made for the browser host's downloads: kept in a private temporary folder under a
 * random key until fetched (or for an hour), then removed. The browser host serves them at
 * `exports/<key>`; nothing else of the disk can be reached that way.
 */

const KEEP_MS = 60 * 60 * 1000
const KEY = /^[0-9a-f]{32}$/

interface Offered {
  path: string
  name: string
  timer: NodeJS.Timeout
}

export class ExportDownloads {
  private readonly offered = new Map<string, Offered>()

  offer(key: string, file: { path: string; name: string }): { name: string; url: string } {
    const timer = setTimeout(() => this.forget(key), KEEP_MS)
    timer.unref()
    this.offered.set(key, { ...file, timer })
    return { name: file.name, url: `exports/${key}` }
  }

  /** Sends the file once, as an attachment, and forgets it. False when the key names nothing. */
  async send(key: string, response: ServerResponse): Promise<boolean> {
    const file = KEY.test(key) ? this.offered.get(key) : undefined
    if (!file) return false
    const size = (await stat(file.path)).size
    response.writeHead(200, {
      'content-type': file.name.endsWith('.epub') ? 'application/epub+zip' : 'application/zip',
      'content-length': size,
      'content-disposition': `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'cache-control': 'no-store',
    })
    await new Promise<void>((resolve, reject) => {
      createReadStream(file.path)
        .on('error', reject)
        .pipe(response)
        .on('finish', resolve)
        .on('close', resolve)
    })
    this.forget(key)
    return true
  }

  async close(): Promise<void> {
    for (const key of [...this.offered.keys()]) this.forget(key)
  }

  private forget(key: string): void {
    const file = this.offered.get(key)
    if (!file) return
    clearTimeout(file.timer)
    this.offered.delete(key)
    void rm(file.path, { force: true }).catch(() => undefined)
  }
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
}
