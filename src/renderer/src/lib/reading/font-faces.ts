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
        rules.push(
          `@font-face{font-family:${cssString(family.family)};font-style:${style};font-weight:${weight};` +
            `font-display:swap;src:url(${cssString(url)}) format("woff2");unicode-range:${range}}`,
        )
      }
    }
  }
  return { css: rules.join('\n'), missing }
}
