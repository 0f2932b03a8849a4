import AxeBuilder from '@axe-core/playwright'
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

/** The other computer: a library of its own, driven by the CLI, writing to the same sync folder. */
function otherDevice(libraryDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['out/main/cli.js', ...args, '--library', libraryDir], {
    encoding: 'utf8',
  })
}

test('turning sync on in Settings brings the other computer’s articles, and later its star', async ({
  page,
  dateline,
}) => {
  const elsewhere = await mkdtemp(join(tmpdir(), 'dateline-e2e-sync-'))
  try {
    const folder = join(elsewhere, 'Sync')
    const desktop = join(elsewhere, 'desktop')
    const story = join(elsewhere, 'story.txt')
    await writeFile(
      story,
      `Tbilisi protests grow\n\n${'Thousands marched to parliament in Tbilisi. '.repeat(20)}`,
    )
    otherDevice(desktop, 'add', story, '--create')
    otherDevice(desktop, 'sync', 'enable', folder, '--name', 'Desktop')

    await page.goto(dateline.url)
    await expect(page.getByTestId('sync-summary')).toHaveText('Off')
    await page.getByTestId('sync-summary').click()
    await page.getByTestId('sync-folder').fill(folder)
    await page.getByTestId('sync-device-name').fill('Laptop')
    await page.getByRole('button', { name: 'Turn sync on' }).click()
    await expect(page.getByTestId('sync-report')).toContainText('1 article arrived')
    await expect(page.getByTestId('sync-devices')).toContainText('Desktop')
    await expect(page.getByTestId('sync-events')).toContainText('Tbilisi protests grow')
    const axe = await new AxeBuilder({ page })
      .include('[data-testid="sync-view"]')
      .include('.sync-section')
      .analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([])
    await page.screenshot({ path: 'test-results/sync-settings.png' })

    // The desktop stars it; the running host's watcher reads it without being asked.
    await expect(page.getByTestId('filter-starred')).not.toContainText('1')
    const id = (JSON.parse(otherDevice(desktop, 'list', '--json')) as { items: { id: string }[] }).items[0]!
      .id
    otherDevice(desktop, 'mark', 'star', id)
    otherDevice(desktop, 'sync', 'now')
    await expect(page.getByTestId('filter-starred').locator('.filter-count')).toHaveText('1', {
      timeout: 30_000,
    })
  } finally {
    await rm(elsewhere, { recursive: true, force: true })
  }
})
