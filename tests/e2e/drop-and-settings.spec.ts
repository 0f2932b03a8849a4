import { readFile } from 'node:fs/promises'
import { pasteArticle } from './support/actions'
import { solidPng } from './support/fixture-site'
import { expect, test } from './support/fixtures'
import { articleFrame } from './support/library'
import { articleWithTwoImages } from './support/pages'

test('a link or a text file dropped on the window is saved and opened', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/world/night-trains': { type: 'text/html', body: articleWithTwoImages(origin) },
    '/img/train-800.png': { type: 'image/png', body: solidPng(8, 8, [0, 0, 0]) },
    '/img/crews.png': { type: 'image/png', body: solidPng(8, 8, [0, 0, 0]) },
  }))
  await page.goto(dateline.url)
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
})

test('reader settings change the article at once and are remembered after a restart', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'A headline', ['A paragraph of the story, long enough to read.'])

  const fontSize = async (): Promise<string> =>
    (await articleFrame(page)).evaluate(() => getComputedStyle(document.body).fontSize)
  expect(await fontSize()).toBe('18px')
  await page.getByTestId('reader-settings').click()
  await page.getByRole('button', { name: 'Larger text' }).click()
  await page.getByText('Dark', { exact: true }).click()
  await expect.poll(fontSize).toBe('20px')

  await dateline.restart()
  await page.goto(dateline.url)
  await page.getByTestId('article-row').first().click()
  await expect.poll(fontSize).toBe('20px')
  const colorScheme = await (
    await articleFrame(page)
  ).evaluate(() => getComputedStyle(document.documentElement).colorScheme)
  expect(colorScheme).toBe('dark')
})
