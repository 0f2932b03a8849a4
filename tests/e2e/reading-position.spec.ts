import type { Page } from '@playwright/test'
import { solidPng } from './support/fixture-site'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'
import { addPages, articlePage } from './support/reading-pages'

/** A story several screens long. */
function longStory(title: string, published?: string): { html: string; fileName: string } {
  const body = Array.from({ length: 6 }, () => STORY.map((p) => `<p>${p}</p>`).join('\n')).join('\n')
  return { html: articlePage('en', title, body, published), fileName: `${title}.html` }
}

function row(page: Page, title: string): ReturnType<Page['locator']> {
  return page.getByTestId('article-row').filter({ hasText: title })
}

async function open(page: Page, title: string): Promise<void> {
  await row(page, title).locator('.row-title').click()
  await expect(page.getByTestId('reader-title')).toHaveText(title)
}

/** Scrolls the reader to a fraction of its length, as a person would with the wheel. */
async function scrollReaderTo(page: Page, fraction: number): Promise<void> {
  const pane = page.locator('[data-reader-scroll]')
  await pane.hover()
  const { room, top } = await pane.evaluate((el) => ({
    room: el.scrollHeight - el.clientHeight,
    top: el.scrollTop,
  }))
  await page.mouse.wheel(0, Math.round(room * fraction) - top)
  await expect
    .poll(() => pane.evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight)))
    .toBeCloseTo(fraction, 1)
}

function readerFraction(page: Page): Promise<number> {
  return page
    .locator('[data-reader-scroll]')
    .evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight))
}

test('the reading position is kept per article, shown in the list, the reader and the sidebar, across a restart', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await addPages(page, [longStory('Grain corridor talks resume'), longStory('Power returns to Kharkiv')])
  await page.reload()

  await open(page, 'Grain corridor talks resume')
  await expect(page.getByTestId('reading-progress')).toHaveAttribute('aria-valuenow', '0')
  await scrollReaderTo(page, 0.5)
  await expect(page.getByTestId('reading-progress')).toHaveAttribute('aria-valuenow', /^(4[5-9]|5[0-5])$/)
  await expect(page.getByTestId('time-left')).toHaveText(/\d+ min left/)
  await expect(row(page, 'Grain corridor talks resume').getByTestId('row-progress')).toContainText('min left')
  await expect(page.getByTestId('continue-item')).toHaveText(/Grain corridor talks resume/)

  await open(page, 'Power returns to Kharkiv')
  expect(await readerFraction(page)).toBe(0)
  await open(page, 'Grain corridor talks resume')
  await expect.poll(() => readerFraction(page)).toBeCloseTo(0.5, 1)

  await dateline.restart()
  await page.goto(dateline.url)
  await expect(page.getByTestId('continue-item')).toHaveCount(1)
  await page.getByTestId('continue-item').click()
  await expect(page.getByTestId('reader-title')).toHaveText('Grain corridor talks resume')
  await expect.poll(() => readerFraction(page)).toBeCloseTo(0.5, 1)

  // Read to the end: finished, so it leaves "Continue reading" and opens at the top next time.
  await scrollReaderTo(page, 1)
  await expect(page.getByTestId('continue-item')).toHaveCount(0)
})

test('n and Space at the end of an article go to the next unread one', async ({ page, dateline }) => {
  await page.goto(dateline.url)
  // Added oldest first, so the list shows C, B, A.
  await addPages(page, [longStory('Story A'), longStory('Story B'), longStory('Story C')])
  await page.reload()
  await open(page, 'Story C')
  await page.getByTestId('toggle-read').click()
  await open(page, 'Story B')
  await page.getByTestId('toggle-read').click()
  await open(page, 'Story C')

  await page.locator('[data-reader-scroll]').focus()
  await page.keyboard.press('n')
  await expect(page.getByTestId('reader-title')).toHaveText('Story A')

  await open(page, 'Story C')
  await page.getByTestId('toggle-read').click()
  await page.locator('[data-reader-scroll]').focus()
  await page.keyboard.press(' ')
  // Not at the end yet: Space only scrolls (smoothly: the wheel waits for it to come to rest).
  await expect(page.getByTestId('reader-title')).toHaveText('Story C')
  await expect.poll(() => readerFraction(page)).toBeGreaterThan(0)
  await expect
    .poll(async () => {
      const before = await readerFraction(page)
      await page.waitForTimeout(150)
      return (await readerFraction(page)) === before
    })
    .toBe(true)
  await scrollReaderTo(page, 1)
  await page.keyboard.press(' ')
  await expect(page.getByTestId('reader-title')).toHaveText('Story A')
})

test('mark all read marks the whole list read, and Undo brings back exactly what it changed', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await addPages(page, [longStory('Story A'), longStory('Story B'), longStory('Story C')])
  await page.reload()
  // Nothing opened (opening counts towards reading): three unread.
  await expect(page.getByTestId('filter-unread')).toHaveText(/3$/)
  await page.getByTestId('mark-all-read').click()
  await expect(page.getByTestId('filter-unread')).toHaveText(/0$/)
  await expect(page.locator('[data-testid="article-row"][data-unread="true"]')).toHaveCount(0)
  await expect(page.getByTestId('mark-all-read')).toBeDisabled()
  await page.getByTestId('undo-mark-all-read').click()
  await expect(page.getByTestId('filter-unread')).toHaveText(/3$/)
  await expect(page.locator('[data-testid="article-row"][data-unread="true"]')).toHaveCount(3)
})

test('v opens the original page; undated articles say "saved", and the list sorts by the date the person chooses', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/world/old-story': {
      type: 'text/html',
      body: articlePage(
        'en',
        'An old story from 2019',
        `<figure><img src="${origin}/img/lead.png" alt="The harbour"></figure>${STORY.map((p) => `<p>${p}</p>`).join('')}`,
        '2019-03-01T08:00:00Z',
      ),
    },
    '/img/lead.png': { type: 'image/png', body: solidPng(400, 300, [30, 90, 160]) },
  }))
  await page.goto(dateline.url)
  await addPages(page, [longStory('An undated note')])
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/world/old-story`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText('An old story from 2019')

  // The lead picture, small, in its row.
  const thumbnail = row(page, 'An old story from 2019').getByTestId('row-thumbnail')
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  const opened = page.context().waitForEvent('page')
  await page.locator('[data-reader-scroll]').focus()
  await page.keyboard.press('v')
  expect((await opened).url()).toBe(`${site.origin}/world/old-story`)

  await expect(row(page, 'An undated note').getByTestId('row-date')).toHaveText(/^saved /)
  await expect(row(page, 'An old story from 2019').getByTestId('row-date')).toHaveText(/2019/)
  await open(page, 'An undated note')
  await expect(page.getByTestId('reader-date')).toHaveText(/^Saved /)

  const titles = (): Promise<string[]> =>
    page.getByTestId('article-row').locator('.row-title').allTextContents()
  // By published date (saved for the undated one): the 2019 story is the oldest.
  await expect.poll(titles).toEqual(['An undated note', 'An old story from 2019'])
  await page.getByTestId('list-order').selectOption('saved')
  await expect.poll(titles).toEqual(['An old story from 2019', 'An undated note'])
  await page.reload()
  await expect(page.getByTestId('list-order')).toHaveValue('saved')
  await expect.poll(titles).toEqual(['An old story from 2019', 'An undated note'])
})
