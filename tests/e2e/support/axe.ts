import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/**
 * axe's violations on the page as it is, one line each. The article frame is checked when asked:
 * axe waits for ever on a frame that is being replaced (as when the list changes under it).
 */
export async function axeViolations(page: Page, options: { frame?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page })
  if (!options.frame) builder.exclude('[data-testid="article-frame"]')
  const result = await builder.analyze()
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 4)
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join(' | ')}`,
  )
}
