/// <reference types="vite/client" />
import fontList from './reader-fonts.json'
import { fontFaceRules, type BundledFamily, type FontFaces, type UnicodeRanges } from './font-faces'

/*
 * The woff2 files the build copies into the app, chosen to match reader-fonts.json (Vite needs
 * literal patterns, so the choice is written twice; a unit test checks they agree). woff fallbacks
 * are left out: every Chromium reads woff2. About 3.3 MB, of which 3.0 MB is the CJK font.
 */
const FILES = import.meta.glob<string>(
  [
    '../../../../../node_modules/@fontsource/literata/files/*-{400-normal,400-italic,700-normal}.woff2',
    '../../../../../node_modules/@fontsource/source-sans-3/files/*-{400-normal,400-italic,700-normal}.woff2',
    '../../../../../node_modules/@fontsource/frank-ruhl-libre/files/*-hebrew-{400,700}-normal.woff2',
    '../../../../../node_modules/@fontsource/noto-sans-hebrew/files/*-hebrew-hebrew-{400,700}-normal.woff2',
    '../../../../../node_modules/@fontsource/noto-naskh-arabic/files/*-arabic-arabic-{400,700}-normal.woff2',
    '../../../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-[0-9]*-400-normal.woff2',
    '../../../../../node_modules/@fontsource/source-code-pro/files/*-{latin,latin-ext,cyrillic,greek}-400-normal.woff2',
  ],
  { query: '?url', import: 'default', eager: true },
)

const RANGES = import.meta.glob<UnicodeRanges>(
  [
    '../../../../../node_modules/@fontsource/{literata,source-sans-3,frank-ruhl-libre,noto-sans-hebrew}/unicode.json',
    '../../../../../node_modules/@fontsource/{noto-naskh-arabic,noto-sans-sc,source-code-pro}/unicode.json',
  ],
  { import: 'default', eager: true },
)

function byName<T>(modules: Record<string, T>, name: (path: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(modules).map(([path, value]) => [name(path), value]))
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)
const packageName = (path: string): string => path.split('/').at(-2) ?? ''

export const READER_FAMILIES: readonly BundledFamily[] = fontList.families as BundledFamily[]

/** The rules with each file's URL made absolute, so they work from the frame's srcdoc too. */
export function bundledFontFaces(baseUrl: string): FontFaces {
  const files = byName(FILES, fileName)
  for (const [name, url] of Object.entries(files)) files[name] = new URL(url, baseUrl).href
  return fontFaceRules({ families: READER_FAMILIES, ranges: byName(RANGES, packageName), files })
}

let windowFontsInstalled = false

/** The window (the list, the reader's header) gets the same faces as the frame, from the start. */
export function installWindowFonts(css: string): void {
  if (windowFontsInstalled) return
  windowFontsInstalled = true
  const style = document.createElement('style')
  style.dataset.readerFonts = ''
  style.textContent = css
  document.head.append(style)
}
