import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'

test('two deletes are both undone by Ctrl/⌘ Z, with no failed request; the Trash restores and empties', async ({
  page,
  dateline,
}) => {
  const failures: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text())
  })
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname}`)
  })
  await page.goto(dateline.url)
  for (const title of ['Talks resume in Vienna', 'Grain corridor reopens', 'Port strike ends in Gdańsk']) {
    await pasteArticle(page, title)
  }
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(3)

  // Two deletes in a row, then Ctrl/⌘ Z twice: both come back, the latest first.
  await page.getByTestId('delete-article').click()
  await expect(rows).toHaveCount(2)
  await page.getByTestId('delete-article').click()
  await expect(rows).toHaveCount(1)
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('ControlOrMeta+z')
  await expect(rows).toHaveCount(2)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(rows).toHaveCount(3)
  expect(failures, 'nothing failed in the console or the network').toEqual([])

  // Deleted articles wait in the Trash, also after the app was closed and opened again. A click
  // while a delete is on its way is ignored (a double click deletes one article), so each waits.
  await page.getByTestId('delete-article').click()
  await expect(rows).toHaveCount(2)
  await page.getByTestId('delete-article').click()
  await expect(rows).toHaveCount(1)
  await dateline.restart()
  await page.goto(dateline.url)
  // The closed host's event stream failing is expected; what follows must not fail.
  failures.splice(0)
  await page.getByTestId('open-trash').click()
  const items = page.getByTestId('trash-item')
  await expect(items).toHaveCount(2)
  await expect(items.first()).toContainText('kept until')

  await page.screenshot({ path: 'docs/screenshots/trash.png' })
  const restored = (await items.first().locator('.trash-item-title').textContent()) ?? ''
  await items.first().getByTestId('trash-restore').click()
  await expect(items).toHaveCount(1)
  await page.getByTestId('empty-trash').click()
  await page.getByTestId('confirm-empty-trash').click()
  await expect(page.getByTestId('trash-nothing')).toBeVisible()

  await page.getByTestId('filter-all').click()
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: restored })).toHaveCount(1)
  expect(failures).toEqual([])
})
