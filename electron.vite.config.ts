import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = resolve(__dirname, 'src/shared')

export default defineConfig({
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      // The main bundle also carries the plain-Node entry points (CLI, extraction worker,
      // benchmarks), so one build gives the desktop app, `dateline` and `npm run bench`.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli/main.ts'),
          'extract-worker': resolve(__dirname, 'src/main/ingest/extract-worker.ts'),
          bench: resolve(__dirname, 'scripts/bench.ts'),
          'bench-extraction': resolve(__dirname, 'scripts/bench-extraction.ts'),
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
    plugins: [react()],
    base: './',
  },
})
