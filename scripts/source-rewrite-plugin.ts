import type { Plugin } from 'vite'

export interface SourceRewrite {
  /** The plugin's name (dateline-…). */
  name: string
  /** The module whose source is rewritten. */
  module: RegExp
  rewrite: (code: string) => string
  /** Whether a bundled module shows the rewrite was needed: by default, the module itself. */
  bundledWith?: (id: string) => boolean
  /** The build's error when a chunk holds the package but the rewrite never ran. */
  missing: string
}

/**
 * A build-time rewrite of one installed module's source, as a Vite plugin for the main bundles.
 * It fails the build when the package was bundled and the rewrite never ran (an upgrade moved the
 * file), so a rewrite cannot be dropped without anyone noticing.
 */
export function sourceRewritePlugin({
  name,
  module,
  rewrite,
  bundledWith = (id) => module.test(id),
  missing,
}: SourceRewrite): Plugin {
  let rewritten = false
  return {
    name,
    enforce: 'pre',
    transform(code, id) {
      if (!module.test(id)) return null
      rewritten = true
      return { code: rewrite(code), map: null }
    },
    generateBundle(_options, bundle) {
      const bundled = Object.values(bundle).some(
        (chunk) => chunk.type === 'chunk' && Object.keys(chunk.modules).some(bundledWith),
      )
      if (bundled && !rewritten) this.error(missing)
    },
  }
}
