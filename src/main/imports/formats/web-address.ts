/**
 * The address of a row, when it is one Dateline can capture: http(s) only, as written (trimmed).
 * Returns why not otherwise, for the broken-row report.
 */
export function readWebAddress(raw: string | null | undefined): { url: string } | { reason: string } {
  const text = (raw ?? '').trim()
  if (!text) return { reason: 'it has no web address' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { reason: `"${clipped(text)}" is not a web address` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: `"${clipped(text)}" is not a web page address (http:// or https://)` }
  }
  return { url: url.href }
}

function clipped(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

/**
 * A save date as exports write it: Unix seconds (Pocket, Instapaper, bookmarks), milliseconds, or
 * an ISO 8601 / RFC 2822 string (wallabag, Omnivore). Null when absent or not a believable date.
 */
export function readSaveDate(raw: unknown): string | null {
  if (raw === null || raw === undefined || raw === '') return null
  let ms: number
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw))) {
    const n = Number(raw)
    // Ten digits of seconds reach 2286; anything larger is milliseconds.
    ms = n > 1e11 ? n : n * 1000
  } else if (typeof raw === 'string') {
    ms = Date.parse(raw.trim())
  } else {
    return null
  }
  // Before the web or far in the future is a broken field, not a save date.
  if (!Number.isFinite(ms) || ms < Date.UTC(1991, 0, 1) || ms > Date.UTC(2200, 0, 1)) return null
  return new Date(ms).toISOString()
}

/** Tags written in one field: split, trimmed, empty ones and repeats (any case) left out. */
export function distinctTags(tags: Iterable<string>): string[] {
  const seen = new Map<string, string>()
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, 300)
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag)
  }
  return [...seen.values()]
}
