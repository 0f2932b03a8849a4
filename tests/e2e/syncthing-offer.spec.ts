import AxeBuilder from '@axe-core/playwright'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Syncthing, syncthingMissing } from '../helpers/syncthing'
import { expect, test } from './support/fixtures'

test('Settings → Sync adds the sync folder to the Syncthing running on this computer, when asked', async ({
  page,
  dateline,
}) => {
  const missing = syncthingMissing()
  test.skip(missing !== null, `Skipped: ${missing}`)
  const elsewhere = await mkdtemp(join(tmpdir(), 'dateline-e2e-syncthing-'))
  const engine = await Syncthing.create(join(elsewhere, 'syncthing-home'))
  // Where this computer's Syncthing keeps config.xml; the host started now reads it from there.
  process.env.STHOMEDIR = engine.home
  try {
    await dateline.restart()
    const folder = join(elsewhere, 'Sync')
    await mkdir(folder)
    await page.goto(dateline.url)
    await page.getByTestId('sync-summary').click()
    await expect(page.getByTestId('sync-view')).toBeVisible()
    // Before sync has a folder there is nothing to offer.
    await expect(page.getByTestId('syncthing-offer')).toHaveCount(0)
    await page.getByTestId('sync-folder').fill(folder)
    await page.getByRole('button', { name: 'Turn sync on' }).click()
    const add = page.getByRole('button', { name: 'Add the sync folder to Syncthing' })
    await expect(add).toBeVisible()
    expect(await engine.get<unknown[]>('/rest/config/folders')).toEqual([])
    const axe = await new AxeBuilder({ page }).include('[data-testid="syncthing-offer"]').analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([])
    await add.click()
    await expect(page.getByTestId('syncthing-offer')).toContainText('now has this folder')
    const folders = await engine.get<{ path: string; type: string }[]>('/rest/config/folders')
    expect(folders.map((f) => [f.path, f.type])).toEqual([[folder, 'sendreceive']])
  } finally {
    delete process.env.STHOMEDIR
    await engine.stop()
    await rm(elsewhere, { recursive: true, force: true })
  }
})
