// Builds the browser extension (extension/) into out/extension: one folder that loads unpacked in
// Chromium browsers and Firefox alike (docs/extension.md). Run by `npm run build`.
/* global console, URL */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = fileURLToPath(new URL('../extension/', import.meta.url))
const outDir = fileURLToPath(new URL('../out/extension/', import.meta.url))

const shared = { configFile: false, root, base: './', logLevel: 'warn' }

// The popup: an extension page, where ES modules load in every browser.
await build({
  ...shared,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    // Extension pages may not load inline scripts, and preload helpers would be inline.
    modulePreload: false,
    rollupOptions: {
      input: { popup: `${root}popup.html` },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js', assetFileNames: '[name][extname]' },
    },
  },
})

// The background as one classic script with no imports: Chromium's service worker and Firefox's
// background script both run it, whatever their support for module workers.
await build({
  ...shared,
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: {
      entry: `${root}src/background.ts`,
      formats: ['iife'],
      name: 'datelineBackground',
      fileName: () => 'background.js',
    },
  },
})

const manifest = JSON.parse(await readFile(`${root}manifest.json`, 'utf8'))
const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'))
await mkdir(outDir, { recursive: true })
await writeFile(`${outDir}manifest.json`, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`)
await copyFile(fileURLToPath(new URL('../resources/icon.png', import.meta.url)), `${outDir}icon.png`)
console.log(`The browser extension is in ${outDir}`)
