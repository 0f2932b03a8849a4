import { describe, expect, it } from 'vitest'
import { hasText, textLongerThan, textOf } from '../../src/main/ingest/extract/dom'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'

/* The shortcuts the clean-up steps use must answer as the full normalised text would. */

const bodyOf = (html: string): ReturnType<typeof readPageTree>['document']['body'] =>
  readPageTree(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body

describe('text shortcuts agree with textOf', () => {
  const cases = [
    '',
    '   \n\t ',
    '&nbsp;\u200b&nbsp;',
    '<span> </span><b>\u00a0</b>',
    'a',
    '  <i>x</i>  ',
    `${'word '.repeat(40)}`,
    `\n   ${'ab '.repeat(53)}a  \n`,
    `${'x'.repeat(160)}`,
    ` ${'x'.repeat(161)} `,
    `${'é\u00a0'.repeat(80)}`,
    '<script>var x = 1</script>',
    // Texts that the walk reads piece by piece: spaces across elements, comments, deep nesting.
    '<div><p> a</p><p> </p>\n<p>b </p></div>',
    `<div>${'<span>ab </span><!-- c --><i> </i>'.repeat(30)}</div>`,
    `${'<div>'.repeat(40)}\u200b${'</div>'.repeat(40)}<p>z</p>`,
    '<template><p>in a template</p></template>',
    '<svg><text>x</text></svg><math><mi>y</mi></math>',
  ]
  it.each(cases)('on %j', (html) => {
    const body = bodyOf(html)
    expect(body).not.toBeNull()
    if (body === null) return
    expect(hasText(body)).toBe(textOf(body) !== '')
    for (const limit of [0, 1, 159, 160, 161]) {
      expect(textLongerThan(body, limit)).toBe(textOf(body).length > limit)
    }
  })
})

describe('text shortcuts read only the element asked about', () => {
  it('stops at the end of the element, not at the end of the page', () => {
    const body = bodyOf(`<div id="empty"><span> </span><b></b></div><p>${'after '.repeat(40)}</p>`)
    const empty = body?.querySelector('#empty')
    expect(empty).not.toBeNull()
    if (empty === null || empty === undefined) return
    expect(hasText(empty)).toBe(false)
    expect(textLongerThan(empty, 0)).toBe(false)
    const inner = body?.querySelector('b')
    if (inner === null || inner === undefined) return
    expect(hasText(inner)).toBe(false)
  })
})

describe('text shortcuts on a wrapper of the whole page', () => {
  // linkedom builds an element's textContent from its whole subtree: for a wrapper, the page.
  it('learn what they ask without building the wrapper’s whole text', () => {
    const body = bodyOf(`<div id="page">${'<p>A paragraph of the story, long enough.</p>'.repeat(500)}</div>`)
    const page = body?.querySelector('#page')
    if (page === null || page === undefined) throw new Error('no wrapper')
    let owner: object | null = page
    let getter: PropertyDescriptor | undefined
    while (owner !== null && getter === undefined) {
      getter = Object.getOwnPropertyDescriptor(owner, 'textContent')
      if (getter === undefined) owner = Object.getPrototypeOf(owner) as object | null
    }
    if (owner === null || getter?.get === undefined) throw new Error('no textContent getter')
    const read = getter.get
    let built = 0
    Object.defineProperty(owner, 'textContent', {
      ...getter,
      get(this: unknown) {
        built += 1
        return read.call(this) as unknown
      },
    })
    try {
      expect(hasText(page)).toBe(true)
      expect(textLongerThan(page, 160)).toBe(true)
      expect(built).toBe(0)
    } finally {
      Object.defineProperty(owner, 'textContent', getter)
    }
  })
})
