import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * Rules about a whole page, which the article's document does not answer for: it is shown inside
 * the window's own landmarks, under the window's title and headings.
 */
const PAGE_LEVEL_RULES = ['bypass', 'document-title', 'landmark-one-main', 'page-has-heading-one', 'region']

/**
 * axe's violations on the page as it is, one line each. The article frame is never entered there:
 * it is sandboxed without scripts, and axe's injection into such a frame waits for ever in
 * Debian's Chromium 156 (and on a frame being replaced, as when the list changes under it). When
 * asked, the frame's document (its `srcdoc`, styles included) is checked on a page of its own in
 * the same browser context, with the page-level rules left out, its lines marked "frame:".
 */
export async function axeViolations(page: Page, options: { frame?: boolean } = {}): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-testid="article-frame"]').analyze()
  const lines = result.violations.map(describe)
  if (!options.frame) return lines
  const srcdoc = await page.getByTestId('article-frame').getAttribute('srcdoc')
  if (srcdoc === null) throw new Error('The article frame has no document to check')
  const framePage = await page.context().newPage()
  try {
    await framePage.emulateMedia({
      colorScheme: await page.evaluate(() =>
        matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
      ),
    })
    await framePage.setContent(srcdoc)
    const inFrame = await new AxeBuilder({ page: framePage }).disableRules(PAGE_LEVEL_RULES).analyze()
    return [...lines, ...inFrame.violations.map((v) => `frame: ${describe(v)}`)]
  } finally {
    await framePage.close()
  }
}

function describe(v: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]): string {
  return `${v.id}: ${v.nodes
    .slice(0, 4)
    .map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
    .join(' | ')}`
}
