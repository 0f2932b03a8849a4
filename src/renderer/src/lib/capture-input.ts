import { MAX_PASTE_BYTES, type AddArticleInput } from '@shared/contract'
import { DatelineError } from '@shared/errors'
import { decodeText } from '@shared/text-decoding'

export const ACCEPTED_FILE_TYPES = '.html,.htm,.txt,text/html,text/plain'

type FileKind = 'html' | 'text'

function fileKind(file: File): FileKind | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html'
  if (name.endsWith('.txt')) return 'text'
  if (file.type === 'text/html') return 'html'
  if (file.type === 'text/plain') return 'text'
  return null
}

export function isCapturableFile(file: File): boolean {
  return fileKind(file) !== null
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** A dragged link arrives as text/uri-list (comment lines start with #) or as plain text. */
export function linkFromDrop(uriList: string, plainText: string): string | null {
  const fromList = uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line && !line.startsWith('#'))
  for (const candidate of [fromList, plainText.trim()]) {
    if (candidate && isHttpUrl(candidate)) return candidate
  }
  return null
}

export function looksLikeHtml(text: string): boolean {
  const trimmed = text.trim()
  return trimmed.startsWith('<') && /<[a-z][a-z0-9-]*(\s[^>]*)?>/i.test(trimmed)
}

export function urlInput(raw: string): AddArticleInput {
  const trimmed = raw.trim()
  if (!trimmed) throw new DatelineError('INVALID_INPUT', 'Give the address of the article.')
  // People often copy an address without its scheme ("example.com/story").
  const url = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`
  return { kind: 'url', url }
}

export function pasteInput(raw: string): AddArticleInput {
  if (!raw.trim()) throw new DatelineError('INVALID_INPUT', 'Paste the text or HTML of an article first.')
  return looksLikeHtml(raw) ? { kind: 'html', html: raw } : { kind: 'text', text: raw }
}

export async function fileInput(file: File | null): Promise<AddArticleInput> {
  if (!file) throw new DatelineError('INVALID_INPUT', 'Choose an .html, .htm or .txt file first.')
  const kind = fileKind(file)
  if (!kind) throw new DatelineError('NOT_HTML', 'Dateline can read .html, .htm and .txt files.')
  if (file.size > MAX_PASTE_BYTES) throw new DatelineError('TOO_LARGE', 'The file is larger than 10 MB.')
  const content = decodeText(new Uint8Array(await file.arrayBuffer()))
  return kind === 'html'
    ? { kind: 'html', html: content, fileName: file.name }
    : { kind: 'text', text: content, fileName: file.name }
}

export function newCaptureId(): string {
  // randomUUID exists only in secure contexts; a browser host reached over plain http on a LAN is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
