import sanitizeHtml from 'sanitize-html'
import { isMediaPath } from '@shared/media'

/**
 * The one gate between untrusted page HTML and the library. Everything that is not plain article
 * structure goes: scripts, styles, event handlers, iframes, forms, meta refresh, inline CSS (so
 * no `url(javascript:)`), classes and ids. Links keep only http(s) and mailto targets; images keep
 * only pictures already stored in the library.
 */

export const ARTICLE_TAGS = [
  'p',
  'br',
  'hr',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'figure',
  'figcaption',
  'img',
  'span',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
]

export const MISSING_IMAGE_CLASS = 'dateline-missing-image'

export interface SanitizeOptions {
  /** Resolves relative links; extraction normally made them absolute already. */
  baseUrl: string | null
  /** The stored path (`media/...`) for an image URL, or null when it could not be stored. */
  storedImage: (url: string) => string | null
  /** Keep `src="media/..."` as it is: the HTML is a stored copy being checked again. */
  keepStoredImages?: boolean
}

/**
 * A stored body passed through the same gate again before it is shown or exported: the library
 * folder may have been edited since (a <meta refresh> put into a stored body navigated an exported
 * file away). Sanitising is idempotent on what we stored, so a clean body comes out unchanged.
 */
export function sanitizeStoredHtml(html: string): string {
  return sanitizeArticleHtml(html, { baseUrl: null, storedImage: () => null, keepStoredImages: true })
}

export function sanitizeArticleHtml(html: string, options: SanitizeOptions): string {
  return sanitizeHtml(html, {
    allowedTags: ARTICLE_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      span: ['class', 'role', 'aria-label'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      abbr: ['title'],
      ol: ['start', 'reversed'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { span: [MISSING_IMAGE_CLASS] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    allowedStyles: {},
    disallowedTagsMode: 'discard',
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'template',
      'iframe',
      'object',
      'svg',
      'math',
    ],
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs, options.baseUrl) }),
      img: (_tagName, attribs) => imageOrPlaceholder(attribs, options),
    },
    // An <img> with no src at all is no picture: drop it. The frame keeps the tag name from before
    // transformTags, so a test on `!attribs.src` alone would also drop every placeholder span, and
    // dropping a non-void element swallows the text after it up to the parent's end.
    exclusiveFilter: (frame) => frame.tag === 'img' && Object.keys(frame.attribs).length === 0,
  })
}

/** Every image URL the stored copy will need, in document order, without duplicates. */
export function collectImageUrls(html: string, baseUrl: string | null): string[] {
  const urls = new Set<string>()
  sanitizeHtml(html, {
    allowedTags: ['img'],
    allowedAttributes: { img: ['src'] },
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    transformTags: {
      img: (tagName, attribs) => {
        const url = absoluteUrl(attribs.src, baseUrl, ['http:', 'https:', 'data:'])
        if (url) urls.add(url)
        return { tagName, attribs }
      },
    },
  })
  return [...urls]
}

function linkAttributes(attribs: sanitizeHtml.Attributes, baseUrl: string | null): sanitizeHtml.Attributes {
  const href = absoluteUrl(attribs.href, baseUrl, ['http:', 'https:', 'mailto:'])
  const out: sanitizeHtml.Attributes = {}
  if (href) out.href = href
  if (attribs.title) out.title = attribs.title
  return out
}

function imageOrPlaceholder(attribs: sanitizeHtml.Attributes, options: SanitizeOptions): sanitizeHtml.Tag {
  if (!attribs.src?.trim()) return { tagName: 'img', attribs: {} }
  const url = absoluteUrl(attribs.src, options.baseUrl, ['http:', 'https:', 'data:'])
  const stored =
    options.keepStoredImages && isMediaPath(attribs.src) ? attribs.src : url ? options.storedImage(url) : null
  const alt = (attribs.alt ?? '').trim()
  if (stored) {
    const kept: sanitizeHtml.Attributes = { src: stored, alt }
    for (const name of ['title', 'width', 'height'] as const) {
      if (attribs[name]) kept[name] = attribs[name]
    }
    return { tagName: 'img', attribs: kept }
  }
  // A quiet box instead of a request that would fail offline (or leak a tracker online).
  return {
    tagName: 'span',
    attribs: { class: MISSING_IMAGE_CLASS, role: 'img', 'aria-label': alt || 'Picture not saved' },
    text: alt ? `Picture not saved: ${alt}` : 'Picture not saved',
  }
}

function absoluteUrl(raw: string | undefined, baseUrl: string | null, schemes: string[]): string | null {
  if (!raw) return null
  try {
    const url = baseUrl ? new URL(raw.trim(), baseUrl) : new URL(raw.trim())
    return schemes.includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
