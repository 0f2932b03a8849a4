/** Which way a text runs, from its language or, when that is unknown, from its letters. */

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr'])
const RTL_LETTERS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu
const LTR_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/gu
const LANG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/

/** A language tag fit for lang/xml:lang, or null. */
export function languageTag(lang: string | null | undefined): string | null {
  const tag = lang?.trim().replace(/_/g, '-')
  return tag && LANG.test(tag) ? tag : null
}

export function textDirection(lang: string | null, sample: string): 'rtl' | 'ltr' {
  const primary = languageTag(lang)?.split('-')[0]?.toLowerCase()
  if (primary) return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr'
  const rtl = sample.match(RTL_LETTERS)?.length ?? 0
  const ltr = sample.match(LTR_LETTERS)?.length ?? 0
  return rtl > ltr ? 'rtl' : 'ltr'
}
