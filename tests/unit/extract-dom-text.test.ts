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
