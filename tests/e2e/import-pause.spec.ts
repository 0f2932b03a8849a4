import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { articlePage } from '../helpers/article-page'
import { expect, test } from './support/fixtures'

const LINKS = 24
/** Each page answers this late, so the import can be watched and paused half-way. */
const PAGE_DELAY_MS = 400

test('an import shows its progress as it goes, and a paused one starts nothing until resumed', async ({
  page,
  dateline,
}) => {
  const slow: Server = createServer((request, response) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(articlePage({ title: `Dispatch ${request.url?.slice(1)} from the river crossing` }))
    }, PAGE_DELAY_MS)
  })
  await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
  try {
    const links = Array.from({ length: LINKS }, (_, i) => `${origin}/${i + 1}`).join('\n')
    await page.goto(dateline.url)
    await page.getByTestId('open-imports').click()
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'links.txt', mimeType: 'text/plain', buffer: Buffer.from(links) })
    await page.getByTestId('import-start').click()

    const job = page.getByTestId('import-job')
    await expect(job.getByTestId('import-format-found')).toContainText('List of web addresses')
    await expect(job.getByTestId('import-progress')).toHaveText(/^[1-9]\d* of 24 captured · \d+%$/)
    await job.getByTestId('import-pause').click()
    await expect(job.getByTestId('import-state')).toHaveText('Paused')

    // The captures under way finish; then nothing moves.
    const progress = job.getByTestId('import-progress')
    let shown = ''
    await expect
      .poll(
        async () => {
          const now = (await progress.textContent()) ?? ''
          const settled = now === shown
          shown = now
          return settled
        },
        { intervals: [1500] },
      )
      .toBe(true)
    const captured = Number(/^(\d+) of/.exec(shown)?.[1])
    expect(captured).toBeLessThan(LINKS)
    // Proving that nothing happens has no event to wait for: three page times without a change.
    await page.waitForTimeout(PAGE_DELAY_MS * 3)
    await expect(progress).toHaveText(shown)

    await job.getByTestId('import-resume').click()
    await expect(job.getByTestId('import-state')).toHaveText('Finished', { timeout: 60_000 })
    await expect(progress).toHaveText('24 of 24 captured')
    await page.getByTestId('filter-all').click()
    await expect(page.getByTestId('filter-all')).toContainText('24')
  } finally {
    slow.closeAllConnections()
    await new Promise((resolve) => slow.close(resolve))
  }
})
