import type { Locator } from '@playwright/test'
import { pasteArticle } from './support/actions'
import { solidPng } from './support/fixture-site'
import { expect, test } from './support/fixtures'
import { articleWithTwoImages } from './support/pages'

/** Issue 17, defect 6: a notice names its article, opens it, times out unless held, covers nothing. */

const NOTICE_TIMEOUT_MS = 8000

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

test('a picture notice names its article and opens it, stays while held, times out, and never covers the reader at 800×600', async ({
  page,
  dateline,
  newsSite,
}) => {
  test.setTimeout(120_000)
  const site = await newsSite((origin) => ({
    '/world/night-trains': { type: 'text/html', body: articleWithTwoImages(origin) },
    // The second picture (crews.png) is missing: a 404.
    '/img/train-800.png': { type: 'image/png', body: solidPng(8, 8, [0, 0, 0]) },
  }))
  await page.goto(dateline.url)
  await pasteArticle(page, 'A quiet day on the eastern line')
  await page.setViewportSize({ width: 800, height: 600 })

  await page.getByTestId('rail-add').click()
  await page.getByTestId('add-tab-url').click()
  await page.getByTestId('add-url').fill(`${site.origin}/world/night-trains`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')
  const notice = page.getByTestId('toast')
  await expect(notice.getByTestId('toast-article')).toHaveText('Night trains keep Kyiv moving:')
  await expect(notice).toContainText('1 of 2 pictures could not be saved')
  await expect(page.locator('.toast-region')).toHaveAttribute('aria-live', 'polite')

  // The notice sits below the reader, never over it (it once covered a caption).
  const reader = await box(page.locator('.reader-pane'))
  const shown = await box(notice)
  expect(shown.y, 'the notice starts below the reader pane').toBeGreaterThanOrEqual(
    reader.y + reader.height - 1,
  )
  expect(shown.y + shown.height, 'and is inside the window').toBeLessThanOrEqual(600)
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    'no sideways scroll',
  ).toBeLessThanOrEqual(800)

  // Reading another article, the notice still opens the one it is about, while held by the pointer.
  await page.getByTestId('article-row').filter({ hasText: 'A quiet day' }).click()
  await expect(page.getByTestId('reader-title')).toHaveText('A quiet day on the eastern line')
  await notice.hover()
  await page.waitForTimeout(NOTICE_TIMEOUT_MS + 1500)
  await expect(notice, 'a hovered notice stays').toBeVisible()
  await notice.getByTestId('toast-open').click()
  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')
  await expect(notice, 'opening it dismisses it').toHaveCount(0)

  // Adding it again: a new notice about the same article; focus inside holds it too.
  await page.getByTestId('rail-add').click()
  await page.getByTestId('add-tab-url').click()
  await page.getByTestId('add-url').fill(`${site.origin}/world/night-trains`)
  await page.getByTestId('add-submit').click()
  await expect(notice.getByTestId('toast-article')).toHaveText('Night trains keep Kyiv moving:')
  await expect(notice).toContainText('its copy has been refreshed. 1 of 2 pictures could not be saved')
  await page.mouse.move(5, 5)
  await notice.getByTestId('toast-open').focus()
  await page.waitForTimeout(NOTICE_TIMEOUT_MS + 1500)
  await expect(notice, 'a focused notice stays').toBeVisible()
  await page.getByTestId('reader-title').click()
  await expect(notice, 'then it times out').toHaveCount(0, { timeout: NOTICE_TIMEOUT_MS + 4000 })
})
