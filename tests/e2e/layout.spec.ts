import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { articleWithTwoImages } from './support/pages'
import { solidPng } from './support/fixture-site'

/** Every action of the reader's toolbar, by what a person sees on it. */
const ACTIONS = [
  'Mark read',
  'Star',
  'Archive',
  'Delete',
  'Collections',
  'Open original',
  'Export',
  'Reader settings',
]

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/** True when the control is shown whole inside the window. */
async function onScreen(page: Page, name: string): Promise<boolean> {
  const control = page
    .getByRole('toolbar', { name: 'Article' })
    .getByRole('button', { name, exact: false })
    .first()
  if (!(await control.isVisible())) return false
  const box = await control.boundingBox()
  const width = page.viewportSize()!.width
  return box !== null && box.x >= 0 && box.x + box.width <= width
}

for (const [width, height] of [
  [800, 600],
  [1280, 800],
  [1920, 1080],
] as const) {
  test(`at ${width}×${height} the window never scrolls sideways and every toolbar action is reachable`, async ({
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
    await page.setViewportSize({ width, height })
    await page.goto(dateline.url)
    await page.getByTestId(width <= 960 ? 'rail-add' : 'add-article').click()
    await page.getByTestId('add-url').fill(`${site.origin}/world/night-trains`)
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')

    expect(await horizontalOverflow(page), 'the page is no wider than the window').toBeLessThanOrEqual(0)
    const hidden: string[] = []
    for (const name of ACTIONS) if (!(await onScreen(page, name))) hidden.push(name)
    if (width >= 1920) expect(hidden, 'at full HD everything is in the toolbar').toEqual([])
    if (hidden.length > 0) {
      await page.getByTestId('toolbar-more').click()
      const menu = page.getByRole('group', { name: 'More article actions' })
      for (const name of hidden) {
        const item = menu.getByRole('button', { name, exact: false }).first()
        await expect(item, `${name} is in the More menu`).toBeVisible()
        const box = await item.boundingBox()
        expect(box!.x + box!.width, `${name} is inside the window`).toBeLessThanOrEqual(width)
      }
      expect(await horizontalOverflow(page), 'the open menu does not widen the page').toBeLessThanOrEqual(0)
      await page.screenshot({ path: `test-results/layout-${width}x${height}-more.png` })
      // An action run from the menu works and closes it.
      if (hidden.includes('Archive')) {
        await menu.getByRole('button', { name: 'Archive' }).click()
        await expect(menu).toHaveCount(0)
      }
    }
    await expect(page.getByRole('button', { name: 'Reader settings' })).toBeInViewport()
    await expect(page.getByTestId('delete-article')).toBeInViewport()

    // The sidebar hides and comes back, and the choice is kept.
    if (width <= 960) {
      await expect(page.getByTestId('sidebar-rail')).toBeVisible()
      await page.getByTestId('show-sidebar').click()
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
      expect(await horizontalOverflow(page), 'with the sidebar shown').toBeLessThanOrEqual(0)
      await page.reload()
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
      await page.getByTestId('hide-sidebar').click()
      await expect(page.getByTestId('sidebar-rail')).toBeVisible()
    } else {
      await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible()
    }
    if (width === 1280) {
      await page.getByTestId('article-row').first().click()
      await page.screenshot({ path: 'docs/screenshots/list.png' })
    }
  })
}
