import { execFileSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

test('a damaged library file is named in a clear message, and the file is left as it was', async ({
  page,
  dateline,
}) => {
  await dateline.stop()
  const cli = (...args: string[]): string =>
    execFileSync(process.execPath, ['out/main/cli.js', ...args, '--library', dateline.libraryDir], {
      encoding: 'utf8',
    })
  cli('add', 'tests/fixtures/eutoday-belarus-russia.txt')
  const meta = join(dateline.libraryDir, 'meta')
  const shard = (await readdir(meta)).find((name) => /^[0-9a-f]{2}\.json$/.test(name))!
  const damaged = '{"articles": {"trunc'
  await writeFile(join(meta, shard), damaged)

  await dateline.restart()
  await page.goto(dateline.url)
  const banner = page.getByTestId('error-banner')
  await expect(banner).toContainText(`meta/${shard} is damaged`)
  await expect(banner).not.toContainText(/\bat \S+\.(js|ts):\d+/)
  await dateline.stop()
  expect(await readFile(join(meta, shard), 'utf8')).toBe(damaged)
})
