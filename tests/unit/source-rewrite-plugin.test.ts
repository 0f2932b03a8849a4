import { describe, expect, it } from 'vitest'
import { sourceRewritePlugin } from '../../scripts/source-rewrite-plugin'

const plugin = (): ReturnType<typeof sourceRewritePlugin> =>
  sourceRewritePlugin({
    name: 'dateline-test-rewrite',
    module: /some-package[\\/]lib[\\/]target\.js$/,
    rewrite: (code) => code.replace('slow', 'fast'),
    bundledWith: (id) => id.includes('some-package'),
    missing: 'some-package was bundled without its rewrite',
  })

type Hook = (this: { error: (message: string) => never }, ...args: unknown[]) => unknown

/** Runs generateBundle over one chunk holding these modules; returns the build's error, if any. */
function bundleError(p: ReturnType<typeof plugin>, modules: string[]): string | null {
  let error: string | null = null
  const context = {
    error: (message: string): never => {
      error = message
      throw new Error(message)
    },
  }
  const bundle = { 'main.js': { type: 'chunk', modules: Object.fromEntries(modules.map((id) => [id, {}])) } }
  try {
    ;(p.generateBundle as Hook).call(context, {}, bundle)
  } catch {
    // the error is what the build would print
  }
  return error
}

describe('a build-time rewrite of an installed module', () => {
  it('rewrites the module it names and leaves every other alone', () => {
    const p = plugin()
    const transform = p.transform as Hook
    expect(transform.call(null as never, 'a slow path', '/n/some-package/lib/target.js')).toEqual({
      code: 'a fast path',
      map: null,
    })
    expect(transform.call(null as never, 'a slow path', '/n/some-package/lib/other.js')).toBeNull()
  })

  it('fails the build when the package was bundled but the module was never rewritten', () => {
    expect(bundleError(plugin(), ['/n/some-package/lib/moved.js'])).toBe(
      'some-package was bundled without its rewrite',
    )
    const rewritten = plugin()
    ;(rewritten.transform as Hook).call(null as never, 'slow', '/n/some-package/lib/target.js')
    expect(bundleError(rewritten, ['/n/some-package/lib/target.js'])).toBeNull()
    expect(bundleError(plugin(), ['/n/other/index.js']), 'a build without the package').toBeNull()
  })
})
