import type { Plugin } from 'vite'
import { sourceRewritePlugin } from './source-rewrite-plugin'

/*
 * linkedom gives every node it creates (each element, text and comment, in every parse, copy and
 * innerHTML write) an entry in one module-wide WeakMap holding an empty Map for its event listeners.
 * The extractor never listens for events, but a long page makes a few hundred thousand nodes per
 * job, and those entries cost more than building the nodes: parsing and copying the eight slowest
 * benchmark pages took 3.3-4.5 s of CPU with them and 0.9-1.1 s with the map made on a node's
 * first addEventListener instead. V8 also keeps every WeakMap entry as an ephemeron the collector
 * must trace, so the cost returns as garbage-collection time.
 *
 * The build rewrites that one constructor so the map is made when a listener is first added; a
 * node without listeners behaves the same (dispatch already checks for a missing map). The rewrite
 * matches the source exactly and fails the build when linkedom's source no longer matches, so an
 * upgrade cannot silently drop it.
 */

const EVENT_TARGET_RE = /[\\/]linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/

/** The exact pieces of linkedom 0.18's event-target.js that change, and what replaces them. */
const REWRITES: [string, string][] = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
  [
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
    '  addEventListener(type, listener, options) {\n    if (!wm.has(this)) wm.set(this, new Map);\n    const map = wm.get(this);',
  ],
  [
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
  ],
]

/** linkedom's event-target.js with listener maps made on first use; throws when the source differs. */
export function withLazyListenerMaps(source: string): string {
  let code = source.replace(/\r\n/g, '\n')
  for (const [from, to] of REWRITES) {
    if (!code.includes(from)) {
      throw new Error(
        `linkedom's event-target.js no longer holds ${JSON.stringify(from)}; update the rewrite`,
      )
    }
    code = code.replace(from, to)
  }
  return code
}

/**
 * The rewrite as a Vite plugin for the main bundles, which must then bundle linkedom rather than load
 * it from node_modules. The tests run linkedom as installed (the same behaviour, only slower); the
 * rewrite itself is tested on the installed source.
 */
export function linkedomLazyListeners(): Plugin {
  return sourceRewritePlugin({
    name: 'dateline-linkedom-lazy-listeners',
    module: EVENT_TARGET_RE,
    rewrite: withLazyListenerMaps,
    bundledWith: (id) => id.includes('linkedom'),
    missing: 'linkedom was bundled without its listener maps rewritten',
  })
}
