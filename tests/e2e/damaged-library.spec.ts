import { execFileSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHost } from './support/browser-host'
import { tempLibrary } from './support/library'

test('a damaged library file is named in a clear message, and the file is left as it was', async ({
  page,
}) => {
  const library = await tempLibrary()
  execFileSync(process.execPath, [
    'out/main/cli.js',
    'add',
    'tests/fixtures/eutoday-belarus-russia.txt',
    '--library',
    library.dir,
  ])
  const shard = (await readdir(join(library.dir, 'meta'))).find((name) => /^[0-9a-f]{2}\.json$/.test(name))!
  const damaged = '{"articles": {"trunc'
  await writeFile(join(library.dir, 'meta', shard), damaged)
  const host = await startHost(library.dir)
  try {
    await page.goto(host.url)
    const banner = page.getByTestId('error-banner')
    await expect(banner).toContainText(`meta/${shard} is damaged`)
    await expect(banner).not.toContainText(/\bat \S+\.(js|ts):\d+/)
    await host.stop()
    expect(await readFile(join(library.dir, 'meta', shard), 'utf8')).toBe(damaged)
  } finally {
    await host.stop()
    await library.remove()
  }
})
