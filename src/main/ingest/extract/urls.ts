/** An absolute http(s) address for `value` read against `base`, or null when it is not one. */
export function resolveUrl(value: string | null | undefined, base: string | null): string | null {
  const trimmed = (value ?? '').trim()
  if (trimmed === '' || trimmed.startsWith('#')) return null
  try {
    const url = base === null ? new URL(trimmed) : new URL(trimmed, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Like resolveUrl, but keeps what it cannot resolve (mailto:, data:, a relative link without a base). */
export function absolutise(value: string, base: string | null): string {
  const trimmed = value.trim()
  if (base === null || trimmed === '' || trimmed.startsWith('#')) return trimmed
  if (/^(mailto|tel|data|javascript):/i.test(trimmed)) return trimmed
  try {
    return new URL(trimmed, base).href
  } catch {
    return trimmed
  }
}
