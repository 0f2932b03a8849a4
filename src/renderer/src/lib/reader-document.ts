import { escapeHtml } from '@shared/html'
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@shared/highlights'
import type { FontFamily, Settings } from '@shared/settings'
import { textDirection } from './reading/text-direction'

export type ResolvedTheme = 'light' | 'dark'

export interface ReaderPalette {
  background: string
  text: string
  muted: string
  link: string
  rule: string
  quiet: string
}

/**
 * The reader's colours, in one place: the iframe document gets them as CSS and the reader pane
 * around it as custom properties, so the frame's edge never shows.
 */
export const READER_PALETTES: Record<ResolvedTheme, ReaderPalette> = {
  light: {
    background: '#fffefb',
    text: '#1f1f1d',
    muted: '#6b6a66',
    link: '#1d5ea8',
    rule: '#e3e0d8',
    quiet: '#f1efe9',
  },
  dark: {
    background: '#1b1c1f',
    text: '#e4e2dc',
    muted: '#9c9a94',
    link: '#8cb8f2',
    rule: '#34363b',
    quiet: '#26282c',
  },
}

/*
 * The bundled faces first (src/renderer/src/lib/reading/reader-fonts.json): Latin, Cyrillic and
 * Greek in Literata or Source Sans 3, then Hebrew, Arabic and CJK faces, each used only for its
 * own script by its unicode-range; the system's fonts after them for anything else (Korean,
 * Devanagari, Thai...).
 */
const SCRIPT_FALLBACKS = "'Noto Naskh Arabic', 'Noto Sans SC'"

export const READER_FONTS: Record<FontFamily, string> = {
  serif: `Literata, 'Frank Ruhl Libre', ${SCRIPT_FALLBACKS}, Charter, 'Iowan Old Style', Cambria, Georgia, serif`,
  sans: `'Source Sans 3', 'Noto Sans Hebrew', ${SCRIPT_FALLBACKS}, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif`,
}

const MONO_FONT = "'Source Code Pro', ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace"

/**
 * The setting counts characters of running text; CSS's `ch` is the width of a "0", wider than the
 * average letter. Measured in the bundled faces on English text: a column of 68ch held 86 letters
 * and spaces in Literata and 82 in Source Sans 3, so a letter is about 0.8ch.
 */
const CHARACTER_WIDTH_CH = 0.8

export function columnWidth(characters: number): string {
  return `${Math.round(characters * CHARACTER_WIDTH_CH * 10) / 10}ch`
}

/** The CSP source that lets the frame load stored pictures and nothing else. */
export function mediaSource(mediaBaseUrl: string): string {
  const url = new URL(mediaBaseUrl)
  // A custom scheme such as dateline-media: has an opaque origin, so the scheme itself is the source.
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol
}

function safeLang(lang: string | null): string {
  return lang && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang : ''
}

/** The bundled fonts for the frame: their @font-face rules and the CSP source they load from. */
export interface ReaderFontFaces {
  css: string
  /** A page URL of the host, e.g. `http://127.0.0.1:4417/` or `file:///…/index.html`. */
  baseUrl: string
}

export interface ReaderDocumentInput {
  /** Article HTML with media paths already resolved for this host. */
  html: string
  title: string
  lang: string | null
  settings: Settings
  theme: ResolvedTheme
  mediaBaseUrl: string
  fonts?: ReaderFontFaces
  /** Site, byline and date for a printed page (the window's header is not printed). */
  printedMeta?: string
}

/** The person's highlights (marks painted at render time), one fill per colour and theme. */
const HIGHLIGHT_FILLS: Record<ResolvedTheme, Record<HighlightColour, string>> = {
  light: { yellow: '#fbeea8', green: '#cdeccf', blue: '#cfe3fb', pink: '#f9d3e3' },
  dark: { yellow: '#5c4d1a', green: '#1f4a2a', blue: '#1d3a5c', pink: '#5a2440' },
}

function highlightCss(theme: ResolvedTheme): string {
  const fills = HIGHLIGHT_FILLS[theme]
  return [
    'mark.dateline-highlight { color: inherit; border-radius: 2px; padding: 0.05em 0; }',
    ...HIGHLIGHT_COLOURS.map((c) => `.dateline-highlight-${c} { background: ${fills[c]}; }`),
    `.dateline-highlight-current { outline: 2px solid ${READER_PALETTES[theme].link}; outline-offset: 1px; }`,
  ].join('\n')
}

