import type { Plugin } from 'vite'
import { sourceRewritePlugin } from './source-rewrite-plugin'

/*
 * Two of Readability's checks, asked of every element its main loop visits, build something large
 * on linkedom before they know whether they need it:
 * - `_isProbablyVisible` reads `node.style.display` and `.visibility`. linkedom makes each element
 *   that is asked its style a CSSStyleDeclaration (a Map behind a Proxy, with an entry in a
 *   module-wide WeakMap the collector must trace); without a `style` attribute both read "", so
 *   the style is asked only of elements that have the attribute.
 * - `_isValidByline` takes the length of `node.textContent` (for a wrapper, the whole page's text
 *   joined) before it looks at `rel`, `itemprop` and the class and id; the length is now taken
 *   only when one of those says byline.
 * On the slowest benchmark pages the two were about 7% of a job's CPU time. Both give the same
 * answers: the values they skip cannot change the result. As with linkedom's rewrites
 * (linkedom-lazy-listeners.ts), the rewrite matches the source exactly and fails the build when
 * Readability's source no longer matches.
 */

const READABILITY_RE = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/

/** The exact pieces of Readability 0.6's Readability.js that change, and what replaces them. */
const REWRITES: [string, string][] = [
  [
    `      (!node.style || node.style.display != "none") &&
      (!node.style || node.style.visibility != "hidden") &&`,
    `      (!node.hasAttribute("style") || !node.style || node.style.display != "none") &&
      (!node.hasAttribute("style") || !node.style || node.style.visibility != "hidden") &&`,
  ],
  [
    `    var bylineLength = node.textContent.trim().length;

    return (
      (rel === "author" ||
        (itemprop && itemprop.includes("author")) ||
        this.REGEXPS.byline.test(matchString)) &&
      !!bylineLength &&
      bylineLength < 100
    );`,
    `    if (
      !(
        rel === "author" ||
        (itemprop && itemprop.includes("author")) ||
        this.REGEXPS.byline.test(matchString)
      )
    ) {
      return false;
    }
    var bylineLength = node.textContent.trim().length;

    return !!bylineLength && bylineLength < 100;`,
  ],
]

/** Readability.js with the two checks made lazy; throws when the source differs. */
export function withCheapChecks(source: string): string {
  let code = source.replace(/\r\n/g, '\n')
  for (const [from, to] of REWRITES) {
    if (!code.includes(from)) {
      throw new Error(`Readability.js no longer holds ${JSON.stringify(from)}; update the rewrite`)
    }
    code = code.replace(from, to)
  }
  return code
}

/**
 * The rewrite as a Vite plugin for the main bundles, which must then bundle Readability rather than
 * load it from node_modules. The tests run Readability as installed; the rewrite itself is tested on
 * the installed source.
 */
export function readabilityCheapChecks(): Plugin {
  return sourceRewritePlugin({
    name: 'dateline-readability-cheap-checks',
    module: READABILITY_RE,
    rewrite: withCheapChecks,
    missing: 'Readability was bundled without its checks rewritten',
  })
}
