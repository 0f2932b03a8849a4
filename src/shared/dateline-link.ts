/**
 * `dateline://add?url=…`, the link handler the installers register (and the bookmarklet uses).
 * Anything on the machine or the web can open such a link, so it is read as hostile input: the one
 * action is `add`, the one argument a web address, and even that only opens a question in the
 * window ("Save this page?") that the person answers. Pure: no I/O, shared by main and tests.
 */
export const DATELINE_SCHEME = 'dateline'

/** Longer than any real link (8 KB of address, escaped): refused before it is parsed. */
export const MAX_LINK_CHARS = 32 * 1024
const MAX_URL_CHARS = 8192

export type DatelineLink = { ok: true; action: 'add'; url: string } | { ok: false; reason: string }

export function parseDatelineLink(raw: string): DatelineLink {
  if (raw.length > MAX_LINK_CHARS) return refuse('The link is too long to be a Dateline link.')
  let link: URL
  try {
    link = new URL(raw)
  } catch {
    return refuse('That is not a Dateline link.')
  }
  if (link.protocol !== `${DATELINE_SCHEME}:`) return refuse('That is not a Dateline link.')
  // dateline://add?url=… (some systems add a slash: dateline://add/?url=…)
  const action = link.host.toLowerCase()
  if (action !== 'add' || (link.pathname !== '' && link.pathname !== '/')) {
    return refuse('Dateline links can only offer to save a web page (dateline://add?url=…).')
  }
  if (link.username || link.password || link.port) return refuse('That is not a Dateline link.')
  const given = link.searchParams.getAll('url')
  if (given.length !== 1) return refuse('A Dateline link names exactly one web address to save.')
  const url = webAddress(given[0]!)
  return url ? { ok: true, action: 'add', url } : refuse(notWebAddress)
}

const notWebAddress =
  'A Dateline link can only save a web page: an address starting with http:// or https://, without a user name or password in it.'

function webAddress(raw: string): string | null {
  const text = raw.trim()
  // Control characters and spaces inside an address are a disguise (or a mistake), never a page.
  // eslint-disable-next-line no-control-regex
  if (text.length === 0 || text.length > MAX_URL_CHARS || /[\u0000-\u0020\u007f]/.test(text)) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.username || url.password || !url.hostname) return null
  return url.href
}

function refuse(reason: string): DatelineLink {
  return { ok: false, reason }
}

/** The bookmarklet for browsers without the extension: hands the page's address to the link handler. */
export const BOOKMARKLET =
  "javascript:void(location.href='dateline://add?url='+encodeURIComponent(location.href))"
