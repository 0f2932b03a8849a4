import { describe, expect, it } from 'vitest'
import { sanitizeSvg } from '../../src/main/ingest/sanitize-svg'

const CHART = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">
  <title>Grain exports, 2022–2024</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#08f"/></linearGradient></defs>
  <rect x="0" y="10" width="20" height="40" fill="url(#g)"/>
  <path d="M0 0 L100 50" stroke="#333" stroke-width="2"/>
  <use xlink:href="#g"/>
  <text x="5" y="45" font-size="4">Odesa</text>
</svg>`

describe('sanitizeSvg keeps drawing and nothing that runs or fetches', () => {
  it('keeps the shapes, gradients, text and title of a chart', () => {
    const clean = sanitizeSvg(CHART)!
    expect(clean).toMatch(/^<svg /)
    for (const part of [
      'viewBox="0 0 100 50"',
      'linearGradient',
      'fill="url(#g)"',
      'd="M0 0 L100 50"',
      '>Odesa<',
      'Grain exports',
    ]) {
      expect(clean).toContain(part)
    }
    expect(clean).toContain('xlink:href="#g"')
  })

  it.each([
    ['a script element', '<svg><script>alert(1)</script><rect width="1" height="1"/></svg>', /alert|script/],
    [
      'an event handler',
      '<svg onload="alert(1)"><rect onclick="alert(2)" width="1"/></svg>',
      /alert|onload|onclick/,
    ],
    [
      'foreignObject with HTML',
      '<svg><foreignObject><iframe src="https://x.example"/></foreignObject></svg>',
      /iframe|foreignObject|x\.example/,
    ],
    [
      'a javascript: link',
      '<svg><a href="javascript:alert(1)"><rect width="1"/></a></svg>',
      /javascript|alert/,
    ],
    [
      'an external picture',
      '<svg><image href="https://tracker.example/p.gif"/><use href="https://x.example/a.svg#b"/></svg>',
      /tracker|x\.example/,
    ],
    [
      'CSS that fetches',
      '<svg><style>rect{fill:url(https://x.example/)}</style><rect style="fill:url(https://y.example)" fill="url(https://z.example/#a)"/></svg>',
      /example|style/,
    ],
    [
      'an animation that rewrites an attribute',
      '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onmouseover" to="alert(1)"/></a></svg>',
      /animate|set|alert/,
    ],
  ])('removes %s', (_what, svg, forbidden) => {
    const clean = sanitizeSvg(svg)
    expect(clean ?? '').not.toMatch(forbidden)
  })

  it('returns null for a file with nothing that draws', () => {
    expect(sanitizeSvg('<html><script>alert(1)</script></html>')).toBeNull()
  })

  it('does not expand entities declared in a doctype (a billion laughs)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<svg><text>&b;</text></svg>'
    const clean = sanitizeSvg(bomb) ?? ''
    expect(clean.length).toBeLessThan(200)
    expect(clean).not.toContain('DOCTYPE')
  })
})
