/**
 * Languages written right to left (ISO 639: Arabic, Hebrew and the old code iw, Persian, Urdu,
 * Pashto, Yiddish, Dhivehi, Sindhi, Uyghur, Kurdish in Arabic script, Syriac).
 */
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'sd', 'ug', 'ckb', 'syr'])

export type TextDirection = 'ltr' | 'rtl' | 'auto'

/**
 * The direction an article is set in, from its language; a script subtag wins (az-Arab is right
 * to left, ku-Latn is not). Unknown languages are left to the text itself (`auto`).
 */
export function textDirection(lang: string | null | undefined): TextDirection {
  if (!lang) return 'auto'
  const [language = '', ...subtags] = lang.toLowerCase().split(/[-_]/)
  const script = subtags.find((tag) => tag.length === 4)
  if (script) return ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm'].includes(script) ? 'rtl' : 'ltr'
  if (RIGHT_TO_LEFT.has(language)) return 'rtl'
  return /^[a-z]{2,3}$/.test(language) ? 'ltr' : 'auto'
}
