import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5'
import { ARTICLE_TAGS, MISSING_IMAGE_CLASS } from '../ingest/sanitize'

/**
 * Sanitised article HTML as XHTML that an EPUB reader and epubcheck accept: parsed by the HTML
 * standard's own algorithm (parse5), then written back as XML from the tree. Beyond being
 * well-formed, EPUB checks the HTML content models, which pages break freely and the HTML parser
 * does not mend (a <div> inside a <span>, an <li> outside a list, a figcaption in the middle of a
 * figure), so the walk below repairs those: a block met where only phrasing may stand is unwrapped,
 * list and table children are put in their proper parents, and only attributes with valid values
 * are kept.
 */

type Node = DefaultTreeAdapterTypes.ChildNode
type Element = DefaultTreeAdapterTypes.Element

export interface XhtmlOptions {
  /** The chapter-relative src for a stored picture (`media/...`), or null to leave it out. */
  image(mediaPath: string): string | null
}

type Context = 'flow' | 'phrasing'

/** Elements whose content may only be phrasing (text and inline elements). */
const PHRASING_PARENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'time',
  'code',
  'dt',
])

/** Inline elements: allowed wherever phrasing is. */
const PHRASING = new Set([
  ...['span', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q'],
  ...['time', 'code', 'a', 'br', 'img', 'del', 'ins'],
])

/** Take the content model of their parent (HTML's "transparent" elements). */
const TRANSPARENT = new Set(['a', 'del', 'ins'])

const VOID = new Set(['br', 'hr', 'img'])

/** Semantic wrappers that may not nest in themselves in HTML5; as a plain <div> they always may. */
const AS_DIV = new Set(['header', 'footer'])

/** The tags the sanitiser lets into the library (and h1, which it renames h2); any other is unwrapped. */
const KNOWN = new Set([...ARTICLE_TAGS, ...PHRASING_PARENTS])

const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/
const NON_NEGATIVE = /^\d{1,6}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/
/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;')
}

export function htmlToXhtml(html: string, options: XhtmlOptions): string {
  const fragment = parseFragment(html)
  return children(fragment.childNodes, 'flow', options)
}

function children(nodes: Node[], context: Context, options: XhtmlOptions): string {
  let out = ''
  for (const node of nodes) out += serializeNode(node, context, options)
  return out
}

function serializeNode(node: Node, context: Context, options: XhtmlOptions): string {
  if (node.nodeName === '#text') return xmlText((node as DefaultTreeAdapterTypes.TextNode).value)
  if (!('tagName' in node)) return ''
  return serializeElement(node, context, options)
}

function serializeElement(element: Element, context: Context, options: XhtmlOptions): string {
  const tag = element.tagName
  if (!KNOWN.has(tag)) return children(element.childNodes, context, options)
  if (context === 'phrasing' && !PHRASING.has(tag)) {
    // A block where only inline content may stand: keep its content, end it with a line break.
    if (tag === 'hr') return ''
    const inner = children(element.childNodes, 'phrasing', options)
    return inner.trim() ? `${inner}<br/>` : ''
  }
  if (tag === 'img') return image(element, options)
  if (tag === 'time' && !validAttribute(element, 'datetime', DATE_TIME)) {
    return `<span${attributes(element, [])}>${children(element.childNodes, 'phrasing', options)}</span>`
  }
  const parentTag = element.parentNode && 'tagName' in element.parentNode ? element.parentNode.tagName : ''
  const name = renamedFor(tag, parentTag, element)
  const inner = contentOf(element, name, context, options)
  if (VOID.has(name)) return `<${name}${attributes(element, allowedAttributes(name))}/>`
  if (name === 'ul' || name === 'ol' || name === 'dl' || isTablePart(name)) {
    if (!inner.trim() && name !== 'table') return ''
  }
  return `<${name}${attributes(element, allowedAttributes(name))}>${inner}</${name}>`
}

/** An element out of its proper parent becomes the general element that may stand there. */
function renamedFor(tag: string, parentTag: string, element: Element): string {
  if (AS_DIV.has(tag)) return 'div'
  if (tag === 'li' && parentTag !== 'ul' && parentTag !== 'ol') return 'div'
  if ((tag === 'dt' || tag === 'dd') && parentTag !== 'dl') return tag === 'dt' ? 'p' : 'div'
  if (tag === 'figcaption' && (parentTag !== 'figure' || !isFirstOrLastCaption(element))) return 'div'
  return tag
}

function isFirstOrLastCaption(element: Element): boolean {
  const parent = element.parentNode
  if (!parent) return false
  const elements = parent.childNodes.filter((n): n is Element => 'tagName' in n)
  const captions = elements.filter((n) => n.tagName === 'figcaption')
  if (captions[0] !== element) return false
  return elements[0] === element || elements[elements.length - 1] === element
}

function contentOf(element: Element, name: string, context: Context, options: XhtmlOptions): string {
  const kids = element.childNodes
  switch (name) {
    case 'ul':
    case 'ol':
      return wrapChildren(kids, (tag) => tag === 'li', 'li', options)
    case 'dl':
      return wrapChildren(kids, (tag) => tag === 'dt' || tag === 'dd', 'dd', options)
    case 'table':
      return tableContent(kids, options)
    case 'thead':
    case 'tbody':
    case 'tfoot':
      return kids
        .filter((n): n is Element => 'tagName' in n && n.tagName === 'tr')
        .map((row) => serializeElement(row, 'flow', options))
        .join('')
    case 'tr':
      return kids
        .filter((n): n is Element => 'tagName' in n && (n.tagName === 'td' || n.tagName === 'th'))
        .map((cell) => serializeElement(cell, 'flow', options))
        .join('')
    case 'br':
    case 'hr':
      return ''
    default: {
      const inside: Context = PHRASING_PARENTS.has(name)
        ? 'phrasing'
        : TRANSPARENT.has(name)
          ? context
          : 'flow'
      return children(kids, inside, options)
    }
  }
}

