/** A link of a feed made absolute against its base; null unless it is a web address. */
export function absolute(url: string | undefined | null, base: string): string | null {
  const trimmed = url?.trim()
  if (!trimmed) return null
  try {
    const resolved = new URL(trimmed, base)
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null
  } catch {
    return null
  }
}
