import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { withCompiledSelectorCache } from '../../scripts/linkedom-selector-cache'

const installedSource = readFileSync(resolve('node_modules/linkedom/esm/shared/matches.js'), 'utf8')
const sharedFolder = resolve('node_modules/linkedom/esm/shared')
// css-select as linkedom finds it, so the copy below runs the very code the bundle holds.
const cssSelect = createRequire(join(sharedFolder, 'matches.js')).resolve('css-select')
const folder = mkdtempSync(join(tmpdir(), 'dateline-matches-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

interface Matching {
  prepareMatch(element: unknown, selectors: string): (element: unknown) => boolean
  matches(element: unknown, selectors: string): boolean
}

async function moduleOf(source: string, name: string): Promise<Matching> {
  const file = join(folder, name)
  // The copy lives elsewhere: its imports point at the installed modules by their full paths.
  const located = source
    .replace(
      /from '\.\/([^']+)'/g,
      (_match: string, imported: string) => `from '${pathToFileURL(join(sharedFolder, imported)).href}'`,
    )
    .replace("from 'css-select'", `from '${pathToFileURL(cssSelect).href}'`)
  writeFileSync(file, located)
  return (await import(pathToFileURL(file).href)) as Matching
}

/** A few elements of a real linkedom tree, to ask both versions the same questions. */
async function sampleTree(): Promise<{ elements: unknown[] }> {
  const { parseHTML } = await import('linkedom')
  const { document } = parseHTML(
    '<html><body><div class="a"><h2><a href="/x">Head line here</a></h2><p id="p">Text <em>in</em> it</p>' +
      '<ul><li class="a b">one</li><li>two</li></ul><svg><path d="M0"/></svg></div><section>s</section></body></html>',
  )
  return { elements: Array.from(document.querySelectorAll('*')) }
}

const SELECTORS = [
  'a[href]',
  'h1,h2,h3,h4,h5,h6',
  'div > p',
  '.a.b',
  'li:not(.a)',
  'div:has(> h2)',
  ':scope > h2',
  'p em',
  'section, svg path',
  '[id="p"]',
  // Lists of tag names are answered from a set of names, the rest of a list by css-select.
  'p',
  'SPAN,LI,EM',
  'h2 , a, ul',
  'section, [class*="A" i], em',
  '[title="a,b"], p, li:not(.a)',
  'svg, path',
]

describe('linkedom with each selector compiled once (the build rewrites it)', () => {
  it('rewrites the installed linkedom, and fails loudly on a source it does not know', () => {
    const rewritten = withCompiledSelectorCache(installedSource)
    expect(rewritten).toContain('compiledOnce(selectors')
    expect(() =>
      withCompiledSelectorCache(installedSource.replace('xmlMode: !ignoreCase(element),', 'xmlMode: false,')),
    ).toThrow(/no longer holds/)
  })

  it('answers every selector on every element as linkedom does, asked again and again', async () => {
    const original = await moduleOf(installedSource, 'original.mjs')
    const cached = await moduleOf(withCompiledSelectorCache(installedSource), 'cached.mjs')
    const { elements } = await sampleTree()
    for (let round = 0; round < 2; round += 1) {
      for (const selector of SELECTORS) {
        for (const context of elements) {
          const expected = elements.map((element) => original.prepareMatch(context, selector)(element))
          const got = elements.map((element) => cached.prepareMatch(context, selector)(element))
          expect(got, `${selector} in round ${round}`).toEqual(expected)
          expect(cached.matches(context, selector)).toBe(original.matches(context, selector))
        }
      }
    }
    // `:scope` is relative to the element asked: the first context's answer is not reused for others.
    const [first, second] = elements
    const scoped = elements.filter((element) => cached.prepareMatch(first, ':scope > *')(element))
    const scopedSecond = elements.filter((element) => cached.prepareMatch(second, ':scope > *')(element))
    expect(scoped).not.toEqual(scopedSecond)
  })

  it('asks an element its name once for a list of tag names, not once per name', async () => {
    // Readability and the clean-up ask lists of a dozen tags of every element of long pages.
    const cached = await moduleOf(withCompiledSelectorCache(installedSource), 'cached-names.mjs')
    const { elements } = await sampleTree()
    const section = elements.find(
      (element) => (element as { localName: string }).localName === 'section',
    ) as object
    let asked = 0
    // linkedom keeps the name as the element's own property; a getter in its place counts the asking.
    const localName = (section as { localName: string }).localName
    Object.defineProperty(section, 'localName', {
      get() {
        asked += 1
        return localName
      },
    })
    const test = cached.prepareMatch(section, 'strong, b, em, i, span, small, label, dt, th, p, h4, h5, h6')
    asked = 0
    expect(test(section)).toBe(false)
    expect(asked).toBe(1)
  })

  it('matches tag names in an XML document as written, as css-select does', async () => {
    const original = await moduleOf(installedSource, 'original-xml.mjs')
    const cached = await moduleOf(withCompiledSelectorCache(installedSource), 'cached-xml.mjs')
    const { DOMParser } = await import('linkedom')
    const xml = new DOMParser().parseFromString('<feed><Entry/><entry/><title>t</title></feed>', 'text/xml')
    const elements = Array.from(xml.querySelectorAll('*'))
    for (const selector of ['entry', 'Entry, title', 'ENTRY', 'entry, [x]']) {
      const expected = elements.map((element) => original.prepareMatch(elements[0], selector)(element))
      const got = elements.map((element) => cached.prepareMatch(elements[0], selector)(element))
      expect(got, selector).toEqual(expected)
    }
  })

  it('still throws on a selector css-select rejects, each time it is asked', async () => {
    const original = await moduleOf(installedSource, 'original-bad.mjs')
    const cached = await moduleOf(withCompiledSelectorCache(installedSource), 'cached-bad.mjs')
    const { elements } = await sampleTree()
    for (const bad of ['a[', 'p,,a', 'p, a)', 'p, ']) {
      expect(() => original.prepareMatch(elements[0], bad), bad).toThrow()
      expect(() => cached.prepareMatch(elements[0], bad), bad).toThrow()
      expect(() => cached.prepareMatch(elements[0], bad), bad).toThrow()
    }
  })
})
