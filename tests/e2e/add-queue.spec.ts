import type { Page, Route } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'
import { articlePage } from './support/reading-pages'

/** Issue 17, defect 3: several files dropped or picked are all added, with progress and a report. */

function story(n: number): { name: string; mimeType: string; content: string } {
  const body = STORY.map((paragraph) => `<p>Ferry ${n}. ${paragraph}</p>`).join('')
  return {
    name: `ferry-${n}.html`,
    mimeType: 'text/html',
    content: articlePage('en', `Ferry story ${n}`, body),
  }
}

interface HeldAdds {
  /** Lets the oldest held add through. */
  one(): Promise<void>
  /** Lets every add through from now on. */
  all(): void
}

/** Holds every add the window sends until the test lets it through, so the progress can be read. */
async function holdAdds(page: Page): Promise<HeldAdds> {
  const held: Route[] = []
  let open = false
  await page.route('**/api/articles.add', async (route) => {
    if (open) await route.continue()
    else held.push(route)
  })
  return {
    one: async () => {
      await expect.poll(() => held.length).toBeGreaterThan(0)
      await held.shift()?.continue()
    },
    all: () => {
      open = true
      for (const route of held.splice(0)) void route.continue()
    },
  }
}

async function dropFiles(
  page: Page,
  files: { name: string; mimeType: string; content: string }[],
): Promise<void> {
  const data = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const file of list) transfer.items.add(new File([file.content], file.name, { type: file.mimeType }))
    return transfer
  }, files)
  await page.dispatchEvent('body', 'dragover', { dataTransfer: data })
  await page.dispatchEvent('body', 'drop', { dataTransfer: data })
}

test('seven dropped files are queued with progress, each failure is named, the rest are added', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  const release = await holdAdds(page)
  const files = [
    story(1),
    story(2),
    { name: 'holiday.jpg', mimeType: 'image/jpeg', content: 'not a page' },
    story(3),
    { name: 'blank.html', mimeType: 'text/html', content: '<!doctype html><html><body></body></html>' },
    story(4),
    story(5),
  ]
  await dropFiles(page, files)
  const summary = page.getByTestId('add-queue-summary')
  await expect(summary).toHaveAttribute('aria-live', 'polite')
  await expect(summary).toHaveText('Adding 1 of 7: ferry-1.html')
  await expect(page.getByRole('progressbar', { name: 'Files added' })).toBeVisible()
  await release.one()
  await expect(summary).toHaveText('Adding 2 of 7: ferry-2.html')
  await expect(page.getByTestId('article-row'), 'each article is listed as it arrives').toHaveCount(1)
  await release.one()
  // holiday.jpg (3 of 7) fails in the window before any request; the queue goes on.
  await expect(summary).toHaveText('Adding 4 of 7: ferry-3.html')
  release.all()

  await expect(summary).toHaveText('Added 5 of 7 files; 2 could not be added.')
  const report = page.getByTestId('add-queue-item')
  await expect(report).toHaveCount(2)
  await expect(report.filter({ hasText: 'holiday.jpg' })).toContainText(
    'could not be added: Dateline can read .html, .htm and .txt files.',
  )
  await expect(report.filter({ hasText: 'blank.html' })).toContainText('could not be added')
  await expect(page.getByTestId('article-row')).toHaveCount(5)
  for (const n of [1, 2, 3, 4, 5]) {
    await expect(page.getByTestId('article-row').filter({ hasText: `Ferry story ${n}` })).toHaveCount(1)
  }
  // The report stays until the person has read it.
  await page.getByTestId('add-queue-dismiss').click()
  await expect(page.getByTestId('add-queue-item')).toHaveCount(0)
})

test('the file picker takes several files and counts them as it adds them', async ({ page, dateline }) => {
  await page.goto(dateline.url)
  const release = await holdAdds(page)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-tab-file').click()
  await page.getByTestId('add-file').setInputFiles(
    [story(6), story(7), story(8)].map((file) => ({
      name: file.name,
      mimeType: file.mimeType,
      buffer: Buffer.from(file.content),
    })),
  )
  await expect(page.getByText('Chosen: 3 files')).toBeVisible()
  await page.getByTestId('add-submit').click()
  const summary = page.getByTestId('add-queue-summary')
  await expect(summary).toHaveText('Adding 1 of 3: ferry-6.html')
  // A drop while the queue runs joins the same count.
  await dropFiles(page, [story(9), story(10)])
  await expect(summary).toHaveText('Adding 1 of 5: ferry-6.html')
  release.all()
  await expect(summary).toHaveText('Added 5 of 5 files.')
  await expect(page.getByTestId('article-row')).toHaveCount(5)
})
