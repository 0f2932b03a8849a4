import type { Page } from '@playwright/test'
import { pasteArticle } from './support/actions'
import { STORY } from './support/pages'
import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

interface View {
  name: string
  open: (page: Page) => Promise<void>
  /** Check the article frame too (the reader is settled on one article). */
  frame?: boolean
}

/** Every view of the main area, and the dialogs over it, as a person reaches them. */
const VIEWS: View[] = [
  {
    name: 'list and reader',
    frame: true,
    open: async (page) => {
      await page.getByTestId('filter-all').click()
      await page.getByTestId('article-row').first().click()
      await page.getByTestId('article-frame').waitFor()
    },
  },
  {
    name: 'empty starred list',
    open: async (page) => void (await page.getByTestId('filter-starred').click()),
  },
  { name: 'countries', open: async (page) => void (await page.getByTestId('open-countries').click()) },
  { name: 'map', open: async (page) => void (await page.getByTestId('open-map').click()) },
  {
    name: 'correspondents',
    open: async (page) => void (await page.getByTestId('show-correspondents').click()),
  },
  { name: 'following', open: async (page) => void (await page.getByTestId('show-following').click()) },
  { name: 'feeds', open: async (page) => void (await page.getByTestId('feeds-manage').click()) },
  { name: 'imports', open: async (page) => void (await page.getByTestId('open-imports').click()) },
  { name: 'trash', open: async (page) => void (await page.getByTestId('open-trash').click()) },
  {
    name: 'reader settings',
    open: async (page) => {
      await page.getByTestId('filter-all').click()
      await page.getByTestId('article-row').first().click()
      await page.getByTestId('reader-settings').click()
    },
  },
  {
    name: 'add dialog',
    open: async (page) => {
      await page.getByTestId('add-article').click()
      await expect(page.getByRole('dialog')).toBeVisible()
    },
  },
  {
    name: 'shortcuts',
    open: async (page) => {
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog')).toBeVisible()
    },
  },
]

/** As pasteArticle, with room for a machine under load (axe runs make it slow). */
async function addPasted(page: Page, title: string): Promise<void> {
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-tab-paste').click()
  await page.getByTestId('add-paste').fill(`${title}\n\n${STORY.join('\n\n')}`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText(title, { timeout: 60_000 })
}

async function settle(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await page.locator('body').click({ position: { x: 2, y: 400 } })
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${scheme} theme`, async ({ page, dateline }) => {
    test.setTimeout(900_000)
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto(dateline.url)
    await expect(page.getByTestId('empty-library')).toBeVisible()
    const found: Record<string, string[]> = {}
    const emptyLibrary = await axeViolations(page)
    if (emptyLibrary.length > 0) found['empty library'] = emptyLibrary

    await addPasted(page, 'Grain corridor reopens after talks in Istanbul')
    await addPasted(page, 'Rail link to the border restored overnight')
    await page.getByTestId('delete-article').click()
    for (const view of VIEWS) {
      await settle(page)
      console.log(`${scheme} opening ${view.name}`)
      await view.open(page)
      await page.waitForTimeout(300)
      const started = Date.now()
      const violations = await axeViolations(page, { frame: view.frame ?? false })
      console.log(`${scheme} ${view.name}: ${Date.now() - started} ms, ${violations.length} violations`)
      for (const line of violations) console.log(`  ${line.slice(0, 400)}`)
      if (violations.length > 0) found[view.name] = violations
    }
    expect(found).toEqual({})
  })
}

test('at 200% zoom of an 800×600 window nothing scrolls sideways and the article can be read and acted on', async ({
  browser,
  dateline,
}) => {
  const context = await browser.newContext({ viewport: { width: 400, height: 300 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  await page.goto(dateline.url)
  await page.getByTestId('rail-add').click()
  await page.getByTestId('add-tab-paste').click()
  await page.getByTestId('add-paste').fill(`Night trains keep Kyiv moving\n\n${STORY.join('\n\n')}`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(sideways).toBeLessThanOrEqual(0)
  const reader = await page.getByRole('region', { name: 'Article text' }).boundingBox()
  expect(reader!.width, 'the reader keeps the window’s width').toBeGreaterThan(300)
  await page.getByTestId('toolbar-more').click()
  await expect(page.getByRole('group', { name: 'More article actions' })).toBeVisible()
  await page.screenshot({ path: 'test-results/zoom-200.png' })
  await context.close()
})

test('reduced motion stops transitions, and forced colours still show the open article and the view', async ({
  page,
  dateline,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' })
  await page.goto(dateline.url)
  await pasteArticle(page, 'Ferry service resumes across the strait')
  const row = page.getByTestId('article-row').first()
  await row.click()
  const marks = await page.evaluate(() => {
    const selected = document.querySelector('.article-row.is-selected')
    const current = document.querySelector('.filter-button[aria-current="page"]')
    const probe = document.createElement('div')
    probe.style.transition = 'width 300ms'
    document.body.append(probe)
    const transition = getComputedStyle(probe).transitionDuration
    probe.remove()
    return {
      selected: selected ? getComputedStyle(selected).outlineStyle : null,
      current: current ? getComputedStyle(current).outlineStyle : null,
      transition,
    }
  })
  expect(marks).toEqual({ selected: 'solid', current: 'solid', transition: '1e-05s' })
})