function isTablePart(name: string): boolean {
  return name === 'thead' || name === 'tbody' || name === 'tfoot' || name === 'tr'
}

/** A list's stray content goes into an item of its own; blank text between items is dropped. */
function wrapChildren(
  kids: Node[],
  belongs: (tag: string) => boolean,
  wrapper: string,
  options: XhtmlOptions,
): string {
  let out = ''
  for (const kid of kids) {
    if ('tagName' in kid && belongs(kid.tagName)) out += serializeElement(kid, 'flow', options)
    else {
      const inner = serializeNode(kid, 'flow', options)
      if (inner.trim()) out += `<${wrapper}>${inner}</${wrapper}>`
    }
  }
  return out
}

/** HTML5's table order: caption, head, bodies (or rows), foot. Rows alone are put into a tbody. */
function tableContent(kids: Node[], options: XhtmlOptions): string {
  const elements = kids.filter((n): n is Element => 'tagName' in n)
  const part = (tag: string): Element[] => elements.filter((e) => e.tagName === tag)
  const caption = part('caption')[0]
  const head = part('thead')[0]
  const foot = part('tfoot')[0]
  const bodies = part('tbody').map((b) => serializeElement(b, 'flow', options))
  const rows = part('tr').map((r) => serializeElement(r, 'flow', options))
  if (rows.length > 0) bodies.push(`<tbody>${rows.join('')}</tbody>`)
  return [
    caption ? `<caption>${children(caption.childNodes, 'flow', options)}</caption>` : '',
    head ? serializeElement(head, 'flow', options) : '',
    ...bodies,
    foot ? serializeElement(foot, 'flow', options) : '',
  ].join('')
}

function image(element: Element, options: XhtmlOptions): string {
  const src = attribute(element, 'src')
  const alt = attribute(element, 'alt') ?? ''
  const mapped = src ? options.image(src) : null
  if (!mapped) return alt.trim() ? `<span>${xmlText(alt)}</span>` : ''
  let out = `<img src="${xmlAttribute(mapped)}" alt="${xmlAttribute(alt)}"`
  const title = attribute(element, 'title')
  if (title) out += ` title="${xmlAttribute(title)}"`
  for (const size of ['width', 'height']) {
    const value = attribute(element, size)
    if (value && NON_NEGATIVE.test(value)) out += ` ${size}="${value}"`
  }
  return `${out}/>`
}

interface AttributeRule {
  name: string
  valid: (value: string) => string | null
}

const GLOBAL_RULES: AttributeRule[] = [
  { name: 'lang', valid: (v) => (LANG.test(v) ? v : null) },
  { name: 'dir', valid: (v) => (['ltr', 'rtl', 'auto'].includes(v.toLowerCase()) ? v.toLowerCase() : null) },
]

const RULES: Record<string, AttributeRule[]> = {
  a: [
    { name: 'href', valid: linkTarget },
    { name: 'title', valid: (v) => v },
  ],
  abbr: [{ name: 'title', valid: (v) => v }],
  span: [
    { name: 'class', valid: (v) => (v === MISSING_IMAGE_CLASS ? v : null) },
    { name: 'role', valid: (v) => (v === 'img' ? v : null) },
    { name: 'aria-label', valid: (v) => v },
  ],
  td: [
    { name: 'colspan', valid: positive },
    { name: 'rowspan', valid: (v) => (NON_NEGATIVE.test(v) ? String(Number(v)) : null) },
  ],
  th: [
    { name: 'colspan', valid: positive },
    { name: 'rowspan', valid: (v) => (NON_NEGATIVE.test(v) ? String(Number(v)) : null) },
    { name: 'scope', valid: (v) => (['row', 'col', 'rowgroup', 'colgroup'].includes(v) ? v : null) },
  ],
  time: [{ name: 'datetime', valid: (v) => (DATE_TIME.test(v) ? v : null) }],
  ol: [
    { name: 'start', valid: (v) => (/^-?\d{1,9}$/.test(v) ? String(Number(v)) : null) },
    { name: 'reversed', valid: () => 'reversed' },
  ],
}

function allowedAttributes(tag: string): AttributeRule[] {
  return RULES[tag] ?? []
}

function attributes(element: Element, rules: AttributeRule[]): string {
  let out = ''
  for (const rule of [...GLOBAL_RULES, ...rules]) {
    const raw = attribute(element, rule.name)
    if (raw === null) continue
    const value = rule.valid(raw.trim())
    if (value === null) continue
    out += ` ${rule.name}="${xmlAttribute(value)}"`
    if (rule.name === 'lang') out += ` xml:lang="${xmlAttribute(value)}"`
  }
  return out
}

function validAttribute(element: Element, name: string, pattern: RegExp): boolean {
  const value = attribute(element, name)
  return value !== null && pattern.test(value.trim())
}

function attribute(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null
}

function positive(value: string): string | null {
  return /^\d{1,4}$/.test(value) && Number(value) > 0 ? String(Number(value)) : null
}

/** Only absolute web and mail links, written as the URL standard writes them (epubcheck parses them). */
export function linkTarget(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : null
  } catch {
    return null
  }
}
