import { createHash } from 'node:crypto'
import { getDomain } from 'tldts'

/** Query parameters that only track where a reader came from; they never change the article. */
const TRACKING_PARAMETER =
  /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|ocid|smid|xtor|at_\w+)$/i

/** The form of an address used to recognise the same article: no fragment, no tracking, no default port. */
export function normaliseArticleUrl(raw: string): string {
  const url = new URL(raw)
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name)
  }
  url.searchParams.sort()
  url.hostname = url.hostname.toLowerCase()
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1)
  return url.href
}

/**
 * The page's canonical address when it is believable. Some sites point every page's canonical link
 * at their home page or at another host; trusting that would merge unrelated articles.
 */
export function chooseCanonicalUrl(pageUrl: string, declared: string | null): string {
  const page = normaliseArticleUrl(pageUrl)
  if (!declared) return page
  let canonical: URL
  try {
    canonical = new URL(normaliseArticleUrl(new URL(declared, pageUrl).href))
  } catch {
    return page
  }
  if (canonical.protocol !== 'http:' && canonical.protocol !== 'https:') return page
  const pageHost = siteOf(new URL(page).hostname)
  if (siteOf(canonical.hostname) !== pageHost) return page
  if (canonical.pathname === '/' && new URL(page).pathname !== '/') return page
  return canonical.href
}

/**
 * The registrable domain by the Public Suffix List (private entries too, so a.github.io and
 * b.github.io are different sites while amp.cnn.com and www.cnn.com are one); an IP address or a
 * bare host name is its own site.
 */
function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname
}

export function articleIdForUrl(canonicalUrl: string): string {
  return shortHash(`url:${canonicalUrl}`)
}

/** Files and pasted text have no address: the same headline and words make the same article. */
export function articleIdForContent(text: string): string {
  return shortHash(`text:${text.replace(/\s+/g, ' ').trim()}`)
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16)
}
