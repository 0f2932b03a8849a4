/**
 * Turns the reader's font list (reader-fonts.json) into @font-face rules for the files the build
 * bundled. Pure: the unicode ranges and the file URLs are handed in, so a test can check the
 * rules without a bundler.
 */

export interface BundledFamily {
  family: string
  /** The @fontsource package, e.g. `literata`. */
  package: string
  /**
   * Subset names of the package's unicode.json, every one of them, or only its numbered slices
   * (a CJK font's own script, cut by usage; its Latin slices would only shadow the text face).
   */
  subsets: readonly string[] | 'all' | 'numbered'
  /** `400-normal`, `700-italic`, ... */
  faces: readonly string[]
  /**
   * Also declared as `<family> UI` with only its script's characters, for the window's interface
   * font to name BEFORE the system's faces (see `windowFamily`).
   */
  window?: boolean
}

/** A package's unicode.json: subset name (or `[N]` for a numbered CJK slice) to a unicode-range. */
export type UnicodeRanges = Readonly<Record<string, string>>

export interface FontFaceSource {
  families: readonly BundledFamily[]
  /** By package name. */
  ranges: Readonly<Record<string, UnicodeRanges>>
  /** Bundled woff2 files by file name (`literata-latin-400-normal.woff2`), as loadable URLs. */
  files: Readonly<Record<string, string>>
}

export interface FontFaces {
  css: string
  /** Faces named by reader-fonts.json whose file the build did not bundle (a build mistake). */
  missing: string[]
}

/** Numbered slices are keyed `[12]` in unicode.json and named `noto-sans-sc-12-400-normal`. */
const NUMBERED_SLICE = /^\[(\d+)\]$/

function subsetFileName(pkg: string, subset: string, face: string): string {
  const part = NUMBERED_SLICE.exec(subset)?.[1] ?? subset
  return `${pkg}-${part}-${face}.woff2`
}

/**
 * The interface font names these before `system-ui`: Chromium keeps the fallback it found for a
 * text laid out before a web font named AFTER a system face arrived (a Chinese headline in the
 * list stayed empty boxes for good on a machine without CJK fonts), but lays text out again when
 * the face that arrives comes first in the list. Only the script's own characters are in these
 * faces, so Latin text and punctuation still come from the system's interface font.
 */
export function windowFamily(family: string): string {
  return `${family} UI`
}

/** Hebrew to Mongolian, and CJK onwards: what a script face adds to a Latin interface font. */
const SCRIPT_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0590, 0x1cff],
  [0x2e80, 0x10ffff],
]

/** A unicode-range cut down to SCRIPT_BLOCKS; empty when nothing of the script is in it. */
export function scriptOnlyRange(range: string): string {
  const kept: string[] = []
  for (const part of range.split(',')) {
    const match = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    const [, first, last] = match ?? []
    if (!first) continue
    const from = parseInt(first.replace(/\?/g, '0'), 16)
    const to = parseInt(last ?? first.replace(/\?/g, 'f'), 16)
    for (const [blockFrom, blockTo] of SCRIPT_BLOCKS) {
      const start = Math.max(from, blockFrom)
      const end = Math.min(to, blockTo)
      if (start > end) continue
      const hex = (n: number): string => n.toString(16)
      kept.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`)
    }
  }
  return kept.join(',')
}

function cssString(value: string): string {
  return `"${value.replace(/["\\\n<>]/g, '')}"`
}

export function fontFaceRules(source: FontFaceSource): FontFaces {
  const rules: string[] = []
  const missing: string[] = []
  for (const family of source.families) {
    const ranges = source.ranges[family.package] ?? {}
    const subsets =
      family.subsets === 'all'
        ? Object.keys(ranges)
        : family.subsets === 'numbered'
          ? Object.keys(ranges).filter((name) => NUMBERED_SLICE.test(name))
          : family.subsets
    for (const face of family.faces) {
      const [weight, style] = face.split('-')
      for (const subset of subsets) {
        const range = ranges[subset]
        const fileName = subsetFileName(family.package, subset, face)
        const url = source.files[fileName]
        if (!url || !range) {
          missing.push(fileName)
          continue
        }
        const rule = (name: string, unicodeRange: string): string =>
          `@font-face{font-family:${cssString(name)};font-style:${style};font-weight:${weight};` +
          `font-display:swap;src:url(${cssString(url)}) format("woff2");unicode-range:${unicodeRange}}`
        rules.push(rule(family.family, range))
        const scriptRange = family.window ? scriptOnlyRange(range) : ''
        if (scriptRange) rules.push(rule(windowFamily(family.family), scriptRange))
      }
    }
  }
  return { css: rules.join('\n'), missing }
}
