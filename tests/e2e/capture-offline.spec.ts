import { mkdir } from 'node:fs/promises'
import { solidPng } from './support/fixture-site'
import { expect, test } from './support/fixtures'
import { articleFrame, loadedImageWidths } from './support/library'
import { articleWithTwoImages, STORY } from './support/pages'

test('an article added by its link reads offline with both pictures, after a reload and after a restart', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/world/night-trains': { type: 'text/html; charset=utf-8', body: articleWithTwoImages(origin) },
    '/img/train-400.png': { type: 'image/png', body: solidPng(400, 240, [40, 60, 90]) },
    '/img/train-800.png': { type: 'image/png', body: solidPng(800, 480, [40, 60, 90]) },
    '/img/crews.png': { type: 'image/png', body: solidPng(320, 200, [160, 90, 40]) },
  }))
  await page.goto(dateline.url)
  await expect(page.getByTestId('empty-library')).toBeVisible()

  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/world/night-trains?utm_source=newsletter`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')
  await expect(page.getByTestId('reader-byline')).toContainText('Olena Petrenko')

  // From here on the news site is gone: everything must come from the library.
  await site.close()
  await page.reload()
  await page.getByTestId('article-row').first().click()
  let frame = await articleFrame(page)
  await expect(frame.locator('body')).toContainText(STORY[3]!)
  const widths = await loadedImageWidths(frame, 2)
  expect(widths[0], 'the srcset picture is stored at its largest size').toBe(800)
  expect(widths[1], 'the lazy picture is stored, not its placeholder').toBe(320)
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/app.png' })

  await dateline.restart()
  await page.goto(dateline.url)
  await page.getByTestId('article-row').first().click()
  frame = await articleFrame(page)
  await expect(frame.locator('body')).toContainText(STORY[4]!)
  expect(await loadedImageWidths(frame, 2)).toEqual([800, 320])
})

test('a link that cannot be saved tells the person why and leaves the library as it was', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() => ({}))
  await page.goto(dateline.url)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/gone`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('add-dialog').getByRole('alert')).toContainText('not found')
  await expect(page.getByTestId('add-url')).toHaveValue(`${site.origin}/gone`)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('empty-library')).toBeVisible()
})
