import { mkdir } from 'node:fs/promises'
import { articlePage } from '../helpers/article-page'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

const STORIES = [
  ['belarus-votes', 'Belarus votes in an election without rivals', 'belarus|elections', 'unread'],
  ['minsk-diary', 'Minsk diary: the first day after the vote', 'belarus', 'archive'],
  ['vilnius-cafe', 'Café society in Vilnius after the war', 'lithuania|weekend reading', 'unread'],
  ['kyiv-storm', 'Kyiv after the storm: the city counts its losses', 'ukraine', 'unread'],
  ['riga-port', 'Riga port is quietly busy again this winter', 'weekend reading', 'archive'],
  ['gone', 'A page that has since disappeared', 'belarus', 'unread'],
] as const

test('a Pocket export comes in: format found, progress, broken rows, tags as collections, retry', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() =>
    Object.fromEntries(
      STORIES.filter(([slug]) => slug !== 'gone').map(([slug, title]) => [
        `/${slug}`,
        { type: 'text/html; charset=utf-8', body: articlePage({ title }) },
      ]),
    ),
  )
  const csv = [
    'title,url,time_added,tags,status',
    ...STORIES.map(
      ([slug, title, tags, status], i) =>
        `"${title}",${site.origin}/${slug},${1700000000 + i * 3600},${tags},${status}`,
    ),
    'A row without its address,,1700000000,,unread',
  ].join('\n')

  await page.goto(dateline.url)
  await page.getByTestId('open-imports').click()
  await expect(page.getByRole('heading', { name: 'Import from another app' })).toBeVisible()
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'ril_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByTestId('import-start').click()

  const job = page.getByTestId('import-job')
  await expect(job.getByTestId('import-format-found')).toContainText('Pocket export (CSV)')
  await expect(job.getByTestId('import-counts')).toContainText('6 articles in the file')
  await expect(job.getByTestId('import-counts')).toContainText('1 unreadable row')
  await expect(job.getByTestId('import-progress')).toHaveText('5 of 6 captured, 1 failed')
  await expect(job.getByTestId('import-state')).toHaveText('Finished')
  await expect(job.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6')
  await expect(job.getByTestId('import-collections')).toHaveText(
    'Collections: belarus, elections, lithuania, weekend reading, ukraine',
  )

  await job.getByTestId('import-broken').locator('summary').click()
  await expect(job.getByTestId('import-broken')).toContainText('Line 8: it has no web address')
  await job.getByTestId('import-failures').locator('summary').click()
  await expect(job.getByTestId('import-failures')).toContainText('Line 7: A page that has since disappeared')
  await expect(job.getByTestId('import-failures')).toContainText('404')

  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/import.png' })

  // The list has the captured articles; the archived one is under Archived.
  await page.getByTestId('filter-all').click()
  await expect(page.getByText('Belarus votes in an election without rivals')).toBeVisible()
  await page.getByTestId('filter-archived').click()
  await expect(page.getByText('Minsk diary: the first day after the vote')).toBeVisible()

  // The collections are in the library, with their articles.
  const token = new URL(dateline.url).pathname.split('/')[2] ?? ''
  const listed = await callApi<{ counts: { collections: { name: string }[] } }>(
    page,
    token,
    'articles.list',
    {
      limit: 1,
    },
  )
  expect(listed.counts.collections.map((c) => c.name).sort()).toEqual([
    'belarus',
    'elections',
    'lithuania',
    'ukraine',
    'weekend reading',
  ])

  // Retrying a failed one: still 404, so it fails again, and the window says it was tried twice.
  await page.getByTestId('open-imports').click()
  await page.getByTestId('import-retry').click()
  await expect
    .poll(() => callApi<{ failures: { attempts: number }[] }>(page, token, 'imports.get', { id: 1 }))
    .toMatchObject({ failures: [{ attempts: 2 }] })
  await page.reload()
  await page.getByTestId('open-imports').click()
  const failures = page.getByTestId('import-failures')
  await failures.locator('summary').click()
  await expect(failures).toContainText('404')
  await expect(failures).toContainText('(tried 2 times)')
  await expect(page.getByTestId('import-progress')).toHaveText('5 of 6 captured, 1 failed')
})

/** A call to the browser host's API from the page, as the window makes it. */
async function callApi<T>(page: Page, token: string, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ token, name, input }) => {
      const response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      })
      return ((await response.json()) as { value: unknown }).value
    },
    { token, name, input },
  ) as Promise<T>
}
