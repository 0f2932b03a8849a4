import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'

test('keyboard, read state and delete with undo work as a person expects, and survive a reload', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'First dispatch from Kharkiv')
  await pasteArticle(page, 'Second dispatch from Odesa')
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Second dispatch from Odesa')

  // Staying on an article for a few seconds marks it read; u makes it unread again.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('j')
  await expect(page.getByTestId('reader-title')).toHaveText('First dispatch from Kharkiv')
  await expect(rows.nth(1)).toHaveAttribute('data-unread', 'false')
  await page.keyboard.press('u')
  await expect(rows.nth(1)).toHaveAttribute('data-unread', 'true')
  await page.reload()
  await expect(rows.nth(1), 'the unread mark is kept by the library').toHaveAttribute('data-unread', 'true')
  await rows.nth(1).click()
  await page.keyboard.press('k')
  await expect(page.getByTestId('reader-title')).toHaveText('Second dispatch from Odesa')

  // Delete, undo, and the article is back, also after a reload.
  await page.getByTestId('delete-article').click()
  await expect(rows).toHaveCount(1)
  await page.getByTestId('undo-delete').click()
  await expect(rows).toHaveCount(2)
  await page.reload()
  await expect(rows).toHaveCount(2)

  // A held-down key repeats; only its first press deletes.
  await rows.first().click()
  await page.evaluate(() =>
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', repeat: true, bubbles: true })),
  )
  await expect(page.getByTestId('undo-delete')).toHaveCount(0)
  await expect(rows).toHaveCount(2)

  // Delete for good with the keyboard.
  await page.keyboard.press('Delete')
  await expect(rows).toHaveCount(1)
  await page.reload()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('First dispatch from Kharkiv')
})

test('adding articles leaves them unread; a glance does not read one, staying on it or reaching its end does', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Third dispatch from Kherson')
  await pasteArticle(page, 'Fourth dispatch from Sumy')
  await pasteArticle(page, 'Fifth dispatch from Lviv')
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(3)
  // The last one added is open in the reader, and stays unread however long it is shown.
  await expect(page.getByTestId('reader-title')).toHaveText('Fifth dispatch from Lviv')
  await page.waitForTimeout(5000)
  await expect(page.getByTestId('filter-unread')).toContainText('3')
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-unread', 'true')

  // Passing over one on the way to the next is not reading it.
  await rows.nth(1).click()
  await rows.nth(2).click()
  await expect(page.getByTestId('reader-title')).toHaveText('Third dispatch from Kherson')
  await expect(rows.nth(1)).toHaveAttribute('data-unread', 'true')
  // Kept open, it is read after a few seconds, and the count follows.
  await expect(rows.nth(2)).toHaveAttribute('data-unread', 'false', { timeout: 10_000 })
  await expect(page.getByTestId('filter-unread')).toContainText('2')
  await expect(rows.nth(1)).toHaveAttribute('data-unread', 'true')
})

test('the browser host refuses anyone without the key from the printed link', async ({ page, dateline }) => {
  const response = await page.goto(dateline.origin)
  expect(response?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('locked')
  const api = await page.request.post(`${dateline.origin}/api/articles.list`, { data: {} })
  expect(api.status()).toBe(401)
})
