import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { MAX_PASTE_BYTES } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import type { CaptureSource } from '../ingest/capture'

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md'])

/** A command-line argument names a file when one exists at that path; otherwise it is a web address. */
export async function sourceFromArgument(argument: string): Promise<CaptureSource> {
  const info = await stat(argument).catch(() => null)
  if (!info) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(argument) || /^[\w-]+(\.[\w-]+)+(\/|$)/.test(argument)) {
      return { kind: 'url', url: argument }
    }
    throw new DatelineError(
      'NOT_FOUND',
      `There is no file "${argument}", and it is not a web address either.`,
    )
  }
  if (!info.isFile())
    throw new DatelineError('INVALID_INPUT', `"${argument}" is a folder, not an article file.`)
  if (info.size > MAX_PASTE_BYTES) {
    throw new DatelineError(
      'TOO_LARGE',
      `"${basename(argument)}" is larger than 10 MB, so Dateline did not read it.`,
    )
  }
  // The encoding sniffers are loaded for a file to read, not by the app's start.
  const { decodeText } = await import('@shared/text-decoding')
  const content = decodeText(await readFile(argument))
  const fileName = basename(argument)
  const extension = extname(argument).toLowerCase()
  if (HTML_EXTENSIONS.has(extension)) return { kind: 'html', html: content, fileName }
  if (TEXT_EXTENSIONS.has(extension)) return { kind: 'text', text: content, fileName }
  return /^\s*<(!doctype|html|head|body|article|p|div)\b/i.test(content)
    ? { kind: 'html', html: content, fileName }
    : { kind: 'text', text: content, fileName }
}
