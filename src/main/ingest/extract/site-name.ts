import { domainToUnicode } from 'node:url'
import { outletKey, outletWords } from '@shared/outlet-name'
import { normaliseSpace } from './dom'

/*
 * Which outlet published a page, in the name a reader knows it by. The page's own claims come
 * first (og:site_name, JSON-LD publisher, application-name, the name its <title> ends with), then
 * the address made readable. A claim the address confirms beats one it does not: Reuters' pages
 * say og:site_name "U.S." (their section) and publisher "Reuters". A section is never the site.
 */

/** What the page offers as its outlet's name, in the order it is trusted. */
export interface SiteNameClaims {
  ogSiteName: string | null
  publisher: string | null
  applicationName: string | null
  /** The part of <title> after the headline ("Headline - Reuters" gives "Reuters"), if any. */
  titleSuffix: string | null
  /** article:section, JSON-LD articleSection and breadcrumb names: never the site. */
  sections: string[]
  url: string | null
}

/** What a tagline is split from the name at: "LinkNaija | Nigeria's popular news platform". */
const TAGLINE_RE = /\s+[|–—•·»:]\s+|\s+-\s+/u

/** "Jamaica Observer -": a separator left at the end of a name. */
const TRAILING_SEPARATORS_RE = /[\s|\-–—:·•»]+$/u

/** The outlet's name for a page, or null when the page names none and has no address. */
export function readSiteName(claims: SiteNameClaims): string | null {
  const host = hostOf(claims.url)
  const sections = new Set(claims.sections.map(outletKey).filter((key) => key !== ''))
  // A name the address spells is the site even when a section is called the same (Gizmodo's).
  const named = claimedNames(claims, true).filter(
    (name) => !sections.has(outletKey(name)) || (host !== null && agreesWithHost(name, host)),
  )
  const confirmed = host === null ? undefined : named.find((name) => agreesWithHost(name, host))
  return confirmed ?? named[0] ?? host
}

/**
 * The names a byline or a title may give the outlet under: the site's name, and each claim the
 * address confirms (RT's publisher "RT" beside og:site_name "RT International"). A publisher the
 * address does not spell is another outlet (a syndicated story's agency) and stays a credit.
 */
export function outletNamesOf(claims: SiteNameClaims, siteName: string | null): string[] {
  const host = hostOf(claims.url)
  const confirmed = claimedNames(claims, false).filter((name) => host !== null && agreesWithHost(name, host))
  return [...new Set([...(siteName === null ? [] : [siteName]), ...confirmed])]
}

function claimedNames(claims: SiteNameClaims, withTitle: boolean): string[] {
  const host = hostOf(claims.url)
  const offered = [claims.ogSiteName, claims.publisher, claims.applicationName]
  if (withTitle) offered.push(claims.titleSuffix)
  return offered.map((claim) => siteNameOf(claim, host)).filter((name): name is string => name !== null)
}

/** A claimed name as a reader would write it: a URL becomes its host; a handle or nothing is null. */
function siteNameOf(claim: string | null, host: string | null): string | null {
  const text = normaliseSpace(claim)
  if (text === '' || text.startsWith('@')) return null
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return hostOf(text)
  const segments = text
    .split(TAGLINE_RE)
    .map((segment) => normaliseSpace(segment.replace(TRAILING_SEPARATORS_RE, '')))
    .filter((segment) => segment !== '')
  // "News zu VR, AR und KI | MIXED.de": the segment the address spells is the name, else the first.
  const name =
    (host === null ? undefined : segments.find((s) => agreesWithHost(s, host))) ?? segments[0] ?? ''
  if (name.length < 2 || name.length > 80) return null
  // A claim with no letters at all ("2019", "-") names nothing.
  if (!/\p{L}/u.test(name)) return null
  return host !== null && name.toLowerCase() === `www.${host}` ? host : name
}

/**
 * The page's host as a reader would type it ("reuters.com", "bbc.co.uk", "пример.рф"): without
 * "www." and the like, in its own script; null for no or an odd address.
 */
export function hostOf(url: string | null): string | null {
  if (url === null) return null
  try {
    const { hostname, protocol } = new URL(url)
    if (protocol !== 'http:' && protocol !== 'https:') return null
    // A numeric address (a test server, a machine on the LAN) names no outlet.
    if (/^[\d.]+$|^\[/.test(hostname)) return null
    const host = (domainToUnicode(hostname) || hostname)
      .toLowerCase()
      .replace(/^(?:www\d?|m|mobile|amp)\./, '')
    return host.includes('.') ? host : null
  } catch {
    return null
  }
}

/** Second-level labels under which the name is one further left: bbc.co.uk, abc.net.au. */
const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gv'])

/** The labels of the host that name the outlet: "news.bbc.co.uk" gives ["news", "bbc"]. */
function nameLabels(host: string): string[] {
  const labels = host.split('.')
  labels.pop()
  if (labels.length > 1 && GENERIC_SECOND_LEVEL.has(labels.at(-1) ?? '')) labels.pop()
  return labels
}

/**
 * "BBC News" for bbc.com, "Vortex Cannon Entertainment" for vortexcannon.org; a headline that
 * starts with the outlet's name ("comwrap auf der DMEXCO 2018") is not the outlet.
 */
const MAX_WORDS_AFTER_HOST = 2

/**
 * Whether a name is the one the address spells: "Al Jazeera" for aljazeera.com, "BBC News" for
 * bbc.com, "Entermedia" for entermedia.co.kr, "Vortex Cannon Entertainment" for vortexcannon.org.
 */
export function agreesWithHost(name: string, host: string): boolean {
  const key = outletKey(name)
  if (key === '') return false
  const label = nameLabels(host).at(-1) ?? ''
  const labelKey = outletKey(label)
  if (labelKey === '') return false
  if (key === labelKey || key === outletKey(host)) return true
  // The name's first words spell the label ("BBC News", "Vortex Cannon Entertainment"), or the
  // label holds the whole name with a prefix or suffix of its own ("wday" in "wday.ru").
  const words = outletWords(name)
  for (let count = 1; count <= words.length; count += 1) {
    if (words.slice(0, count).join('') === labelKey) return words.length - count <= MAX_WORDS_AFTER_HOST
  }
  // "Neue Zürcher Zeitung" for nzz.ch; "St.Galler Tagblatt" for tagblatt.ch.
  if (words.length >= 2 && words.map((word) => word[0]).join('') === labelKey) return true
  if (labelKey.length >= 5 && key.endsWith(labelKey)) return true
  return key.length >= 4 && (labelKey.startsWith(key) || labelKey.endsWith(key))
}
