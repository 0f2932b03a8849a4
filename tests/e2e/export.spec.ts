import { readFile } from 'node:fs/promises'
import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'

test('a person exports the list as an EPUB from the command palette and downloads it', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Talks on the Danube bridge stall', [
    'Engineers said the bridge could reopen in May if the talks resume.',
  ])
  await pasteArticle(page, 'افتتاح محطة جديدة لتحلية المياه', [
    'افتتحت السلطات يوم الأحد محطة جديدة لتحلية مياه البحر.',
  ])

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  await palette.getByRole('combobox').fill('epub')
  await palette.getByTestId('palette-command').filter({ hasText: 'Export these articles' }).click()

  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('heading')).toHaveText('Export All articles')
  await dialog.getByTestId('export-format-epub').check()
  const downloading = page.waitForEvent('download')
  await dialog.getByTestId('export-start').click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('All articles.epub')
  const bytes = await readFile((await download.path())!)
  // A zip whose first entry is the EPUB mimetype, stored.
  expect(bytes.subarray(30, 38).toString()).toBe('mimetype')
  expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip')
  await expect(dialog.getByTestId('export-result')).toHaveText('Exported 2 articles as All articles.epub.')
})

test('a person exports the article in the reader as Markdown, as a zip of the folder', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Talks on the Danube bridge stall', [
    'Engineers said the bridge could reopen in May.',
  ])
  await page.getByRole('toolbar', { name: 'Article' }).getByTestId('export-button').click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByTestId('export-format-markdown').check()
  await expect(dialog).toContainText('as a zip of the folder')
  const downloading = page.waitForEvent('download')
  await dialog.getByTestId('export-start').click()
  expect((await downloading).suggestedFilename()).toBe('Talks on the Danube bridge stall.zip')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})
