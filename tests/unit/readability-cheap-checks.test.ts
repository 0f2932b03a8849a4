import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseHTML } from 'linkedom'
import { afterAll, describe, expect, it } from 'vitest'
import { withCheapChecks } from '../../scripts/readability-cheap-checks'
import { STORY_PARAGRAPHS, newsPage, storyHtml } from '../fixtures/extract-pages'

const installedSource = readFileSync(resolve('node_modules/@mozilla/readability/Readability.js'), 'utf8')
const folder = mkdtempSync(join(tmpdir(), 'dateline-readability-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

interface ReadabilityResult {
  title: string | null
  byline: string | null
  content: string | null
  textContent: string | null
}
type ReadabilityClass = new (document: unknown, options?: object) => { parse(): ReadabilityResult | null }

/** A copy of Readability.js as a CommonJS module of its own (it requires nothing). */
function load(source: string, name: string): ReadabilityClass {
  const file = join(folder, name)
  writeFileSync(file, source)
  return createRequire(file)(file) as ReadabilityClass
}

const original = load(installedSource, 'original.cjs')
const cheap = load(withCheapChecks(installedSource), 'cheap.cjs')

/** Pages whose bylines, hidden blocks and inline styles the two checks decide on. */
const PAGES = [
  newsPage(
    `<div class="byline">By <a rel="author" href="/a">Anna Schmidt</a></div>
     <p style="display:none">Hidden teaser that no reader sees.</p>
     <div style="visibility: hidden"><p>${STORY_PARAGRAPHS[4]}</p></div>
     <div style="color: red"><p>${STORY_PARAGRAPHS[0]}</p></div>
     <span itemprop="author">John Smith</span>
     <div class="author-bio">${STORY_PARAGRAPHS[1]} ${STORY_PARAGRAPHS[2]}</div>
     ${storyHtml(STORY_PARAGRAPHS.slice(2))}`,
  ),
  newsPage(`<p class="dateline">Valletta, 3 March</p><div aria-hidden="true">x</div>${storyHtml()}`),
  ...readdirSync(resolve('tests/fixtures/world-pages')).map((file) =>
    readFileSync(resolve('tests/fixtures/world-pages', file), 'utf8'),
  ),
]

const read = (Readability: ReadabilityClass, html: string): ReadabilityResult | null =>
  new Readability(parseHTML(html).document, { keepClasses: true, charThreshold: 300 }).parse()

describe('Readability with its visibility and byline checks made lazy (the build rewrites it)', () => {
  it('rewrites the installed Readability, and fails loudly on a source it does not know', () => {
    expect(withCheapChecks(installedSource)).toContain('!node.hasAttribute("style") || !node.style')
    expect(() =>
      withCheapChecks(
        installedSource.replace('var bylineLength = node.textContent', 'var n = node.textContent'),
      ),
    ).toThrow(/no longer holds/)
  })

  it('reads every page as Readability does: the same story, title and byline', () => {
    for (const html of PAGES) expect(read(cheap, html)).toEqual(read(original, html))
    expect(read(cheap, PAGES[0] ?? '')?.textContent).not.toContain('Hidden teaser')
  })

  it('asks no element without a style attribute for its style', () => {
    const { document } = parseHTML(PAGES[0] ?? '')
    let asked = 0
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      if (element.hasAttribute('style')) continue
      // linkedom builds an element's style on first asking; a getter in its place counts the asking.
      Object.defineProperty(element, 'style', {
        get() {
          asked += 1
          return undefined
        },
      })
    }
    new cheap(document, { keepClasses: true, charThreshold: 300 }).parse()
    expect(asked).toBe(0)
  })
})
