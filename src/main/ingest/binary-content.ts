/**
 * True when decoded "text" is really binary (an image, a PDF, an archive renamed .html or served
 * as text/html): such bytes decode to replacement characters and control codes, and would
 * otherwise be stored as a page of noise.
 */
export function looksBinary(text: string, sample = 8192): boolean {
  const head = text.slice(0, sample)
  if (head.length === 0) return false
  let suspicious = 0
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i)
    if (
      code === 0xfffd ||
      code === 0 ||
      (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13)
    ) {
      suspicious++
    }
  }
  // Real pages in a mis-declared encoding stay far below this; binary files are far above it.
  return suspicious / head.length > 0.05
}
