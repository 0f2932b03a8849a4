/**
 * The text that goes into the full-text index for one field of an article. Every write to
 * `article_fts` passes its text through here, and every query the same way, so both sides split
 * words alike. The search module gives it its real body (CJK word segmentation).
 */
export function textForIndex(text: string): string {
  return text
}
