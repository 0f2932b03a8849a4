import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { countryLexiconPrebuilt } from './scripts/country-lexicon-prebuilt'
import { linkedomLazyListeners } from './scripts/linkedom-lazy-listeners'
import { linkedomSelectorCache } from './scripts/linkedom-selector-cache'
import { readabilityCheapChecks } from './scripts/readability-cheap-checks'

/**
 * `npm run dev` serves the renderer through Vite, whose hot reload injects an inline script and
 * talks over a WebSocket; the strict policy of index.html is loosened for that, and only there.
 */
function devServerCsp(): Plugin {
  return {
    name: 'dateline-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*"),
  }
}

const shared = resolve(__dirname, 'src/shared')

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    plugins: [
      linkedomLazyListeners(),
      linkedomSelectorCache(),
      readabilityCheapChecks(),
      // The workers read the country lexicon built here instead of building it at start-up.
      countryLexiconPrebuilt(),
    ],
    build: {
      // linkedom and Readability are bundled so their listener maps, selector compiling and
      // per-element checks can be rewritten (scripts/linkedom-lazy-listeners.ts,
      // scripts/linkedom-selector-cache.ts, scripts/readability-cheap-checks.ts).
      externalizeDeps: { exclude: ['zod', 'linkedom', '@mozilla/readability'] },
      // The main bundle also carries the plain-Node entry points (CLI, extraction worker,
      // benchmarks), so one build gives the desktop app, `dateline` and `npm run bench`.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          'extract-worker': resolve(__dirname, 'src/main/ingest/extract-worker.ts'),
          'tag-worker': resolve(__dirname, 'src/main/countries/tag-worker.ts'),
          'read-worker': resolve(__dirname, 'src/main/library/read-worker.ts'),
          bench: resolve(__dirname, 'scripts/bench.ts'),
          'bench-extraction': resolve(__dirname, 'scripts/bench-extraction.ts'),
          'bench-bylines': resolve(__dirname, 'scripts/bench-bylines.ts'),
          'extraction-quality': resolve(__dirname, 'scripts/extraction-quality.ts'),
          'extraction-misses': resolve(__dirname, 'scripts/extraction-misses.ts'),
          'extraction-identity': resolve(__dirname, 'scripts/extraction-identity.ts'),
          'bench-countries': resolve(__dirname, 'scripts/bench-countries.ts'),
          'bench-search': resolve(__dirname, 'scripts/bench-search.ts'),
          'bench-collections': resolve(__dirname, 'scripts/bench-collections.ts'),
          'bench-export': resolve(__dirname, 'scripts/bench-export.ts'),
          'bench-import': resolve(__dirname, 'scripts/bench-import.ts'),
          'bench-feeds': resolve(__dirname, 'scripts/bench-feeds.ts'),
          'bench-sync': resolve(__dirname, 'scripts/bench-sync.ts'),
          'bench-stories': resolve(__dirname, 'scripts/bench-stories.ts'),
          'bench-cold-open': resolve(__dirname, 'scripts/bench-cold-open.ts'),
          'bench-rebuild': resolve(__dirname, 'scripts/bench-rebuild.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // A sandboxed preload must be one CommonJS file with nothing but `electron` external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: { '@shared': shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react(), devServerCsp()],
    base: './',
    // Every asset a file of its own: the window's policy loads fonts and pictures from the app
    // ('self'), never from data: URLs, which Vite would otherwise make of files under 4 KB.
    build: { assetsInlineLimit: 0 },
  },
})
