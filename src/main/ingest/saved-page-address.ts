import { resolveUrl } from './extract/urls'

/**
 * Where a saved web page came from, as the browser that saved it wrote it down. Chromium, Edge and
 * old IE put `<!-- saved from url=(0047)https://… -->` before `<html>`; SingleFile writes a comment
 * with `url: https://…`. Only the start of the file is read: the comment comes first, and a page's
 * own text further down must not name an address for it.
 */
const HEAD_CHARS = 4096
const SAVED_FROM = /<!--\s*saved from url=\(\d{1,5}\)\s*(\S+?)\s*-->/i
const SINGLE_FILE = /<!--[^]*?Page saved with SingleFile[^]*?\burl:\s*(\S+)[^]*?-->/i

export function savedFromAddress(html: string): string | null {
  const head = html.slice(0, HEAD_CHARS)
  return resolveUrl(SAVED_FROM.exec(head)?.[1], null) ?? resolveUrl(SINGLE_FILE.exec(head)?.[1], null)
}

/**
 * The address a saved page names for itself: where it was saved from, else its canonical link or
 * og:url (extraction reads those; only absolute http(s) ones count, a file has no base to resolve
 * a relative one against).
 */
export function savedPageAddress(html: string, declaredCanonical: string | null): string | null {
  return savedFromAddress(html) ?? resolveUrl(declaredCanonical, null)
}
