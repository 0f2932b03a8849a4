import { textOf, toArray, type DomElement } from './dom'
import { absolutise } from './urls'

/** Where lazy-loading scripts park the real image address until the script runs (it never will). */
const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-image',
  'data-img-src',
  'data-echo',
  'data-actualsrc',
]
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset']

interface SrcsetCandidate {
  url: string
  /** Width in pixels for `w` descriptors, density for `x` (1 when absent). */
  size: number
  unit: 'w' | 'x'
}

/** The srcset grammar allows commas inside URLs, so a plain split(',') breaks some CDN addresses. */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = []
  let rest = srcset.trim()
  while (rest !== '') {
    rest = rest.replace(/^[\s,]+/, '')
    const urlMatch = /^\S+/.exec(rest)
    if (urlMatch === null) break
    let url = urlMatch[0]
    rest = rest.slice(url.length)
    let descriptor = ''
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '')
    } else {
      const end = rest.indexOf(',')
      descriptor = (end === -1 ? rest : rest.slice(0, end)).trim()
      rest = end === -1 ? '' : rest.slice(end + 1)
    }
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor)
    const unit = match?.[2]?.toLowerCase() === 'w' ? 'w' : 'x'
    if (url !== '') candidates.push({ url, size: match?.[1] === undefined ? 1 : Number(match[1]), unit })
  }
  return candidates
}

/** Largest width wins; density descriptors only compete when no candidate gives a width. */
export function bestSrcsetUrl(srcset: string | null): string | null {
  if (srcset === null) return null
  const candidates = parseSrcset(srcset)
  const widths = candidates.filter((c) => c.unit === 'w')
  const pool = widths.length > 0 ? widths : candidates
  let best: SrcsetCandidate | null = null
  for (const candidate of pool) if (best === null || candidate.size > best.size) best = candidate
  return best?.url ?? null
}

function isPlaceholderSrc(src: string | null): boolean {
  if (src === null || src.trim() === '') return true
  return (
    /^data:/i.test(src) ||
    /(^|\/)(blank|spacer|pixel|placeholder|lazy|loading|transparent)[^/]*\.(gif|png|svg)/i.test(src)
  )
}

/**
 * Gives every image a real `src`: the best srcset candidate, else a lazy-load attribute, else what
 * it had. <picture> becomes its <img>, and the image inside a <noscript> fallback replaces the
 * placeholder beside it.
 */
export function foldLazyImages(root: DomElement): void {
  for (const noscript of toArray(root.querySelectorAll('noscript'))) {
    // A <noscript> with text of its own is not an image fallback but content for readers without
    // scripts (sometimes the whole story); it is left for the fallbacks that read it.
    if (textOf(noscript) !== '') continue
    const image = noscript.querySelector('img')
    if (image === null) {
      noscript.remove()
      continue
    }
    const previous = noscript.previousElementSibling
    if (previous?.localName === 'img') {
      // A placeholder with a lazy source of its own makes the fallback a duplicate.
      if (hasRealSource(previous)) {
        noscript.remove()
        continue
      }
      previous.remove()
    }
    noscript.replaceWith(image)
  }
  for (const picture of toArray(root.querySelectorAll('picture'))) {
    const image = picture.querySelector('img')
    if (image === null) {
      picture.remove()
      continue
    }
    if (image.getAttribute('srcset') === null && image.getAttribute('data-srcset') === null) {
      const source = toArray(picture.querySelectorAll('source')).find(
        (s) => s.getAttribute('srcset') !== null || s.getAttribute('data-srcset') !== null,
      )
      const srcset = source?.getAttribute('srcset') ?? source?.getAttribute('data-srcset') ?? null
      if (srcset !== null) image.setAttribute('srcset', srcset)
    }
    picture.replaceWith(image)
  }
  for (const image of toArray(root.querySelectorAll('img'))) foldImageSource(image)
}

/**
 * A data: image with no lazy alternative is the picture itself (a chart, a map embedded in the
 * page), not a placeholder; only spacer-sized ones (a 1x1 GIF is ~70 characters) are dropped.
 */
function isInlinePicture(src: string | null): boolean {
  return src !== null && /^data:image\//i.test(src) && src.length > 200
}

function hasRealSource(image: DomElement): boolean {
  return (
    !isPlaceholderSrc(image.getAttribute('src')) ||
    LAZY_SRC_ATTRIBUTES.some((name) => image.getAttribute(name)) ||
    [...LAZY_SRCSET_ATTRIBUTES, 'srcset'].some((name) => image.getAttribute(name))
  )
}

function foldImageSource(image: DomElement): void {
  const srcsets = ['srcset', ...LAZY_SRCSET_ATTRIBUTES].map((name) => image.getAttribute(name))
  const fromSrcset = srcsets.map(bestSrcsetUrl).find((url) => url !== null) ?? null
  const lazy = LAZY_SRC_ATTRIBUTES.map((name) => image.getAttribute(name)).find(
    (value) => value !== null && !isPlaceholderSrc(value),
  )
  const src = image.getAttribute('src')
  const chosen = fromSrcset ?? lazy ?? (isPlaceholderSrc(src) && !isInlinePicture(src) ? null : src)
  if (chosen === null || chosen === undefined) {
    image.remove()
    return
  }
  image.setAttribute('src', chosen)
  for (const name of ['srcset', 'sizes', 'loading', ...LAZY_SRC_ATTRIBUTES, ...LAZY_SRCSET_ATTRIBUTES]) {
    image.removeAttribute(name)
  }
}

/** Links and media addresses become absolute, so the stored copy works away from the page. */
export function absolutiseUrls(root: DomElement, base: string | null): void {
  const targets: [string, string][] = [
    ['a[href]', 'href'],
    ['img[src]', 'src'],
    ['video[src]', 'src'],
    ['video[poster]', 'poster'],
    ['audio[src]', 'src'],
    ['source[src]', 'src'],
    ['iframe[src]', 'src'],
  ]
  for (const [selector, attribute] of targets) {
    for (const element of toArray(root.querySelectorAll(selector))) {
      const value = element.getAttribute(attribute)
      if (value !== null) element.setAttribute(attribute, absolutise(value, base))
    }
  }
}
