import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { startHost } from './support/browser-host'
import { startFixtureSite, solidPng } from './support/fixture-site'
import { articleFrame, tempLibrary } from './support/library'
import { articleWithTwoImages } from './support/pages'

test('a link or a text file dropped on the window is saved and opened', async ({ page }) => {
  const site = await startFixtureSite((origin) => ({
    '/world/night-trains': { type: 'text/html', body: articleWithTwoImages(origin) },
    '/img/train-800.png': { type: 'image/png', body: solidPng(8, 8, [0, 0, 0]) },
    '/img/crews.png': { type: 'image/png', body: solidPng(8, 8, [0, 0, 0]) },
  }))
  const library = await tempLibrary()
  const host = await startHost(library.dir)
  try {
    await page.goto(host.url)
    const link = await page.evaluateHandle((url) => {
      const data = new DataTransfer()
      data.setData('text/uri-list', `# dragged from a browser\n${url}`)
      return data
    }, `${site.origin}/world/night-trains`)
    await page.dispatchEvent('body', 'dragover', { dataTransfer: link })
    await page.dispatchEvent('body', 'drop', { dataTransfer: link })
    await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')

    const text = await readFile('tests/fixtures/eutoday-belarus-russia.txt', 'utf8')
    const file = await page.evaluateHandle((content) => {
      const data = new DataTransfer()
      data.items.add(new File([content], 'eutoday-belarus-russia.txt', { type: 'text/plain' }))
      return data
    }, text)
    await page.dispatchEvent('body', 'dragover', { dataTransfer: file })
    await page.dispatchEvent('body', 'drop', { dataTransfer: file })
    await expect(page.getByTestId('reader-title')).toHaveText(/^Belarus: Russia prepared/)
    await expect(page.getByTestId('article-row')).toHaveCount(2)
  } finally {
    await host.stop()
    await site.close()
    await library.remove()
  }
})

test('reader settings change the article at once and are remembered after a restart', async ({ page }) => {
  const library = await tempLibrary()
  let host = await startHost(library.dir)
  try {
    await page.goto(host.url)
    await page.getByTestId('add-article').click()
    await page.getByTestId('add-tab-paste').click()
    await page.getByTestId('add-paste').fill('A headline\n\nA paragraph of the story, long enough to read.')
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toHaveText('A headline')

    const fontSize = async (): Promise<string> =>
      (await articleFrame(page)).evaluate(() => getComputedStyle(document.body).fontSize)
    expect(await fontSize()).toBe('18px')
    await page.getByTestId('reader-settings').click()
    await page.getByRole('button', { name: 'Larger text' }).click()
    await page.getByText('Dark', { exact: true }).click()
    await expect.poll(fontSize).toBe('20px')

    await host.stop()
    host = await startHost(library.dir)
    await page.goto(host.url)
    await page.getByTestId('article-row').first().click()
    await expect.poll(fontSize).toBe('20px')
    const background = await (
      await articleFrame(page)
    ).evaluate(() => getComputedStyle(document.documentElement).colorScheme)
    expect(background).toBe('dark')
  } finally {
    await host.stop()
    await library.remove()
  }
})
