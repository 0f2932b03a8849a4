/**
 * Stored images are content-addressed: `media/<first two hex>/<sha256>.<ext>`, relative to the
 * library folder. Article HTML refers to them by exactly this path, and each host prefixes it with
 * its own base URL when it shows the article.
 */
export const MEDIA_PATH_PATTERN = /^media\/[0-9a-f]{2}\/[0-9a-f]{64}\.(?:jpg|png|gif|webp|avif|svg|bmp|ico)$/

export const imageContentTypes: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
}

export function isMediaPath(path: string): boolean {
  return MEDIA_PATH_PATTERN.test(path)
}

/**
 * Rewrites each stored `src="media/..."` reference of article HTML; `replace` gets the stored path
 * and returns the new src, or null to leave it as it is.
 */
export function rewriteStoredImageSources(
  html: string,
  replace: (mediaPath: string) => string | null,
): string {
  return html.replace(
    /(\ssrc=")(media\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+)"/g,
    (match, prefix: string, path: string) => {
      const src = replace(path)
      return src === null ? match : `${prefix}${src}"`
    },
  )
}

/** The stored references of article HTML made into URLs that one host serves. */
export function resolveMediaUrls(html: string, mediaBaseUrl: string): string {
  return rewriteStoredImageSources(html, (path) => `${mediaBaseUrl}${path}`)
}
