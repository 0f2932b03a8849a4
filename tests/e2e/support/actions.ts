import { expect, type Page } from '@playwright/test'
import { STORY } from './pages'

/** Adds an article through the Paste tab of the add dialog and waits until the reader shows it. */
export async function pasteArticle(
  page: Page,
  title: string,
  paragraphs: readonly string[] = STORY,
): Promise<void> {
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-tab-paste').click()
  await page.getByTestId('add-paste').fill(`${title}\n\n${paragraphs.join('\n\n')}`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText(title)
}
