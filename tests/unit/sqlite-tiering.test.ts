import { describe, expect, it } from 'vitest'
import { SQLITE_TIERING_FLAG, tieringChosenByUser } from '../../src/main/library/sqlite-build'

describe("SQLite's WebAssembly tiering", () => {
  it('raises the budget unless the person chose their own tiering', () => {
    expect(SQLITE_TIERING_FLAG).toMatch(/^--wasm-tiering-budget=\d+$/)
    expect(tieringChosenByUser(['/usr/bin/node', 'out/main/cli.js', 'list'], '')).toBe(false)
    expect(tieringChosenByUser(['--max-old-space-size=4096'], '--enable-source-maps')).toBe(false)
  })

  it("keeps the person's own choice, from node's flags, NODE_OPTIONS or Electron's --js-flags", () => {
    expect(tieringChosenByUser(['--wasm-tiering-budget=1800000'], '')).toBe(true)
    expect(tieringChosenByUser(['--liftoff-only'], '')).toBe(true)
    expect(tieringChosenByUser([], '--no-wasm-dynamic-tiering')).toBe(true)
    expect(tieringChosenByUser(['dateline', '--js-flags=--wasm_tiering_budget=500000'], '')).toBe(true)
  })
})
