import { describe, expect, it } from 'vitest'
import { fittingCount } from '../../src/renderer/src/lib/toolbar-fit'

describe('fittingCount: which toolbar controls stay in the row', () => {
  it('keeps every control when all fit, with no More button', () => {
    expect(fittingCount([90, 60, 70], 300, 70)).toBe(3)
  })

  it('keeps room for More when some do not fit, moving the last ones out first', () => {
    // 90+6 + 60+6 = 162, plus More 70+6 = 238 <= 250; a third (70+6) would pass it.
    expect(fittingCount([90, 60, 70, 80], 250, 70)).toBe(2)
  })

  it('leaves only More in a pane too narrow for any control', () => {
    expect(fittingCount([120, 120], 100, 70)).toBe(0)
  })
})
