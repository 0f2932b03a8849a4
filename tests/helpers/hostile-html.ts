import fc from 'fast-check'

/**
 * Generators of hostile and broken pages for the fuzzing tests: markup a browser would still read,
 * mixed with everything an attacker or a broken CMS puts in a page.
 */

const TAGS = [
  'div',
  'p',
  'article',
  'section',
  'main',
  'span',
  'a',
  'img',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'figure',
  'picture',
  'source',
  'blockquote',
  'header',
  'footer',
  'nav',
  'aside',
  'form',
  'input',
  'button',
  'script',
  'style',
  'svg',
  'math',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'meta',
  'base',
  'link',
  'frameset',
  'frame',
  'video',
  'audio',
  'x-custom-card',
  'foreignObject',
  'animate',
  'set',
  'use',
  'annotation-xml',
  'mglyph',
  'select',
  'option',
  'textarea',
  'title',
  'body',
  'head',
  'html',
] as const

const ATTRIBUTE_NAMES = [
  'class',
  'id',
  'href',
  'src',
  'srcset',
  'data-src',
  'style',
  'onerror',
  'onload',
  'onclick',
  'formaction',
  'action',
  'xlink:href',
  'http-equiv',
  'content',
  'srcdoc',
  'itemprop',
  'role',
  'lang',
  'dir',
  'poster',
  'background',
  'ping',
  'target',
] as const

const HOSTILE_VALUES = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'https://tracker.example/p.gif',
  '//evil.example/x',
  'expression(alert(1))',
  'background:url(javascript:alert(1))',
  '0;url=https://evil.example/',
  '"><script>alert(1)</script>',
  'article-body',
  'content',
  'comment',
  'share',
  'related',
  'sidebar',
  'byline',
  'articleBody',
]

const TEXTS = [
  'Minsk',
  'Лукашенко заявил',
  '北京时间',
  'ソウル',
  '서울에서',
  'بيروت',
  'ירושלים',
  '&amp;&lt;&gt;&#0;&#xD800;',
  '\u202e\u0000\u001b[2J',
  'The talks in Vilnius resumed on Monday after a week of silence.',
  '   ',
  '<!-- a comment -->',
  '<![CDATA[x]]>',
  '</p></div></body>',
  '<',
  '&',
  '\ud800',
  'x'.repeat(300),
]

const attributeValue = fc.oneof(
  fc.constantFrom(...HOSTILE_VALUES),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 1, max: 64 * 1024 }).map((n) => 'a'.repeat(n)),
)

const attributes = fc
  .array(fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), attributeValue), { maxLength: 4 })
  .map((pairs) => pairs.map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`).join(''))

const text = fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 80 }), fc.lorem({ maxCount: 40 }))

/** A tree of elements, up to a few levels, each with hostile attributes and text. */
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...TAGS), attributes, fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
      .map(
        ([tag, attrs, children, closed]) =>
          `<${tag}${attrs}>${children.join('')}${closed ? `</${tag}>` : ''}`,
      ),
  ),
})).node

/** Nesting far deeper than a page should have: the shape that used to take seconds or overflow. */
const deepNesting = fc
  .tuple(fc.integer({ min: 100, max: 3000 }), fc.constantFrom('div', 'span', 'section', 'b'), text)
  .map(([depth, tag, inner]) => `<${tag}>`.repeat(depth) + `<p>${inner}</p>` + `</${tag}>`.repeat(depth))

const articleLike = fc
  .tuple(fc.array(text, { minLength: 3, maxLength: 12 }), element, element)
  .map(
    ([paragraphs, before, after]) =>
      `${before}<article><h1>Talks resume in Vilnius</h1>${paragraphs.map((p) => `<p>${p} ${p}</p>`).join('')}</article>${after}`,
  )

/** A whole generated page. */
export const hostilePage: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('<!doctype html>', '', '<?xml version="1.0"?>', '<!DOCTYPE svg [<!ENTITY a "aaaa">]>'),
    fc.boolean(),
    fc.oneof(
      { weight: 3, arbitrary: articleLike },
      { weight: 2, arbitrary: element },
      { weight: 1, arbitrary: deepNesting },
    ),
  )
  .map(([doctype, wrap, body]) =>
    wrap ? `${doctype}<html><head><title>t</title></head><body>${body}</body></html>` : `${doctype}${body}`,
  )

/** Ways a real page gets broken: cut, spliced with hostile markup, wrapped, stripped. */
export const pageMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    fragment: element,
  }),
  fc.record({ kind: fc.constant('wrap' as const), depth: fc.integer({ min: 50, max: 1500 }) }),
  fc.record({ kind: fc.constant('strip-closing' as const) }),
  fc.record({ kind: fc.constant('strip-body' as const) }),
)

export type PageMutation = typeof pageMutation extends fc.Arbitrary<infer T> ? T : never

export function mutatePage(html: string, mutation: PageMutation): string {
  switch (mutation.kind) {
    case 'truncate':
      return html.slice(0, Math.floor(html.length * mutation.at))
    case 'insert': {
      const at = Math.floor(html.length * mutation.at)
      return html.slice(0, at) + mutation.fragment + html.slice(at)
    }
    case 'wrap':
      return html.replace(/<body[^>]*>/i, (body) => body + '<div>'.repeat(mutation.depth))
    case 'strip-closing':
      return html.replace(/<\/(div|p|section|article|span)>/gi, '')
    case 'strip-body':
      return html.replace(/<\/?(body|html|head)[^>]*>/gi, '')
  }
}
