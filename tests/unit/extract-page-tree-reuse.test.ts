import { describe, expect, it, vi } from 'vitest'
import { readPageTree } from '../../src/main/ingest/extract/page-tree'

// parse5 is wrapped to count the rebuilds: a page off the standard's shape is read two or three
// times in one capture (the usual reading, a fallback, the correspondents step).
const parses = vi.hoisted(() => ({ count: 0 }))
vi.mock('parse5', async (importOriginal) => {
  const original = await importOriginal<typeof import('parse5')>()
  return {
    ...original,
    parse: (...args: Parameters<typeof original.parse>): ReturnType<typeof original.parse> => {
      parses.count += 1
      return original.parse(...args)
    },
  }
})

// A stray </body> before the story: linkedom leaves the story outside <body>.
const page = (story: string): string =>
  `<!DOCTYPE html><html><head><title>T</title></head><body><header>Site</header></body><article><p>${story}</p></article></html>`

describe('a page rebuilt by the standard', () => {
  it('is rebuilt once when it is read again, with the same tree', () => {
    parses.count = 0
    const html = page('The harbour authority chose a new ferry operator.')
    const first = readPageTree(html)
    const second = readPageTree(html)
    expect(first.repairs).toContain('rebuilt')
    expect(second.repairs).toContain('rebuilt')
    expect(second.document.body?.textContent).toContain('new ferry operator')
    expect(second.document.body?.innerHTML).toBe(first.document.body?.innerHTML)
    expect(parses.count).toBe(1)
  })

  it('is rebuilt again when the page is another', () => {
    parses.count = 0
    readPageTree(page('One story.'))
    const other = readPageTree(page('Another story.'))
    expect(other.document.body?.textContent).toContain('Another story.')
    expect(parses.count).toBe(2)
  })
})
