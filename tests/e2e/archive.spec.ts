import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'

test('an archived article leaves the list, waits under Archived with its count, and comes back', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Dispatch to keep from Tbilisi')
  await pasteArticle(page, 'Dispatch to archive from Chisinau')
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(2)

  await rows.filter({ hasText: 'Chisinau' }).click()
  await page.getByTestId('toggle-archived').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Tbilisi')
  await expect(page.getByTestId('filter-archived')).toContainText('1')

  await page.getByTestId('filter-archived').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Chisinau')
  await page.reload()
  await page.getByTestId('filter-archived').click()
  await expect(rows.first(), 'kept by the library').toContainText('Chisinau')

  // e toggles it back, with the keyboard.
  await rows.first().click()
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('e')
  await expect(page.getByTestId('empty-archived')).toBeVisible()
  await page.getByTestId('filter-all').click()
  await expect(rows).toHaveCount(2)
})
