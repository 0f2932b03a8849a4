import { describe, expect, it, vi } from 'vitest'
import { lowerPhrase } from '../../src/main/correspondents/byline-words'
import { readPageSignals } from '../../src/main/correspondents/page-signals'
import type { DomElement } from '../../src/main/ingest/extract/dom'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'

/*
 * Who wrote it is read with cheaper machinery than its rules first spelt out (docs/benchmarks.md,
 * "Correspondents step"): the same credits, found with less work. These hold the machinery to
 * what it replaced.
 */

/** Every code point, alone and where case depends on its neighbours (a final sigma). */
function everyCodePoint(): string {
  const parts: string[] = []
  for (let code = 0; code <= 0x10ffff; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue
    const c = String.fromCodePoint(code)
    parts.push(c, `A${c}Σ`, `Σ${c}`, `aΣ${c} `, `${c}\u0307`)
  }
  return parts.join(' ')
}

/** A story with a byline, and comments whose authors' marks are many: each would be weighed. */
function pageWithComments(comments: number): string {
  const comment = (n: number): string =>
    `<li class="comment"><div class="comment-author"><span class="author">Reader ${n}</span></div>` +
    `<p>I read it twice, and it still says what it said.</p></li>`
  return (
    `<html><head><title>A story</title></head><body><article><h1>A story</h1>` +
    `<div class="byline">By Anna Müller</div><p>The story begins here and goes on for a while.</p>` +
    `</article><section id="comments"><ul>${Array.from({ length: comments }, (_, n) => comment(n)).join('')}` +
    `</ul></section></body></html>`
  )
}

describe('the machinery of reading bylines', () => {
  it('lowers phrases as the root locale does, on every code point', () => {
    const text = everyCodePoint()
    expect(lowerPhrase(text)).toBe(text.toLocaleLowerCase('und').replace(/\s+/g, ' ').trim())
  })

  it('finds what stands outside the story with one query per page, however many elements it weighs', () => {
    const { document } = readPageTree(pageWithComments(40))
    const element = document.querySelector('div') as DomElement
    const proto = Object.getPrototypeOf(element) as object
    let owner: object | null = proto
    while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, 'closest'))
      owner = Object.getPrototypeOf(owner) as object | null
    const spy = vi.spyOn(owner as { closest(selector: string): unknown }, 'closest')
    try {
      const credited = readPageSignals(document, 'https://example.com/story').signals
      const texts = credited.flatMap((signal) => signal.credits.map((credit) => credit.text))
      expect(texts).toContain('By Anna Müller')
      expect(texts.some((text) => text.includes('Reader'))).toBe(false)
      const elsewhereLookups = spy.mock.calls.filter(([selector]) => String(selector).includes('comment'))
      expect(elsewhereLookups).toHaveLength(0)
    } finally {
      spy.mockRestore()
    }
  })

  it('reads a copy of the page as it reads the page (a copy keeps the first one as its owner)', () => {
    const { document } = readPageTree(pageWithComments(3))
    const copy = document.cloneNode(true)
    expect(readPageSignals(copy, null)).toEqual(readPageSignals(document, null))
    const texts = readPageSignals(copy, null).signals.flatMap((s) => s.credits.map((c) => c.text))
    expect(texts.some((text) => text.includes('Reader'))).toBe(false)
  })
})
