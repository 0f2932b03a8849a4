import { describe, expect, it } from 'vitest'
import { FULL_LOOK_EVERY_MS, LookScope } from '../../src/main/sync/look-scope'

describe('what a sync look compares', () => {
  it('compares everything at the first look, then only the articles the changes named', () => {
    let now = 0
    const scope = new LookScope(() => now)
    scope.note(['a'])
    expect(scope.take()).toBe('all')
    now += 1000
    scope.note(['b'])
    scope.note(['c', 'b'])
    expect(scope.take()).toEqual(['b', 'c'])
    expect(scope.take()).toEqual([])
  })

  it('compares everything after a change that names no article, a failed look, or a while', () => {
    let now = 0
    const scope = new LookScope(() => now)
    scope.take()
    scope.note(['a'])
    scope.note('all')
    scope.note(['b'])
    expect(scope.take()).toBe('all')
    scope.note(['c'])
    scope.failed()
    expect(scope.take()).toBe('all')
    now += FULL_LOOK_EVERY_MS
    expect(scope.take()).toBe('all')
    expect(scope.take()).toEqual([])
  })

  it('compares everything when more articles changed than one look names', () => {
    const scope = new LookScope(() => 0)
    scope.take()
    scope.note(Array.from({ length: 2001 }, (_, i) => `a${i}`))
    expect(scope.take()).toBe('all')
  })
})
