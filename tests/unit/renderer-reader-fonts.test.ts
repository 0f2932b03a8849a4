import { describe, expect, it } from 'vitest'
import { bundledFontFaces } from '../../src/renderer/src/lib/reading/bundled-fonts'
import { fontFaceRules, scriptOnlyRange } from '../../src/renderer/src/lib/reading/font-faces'
import { buildReaderDocument } from '../../src/renderer/src/lib/reader-document'
import { textDirection } from '../../src/renderer/src/lib/reading/text-direction'
import { defaultSettings } from '@shared/settings'

describe("the reader's bundled fonts", () => {
  it('bundles a file for every face and script reader-fonts.json names', () => {
    const { css, missing } = bundledFontFaces('file:///app/out/renderer/index.html')
    expect(missing).toEqual([])
    for (const family of [
      'Literata',
      'Source Sans 3',
      'Noto Naskh Arabic',
      'Frank Ruhl Libre',
      'Noto Sans SC',
    ])
      expect(css).toContain(`font-family:"${family}"`)
    // Cyrillic and Greek come with the serif itself.
    expect(css).toMatch(/literata-cyrillic-400-normal\.woff2[^}]+unicode-range:U\+0301,U\+0400-045F/)
    expect(css).toMatch(/literata-greek-700-normal\.woff2/)
    expect(css).not.toContain('.woff"')
  })

  it('writes one rule per face and range, with numbered CJK slices, and reports what is missing', () => {
    const { css, missing } = fontFaceRules({
      families: [
        { family: 'Serif', package: 'serif', subsets: 'all', faces: ['400-normal', '700-italic'] },
        { family: 'CJK', package: 'cjk', subsets: 'numbered', faces: ['400-normal'] },
      ],
      ranges: { serif: { latin: 'U+0000-00FF' }, cjk: { '[12]': 'U+4E00-4E10', latin: 'U+0000-00FF' } },
      files: {
        'serif-latin-400-normal.woff2': 'http://127.0.0.1:9/assets/a.woff2',
        'cjk-12-400-normal.woff2': 'http://127.0.0.1:9/assets/"b</style>.woff2',
      },
    })
    expect(css.split('\n')).toEqual([
      '@font-face{font-family:"Serif";font-style:normal;font-weight:400;font-display:swap;src:url("http://127.0.0.1:9/assets/a.woff2") format("woff2");unicode-range:U+0000-00FF}',
      '@font-face{font-family:"CJK";font-style:normal;font-weight:400;font-display:swap;src:url("http://127.0.0.1:9/assets/b/style.woff2") format("woff2");unicode-range:U+4E00-4E10}',
    ])
    expect(missing).toEqual(['serif-latin-700-italic.woff2'])
  })

  it("gives the window's interface font script-only faces, so Latin stays the system's", () => {
    // One of Noto Sans SC's slices holds Latin, punctuation and kana together.
    expect(scriptOnlyRange('U+20-22,U+41-5a,U+2013-2014,U+3001-3002,U+30??,U+4e00')).toBe(
      'U+3001-3002,U+3000-30ff,U+4e00',
    )
    expect(scriptOnlyRange('U+0000-00FF,U+0131,U+2000-206F')).toBe('')
    expect(scriptOnlyRange('U+0590-05FF,U+FB1D-FB4F')).toBe('U+590-5ff,U+fb1d-fb4f')
    const { css } = fontFaceRules({
      families: [{ family: 'CJK', package: 'cjk', subsets: 'numbered', faces: ['400-normal'], window: true }],
      ranges: { cjk: { '[1]': 'U+41-5a,U+4e00-4e10', '[2]': 'U+41-5a' } },
      files: { 'cjk-1-400-normal.woff2': 'a.woff2', 'cjk-2-400-normal.woff2': 'b.woff2' },
    })
    const rules = css.split('\n')
    expect(rules.filter((r) => r.includes('"CJK UI"'))).toEqual([
      '@font-face{font-family:"CJK UI";font-style:normal;font-weight:400;font-display:swap;src:url("a.woff2") format("woff2");unicode-range:U+4e00-4e10}',
    ])
    expect(rules.filter((r) => r.includes('"CJK"'))).toHaveLength(2)
    // The bundled set declares them for the three scripts the interface font names first.
    const bundled = bundledFontFaces('file:///app/out/renderer/index.html').css
    for (const family of ['Noto Sans Hebrew UI', 'Noto Naskh Arabic UI', 'Noto Sans SC UI'])
      expect(bundled).toContain(`font-family:"${family}"`)
  })

  it('lets the frame load fonts from the host only when it is given them', () => {
    const doc = (fonts?: { css: string; baseUrl: string }): string =>
      buildReaderDocument({
        html: '<p>Story</p>',
        title: 'T',
        lang: 'en',
        settings: defaultSettings,
        theme: 'light',
        mediaBaseUrl: 'http://127.0.0.1:4417/',
        fonts,
      })
    expect(doc()).toContain("font-src 'none'")
    const withFonts = doc({ css: '@font-face{font-family:"X"}', baseUrl: 'http://127.0.0.1:4417/?token=a' })
    expect(withFonts).toContain('font-src http://127.0.0.1:4417;')
    expect(withFonts).toContain('@font-face{font-family:"X"}')
    expect(doc({ css: '', baseUrl: 'file:///opt/Dateline/index.html' })).toContain('font-src file:;')
  })
})

describe('the direction an article is set in', () => {
  it('is right to left for Arabic, Hebrew, Persian and Urdu, by language or script', () => {
    expect(['ar', 'he', 'iw', 'fa-IR', 'ur', 'az-Arab', 'ar-EG'].map(textDirection)).toEqual(
      Array(7).fill('rtl'),
    )
    expect(['en', 'zh-CN', 'ru', 'ku-Latn', 'ja'].map(textDirection)).toEqual(Array(5).fill('ltr'))
    expect([null, '', 'x-klingon-bogus'].map(textDirection)).toEqual(['auto', 'auto', 'auto'])
  })
})
