const OPENABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The raw href (not the resolved one): relative links in a srcdoc document resolve against the
 * app's own origin, and must not open the app in a browser tab.
 */
export function openableHref(rawHref: string | null): string | null {
  if (!rawHref) return null
  try {
    const url = new URL(rawHref.trim())
    return OPENABLE_PROTOCOLS.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

export function openExternally(href: string): void {
  // Electron's main process turns window.open into the system browser; noopener keeps the app out of reach.
  window.open(href, '_blank', 'noopener,noreferrer')
}