function readerCss(settings: Settings, theme: ResolvedTheme): string {
  const colours = READER_PALETTES[theme]
  const sans = READER_FONTS.sans
  return `
:root { color-scheme: ${theme}; background: ${colours.background}; color: ${colours.text}; }
html, body { margin: 0; padding: 0; overflow: hidden; }
body {
  font-family: ${READER_FONTS[settings.fontFamily]};
  font-size: ${settings.fontSize}px;
  line-height: 1.65;
  padding: 0 0 3em;
  overflow-wrap: break-word;
  text-rendering: optimizeLegibility;
  text-align: start;
  /* Breaks long words by the dictionary of the article's language (lang on <html>). */
  hyphens: auto;
  -webkit-hyphens: auto;
  hyphenate-limit-chars: 7 3 3;
  font-variant-ligatures: common-ligatures;
  font-kerning: normal;
}
.dateline-article { max-width: ${columnWidth(settings.lineWidth)}; margin: 0 auto; }
/* Chinese and Japanese set a character per 1em and break between characters, by their own rules. */
:lang(zh), :lang(ja) { line-height: 1.8; line-break: strict; hyphens: manual; }
:lang(ar), :lang(fa), :lang(ur) { line-height: 1.8; }
p, ul, ol, dl, table, pre { margin: 0 0 1.1em; }
h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.8em 0 0.6em; font-weight: 650; }
h2 { font-size: 1.35em; } h3 { font-size: 1.15em; } h4, h5, h6 { font-size: 1em; }
a { color: ${colours.link}; text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
img { display: block; max-width: 100%; height: auto; margin: 0 auto; border-radius: 3px; }
figure { margin: 1.8em 0; }
figure img + img { margin-top: 0.6em; }
figcaption { font-family: ${sans}; font-size: 0.78em; line-height: 1.45; color: ${colours.muted}; margin-top: 0.6em; hyphens: manual; }
figcaption p { margin: 0; }
blockquote { margin: 1.5em 0; padding-block: 0.1em; padding-inline: 1.1em 0; border-inline-start: 3px solid ${colours.rule}; color: ${colours.muted}; }
blockquote p:last-child { margin-bottom: 0; }
ul, ol { padding-inline-start: 1.5em; }
li { margin: 0.3em 0; }
hr { border: 0; border-top: 1px solid ${colours.rule}; margin: 2.2em 0; }
code, pre { font-family: ${MONO_FONT}; font-size: 0.86em; background: ${colours.quiet}; border-radius: 3px; }
code { padding: 0.1em 0.3em; }
pre { padding: 0.8em 1em; overflow-x: auto; white-space: pre; tab-size: 4; line-height: 1.5; hyphens: manual; direction: ltr; text-align: left; }
pre code { padding: 0; background: none; font-size: 1em; }
/* A table wider than the column scrolls by itself instead of widening the page. */
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; font-family: ${sans}; font-size: 0.85em; line-height: 1.45; hyphens: manual; }
th, td { border: 1px solid ${colours.rule}; padding: 0.4em 0.7em; text-align: start; vertical-align: top; }
th { font-weight: 650; background: ${colours.quiet}; }
caption { color: ${colours.muted}; padding-bottom: 0.4em; }
mark { background: ${theme === 'dark' ? '#5c4d1a' : '#fbeea8'}; color: inherit; }
${highlightCss(theme)}
/*
 * The frame is as tall as its content on screen and is not measured again for the printer: the
 * column keeps its width in print (a page is wider than the measure), so the lines break alike
 * and nothing is cut off.
 */
@media print {
  :root { color-scheme: light; background: #fff; color: #000; }
  a { color: #000; }
  blockquote, figcaption, caption { color: #333; }
  figure, img, pre, table, blockquote { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  /* On paper a highlight is a quiet underline: no ink-heavy fill, still there to find. */
  mark.dateline-highlight { background: none; border-bottom: 1.5px solid #777; }
  .dateline-print-header { display: block; margin: 0 0 1.6em; padding-bottom: 1em; border-bottom: 1px solid #999; }
}
@media not print { .dateline-print-header { display: none; } }
.dateline-print-title { font-weight: 700; font-size: calc(1em + 12px); line-height: 1.2; margin: 0 0 0.4em; }
.dateline-print-meta { margin: 0; font-family: ${sans}; font-size: 0.8em; color: #333; }
.dateline-missing-image {
  display: block; margin: 1.5em 0; padding: 1.6em 1em; border-radius: 4px;
  background: ${colours.quiet}; color: ${colours.muted};
  font-family: ${sans}; font-size: 0.78em; line-height: 1.4; text-align: center;
}
`
}

/*
 * On paper the headline goes with the text in the frame: the frame prints as its own paginated
 * document, and after the window's header it would start on a second page.
 */
function printHeader(input: ReaderDocumentInput): string {
  // No h1 or p: on screen the frame's text is the article's own, counted and searched as such.
  const meta = input.printedMeta
    ? `<div class="dateline-print-meta">${escapeHtml(input.printedMeta)}</div>`
    : ''
  return `<div class="dateline-print-header"><div class="dateline-print-title">${escapeHtml(input.title)}</div>${meta}</div>`
}

/** A whole document for the sandboxed frame: its own CSP, reader styles and the article body. */
export function buildReaderDocument(input: ReaderDocumentInput): string {
  const csp = [
    "default-src 'none'",
    `img-src ${mediaSource(input.mediaBaseUrl)} data:`,
    "style-src 'unsafe-inline'",
    input.fonts ? `font-src ${mediaSource(input.fonts.baseUrl)}` : "font-src 'none'",
    "form-action 'none'",
  ].join('; ')
  const lang = safeLang(input.lang)
  return `<!doctype html>
<html lang="${lang || 'und'}" dir="${lang ? textDirection(lang) : 'auto'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(input.title)}</title>
<style>${input.fonts?.css ?? ''}${readerCss(input.settings, input.theme)}</style>
</head>
<body><div class="dateline-article">${printHeader(input)}${input.html}</div></body>
</html>`
}

/** The same measure, font and colours for the reader's header and pane as for the frame. */
export function readerCssVariables(settings: Settings, theme: ResolvedTheme): Record<string, string> {
  const colours = READER_PALETTES[theme]
  return {
    '--reader-background': colours.background,
    '--reader-text': colours.text,
    '--reader-muted': colours.muted,
    '--reader-rule': colours.rule,
    '--reader-font': READER_FONTS[settings.fontFamily],
    '--reader-font-size': `${settings.fontSize}px`,
    '--reader-measure': columnWidth(settings.lineWidth),
  }
}
