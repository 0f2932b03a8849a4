/** The list's line-clamped texts (display: -webkit-box). */
const CLAMPED = '.row-title, .row-excerpt'

/**
 * Chromium keeps a line-clamped box (display: -webkit-box) laid out in the face it had before a
 * web font arrived: a CJK headline in the list, drawn before the bundled CJK slice loaded, stayed
 * empty boxes (seen in docs/screenshots/reader-chinese.png) until something laid it out again.
 * Once fonts finish loading, the clamped texts on screen are laid out once more.
 */
export function relayoutClampedTextAfterFontLoads(): void {
  document.fonts.addEventListener('loadingdone', () => {
    for (const element of document.querySelectorAll<HTMLElement>(CLAMPED)) {
      element.style.display = 'block'
      void element.offsetHeight
      element.style.removeProperty('display')
    }
  })
}
