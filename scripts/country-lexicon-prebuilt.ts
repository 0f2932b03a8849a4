import type { Plugin } from 'vite'
import { sourceRewritePlugin } from './source-rewrite-plugin'
import { buildLexicon } from '../src/main/countries/build-lexicon'
import { packLexicon } from '../src/main/countries/packed-lexicon'

/*
 * A fresh extraction worker (and the re-tagging worker) used to build the country lexicon before its
 * first page: 0.8–0.9 s of CPU tokenising, folding and stemming the gazetteer's names, which a
 * person's first saved link waited for. The build does it once instead: the source module that
 * builds the lexicon (`countries/lexicon-source.ts`) is replaced in the main bundles by one that reads
 * the built lexicon back from packed data (`countries/packed-lexicon.ts`), so the gazetteer and the
 * building code are no longer in the workers at all. The data is built from the same sources at
 * every build, so it cannot fall behind them; tests and tools run from the source build it as before.
 */

const LEXICON_SOURCE_RE = /[\\/]src[\\/]main[\\/]countries[\\/]lexicon-source\.ts$/

/** The module that replaces lexicon-source.ts: the same `readLexicon`, reading the packed lexicon. */
export function prebuiltLexiconModule(): string {
  // JSON.parse of a string is read faster by V8 than the same data as an object literal.
  const packed = JSON.stringify(JSON.stringify(packLexicon(buildLexicon())))
  return [
    `import { unpackLexicon } from './packed-lexicon'`,
    `const PACKED = ${packed}`,
    `export function readLexicon() {`,
    `  return unpackLexicon(JSON.parse(PACKED))`,
    `}`,
    ``,
  ].join('\n')
}

/** The replacement as a Vite plugin for the main bundles; fails the build when nothing was replaced. */
export function countryLexiconPrebuilt(): Plugin {
  return sourceRewritePlugin({
    name: 'dateline-country-lexicon-prebuilt',
    module: LEXICON_SOURCE_RE,
    rewrite: () => prebuiltLexiconModule(),
    missing: 'The country lexicon was bundled without being built first',
  })
}
