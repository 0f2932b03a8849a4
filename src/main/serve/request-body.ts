import type { IncomingMessage } from 'node:http'
import { MAX_PASTE_BYTES } from '@shared/contract'

/** The contract counts characters; as UTF-8 inside JSON one may take up to 4 bytes (escapes, CJK). */
export const MAX_CALL_BYTES = MAX_PASTE_BYTES * 4 + 64 * 1024

/** The JSON body of a call, refused past `maxBytes` while it streams in, so no body is held whole first. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of request) {
    total += (chunk as Buffer).length
    if (total > maxBytes) {
      throw new Error(
        `The request is larger than Dateline accepts (${Math.round(maxBytes / 1024 / 1024)} MB).`,
      )
    }
    chunks.push(chunk as Buffer)
  }
  if (total === 0) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new Error('The request body is not valid JSON.')
  }
}
