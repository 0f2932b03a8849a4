import { expect, test } from './support/fixtures'
import { articleFrame } from './support/library'

const FIXTURE = 'tests/fixtures/eutoday-belarus-russia.txt'

test('a plain-text article imported from a file reads as a person would read it', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-file').setInputFiles(FIXTURE)
  await page.getByTestId('add-submit').click()

  await expect(page.getByTestId('reader-title')).toHaveText(
    'Belarus: Russia prepared to offer "military assistance" to Lukashenko',
  )
  await expect(page.getByTestId('reader-byline')).toContainText('EUToday Correspondents')
  const frame = await articleFrame(page)
  const paragraphs = frame.locator('p')
  await expect(paragraphs).toHaveCount(9)
  await expect(paragraphs.first()).toHaveText(/^Russia has confirmed/)
  await expect(paragraphs.last()).toHaveText(/in glowing terms\.$/)
  const body = await frame.locator('body').innerText()
  expect(body).not.toContain('Follow EU Today')
  expect(body).not.toContain('Our team of independent correspondents')
  expect(body).not.toContain('Related posts')
})
