import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'
import { addPages, articlePage, setReaderSettings } from './support/reading-pages'

const PDFTOTEXT = '/usr/bin/pdftotext'

test('printing an article gives the reader alone, its whole length, black on white', async ({
  page,
  dateline,
}, testInfo) => {
  test.skip(
    !existsSync(PDFTOTEXT),
    'pdftotext (Debian poppler-utils) reads the PDF back; .ci/run installs it',
  )
  const paragraphs = Array.from({ length: 8 }, (_, round) =>
    STORY.map((p) => `${p} (part ${round + 1})`),
  ).flat()
  paragraphs.push('The last line of the story says the trains ran all night.')
  await page.goto(dateline.url)
  await setReaderSettings(page, { theme: 'dark' })
  await addPages(page, [
    {
      html: articlePage('en', 'Night trains keep Kyiv moving', paragraphs.map((p) => `<p>${p}</p>`).join('')),
      fileName: 'trains.html',
    },
  ])
  await page.reload()
  await page.getByTestId('article-row').first().click()
  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving')
  await expect(page).toHaveTitle('Night trains keep Kyiv moving — Dateline')

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.sidebar')).toBeHidden()
  await expect(page.getByTestId('article-list')).toBeHidden()
  await expect(page.getByRole('toolbar', { name: 'Article' })).toBeHidden()
  const frameText = await page
    .frameLocator('[data-testid="article-frame"]')
    .locator('p')
    .first()
    .evaluate((p) => getComputedStyle(p).color)
  expect(frameText).toBe('rgb(0, 0, 0)')

  const pdf = await page.pdf({ format: 'A4' })
  const file = testInfo.outputPath('article.pdf')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, pdf)
  const text = execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('Night trains keep Kyiv moving')
  expect(text).toContain('(part 8)')
  expect(text.replace(/\s+/g, ' ')).toContain('The last line of the story says the trains ran all night.')
  expect(text).not.toContain('Continue reading')
  expect(text).not.toContain('Mark all read')
  const pages = text.split('\f').filter((p) => p.trim() !== '')
  expect(pages.length).toBeGreaterThan(1)
  // The headline and the text begin on the first page, not a page of headline alone.
  expect(pages[0]).toContain('Night trains keep Kyiv moving')
  expect(pages[0]).toContain('(part 1)')
})
