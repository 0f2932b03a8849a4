import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'

test('a person finds an article by typing in the search box and in the command palette', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Zelenskyí meets farmers in Poltava', [
    'The president spoke with grain farmers about exports through the Danube ports.',
    'Prices for wheat have fallen since the spring.',
  ])
  await pasteArticle(page, 'Talks on the Danube bridge stall', [
    'Engineers said the bridge could reopen in May if the talks resume.',
  ])
  await pasteArticle(page, '東京で記者会見', ['東京都庁で記者会見が行われました。'])

  // Results as you type: a prefix is enough, with the headline and a snippet marked.
  const box = page.getByRole('searchbox', { name: 'Search articles' })
  await box.fill('zelenskyi farm')
  const results = page.getByTestId('search-result')
  await expect(results).toHaveCount(1)
  await expect(results.first()).toContainText('Zelenskyí meets farmers in Poltava')
  await expect(results.first().locator('mark')).toHaveText(['Zelenskyí', 'farmers', 'farmers'])
  await expect(page.getByTestId('filter-chips')).toContainText('Whole library')

  // Headline matches come first; Enter opens the result under the arrow key.
  await box.fill('danube')
  await expect(results).toHaveCount(2)
  await expect(results.first()).toContainText('Talks on the Danube bridge stall')
  await box.press('ArrowDown')
  await box.press('ArrowDown')
  await box.press('Enter')
  await expect(page.getByTestId('reader-title')).toHaveText('Zelenskyí meets farmers in Poltava')

  await box.fill('記者会見')
  await expect(results).toHaveCount(1)
  await expect(results.first().getByTestId('search-snippet').locator('mark')).toHaveText(['記者会見'])

  // Escape leaves the search for the list.
  await box.press('Escape')
  await expect(page.getByTestId('article-row')).toHaveCount(3)

  // The palette: articles and commands in one list, driven by the keyboard.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await expect(palette).toBeVisible()
  const field = palette.getByRole('combobox')
  await field.fill('bridge')
  await expect(palette.getByTestId('palette-article')).toHaveCount(1)
  await expect(palette.getByTestId('palette-article')).toContainText('Talks on the Danube bridge stall')
  await field.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page.getByTestId('reader-title')).toHaveText('Talks on the Danube bridge stall')

  await page.keyboard.press('Control+k')
  await field.fill('show starred')
  await expect(palette.getByTestId('palette-command')).toHaveText(['Show starred'])
  await field.press('Enter')
  await expect(page.getByRole('heading', { name: 'Starred' })).toBeVisible()

  await page.keyboard.press('Control+k')
  await field.fill('reader set')
  await field.press('Enter')
  await expect(page.getByTestId('reader-settings')).toHaveAttribute('aria-expanded', 'true')
})
