import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'
import { EUTODAY_TITLE } from '../helpers/article-page'

test('a damaged database is named with the newest backup, nothing is overwritten, and the backup brings the library back', async ({
  page,
  dateline,
}) => {
  await dateline.stop()
  const cli = (...args: string[]): string =>
    execFileSync(process.execPath, ['out/main/cli.js', ...args, '--library', dateline.libraryDir], {
      encoding: 'utf8',
    })
  cli('add', 'tests/fixtures/eutoday-belarus-russia.txt')
  cli('backup')
  const database = join(dateline.libraryDir, 'library.db')
  const damaged = Buffer.alloc(16384, 0x5a)
  await writeFile(database, damaged)

  // The host refuses to start on it, saying what is wrong and what to run; the file stays as it was.
  const serve = spawnSync(
    process.execPath,
    ['out/main/cli.js', 'serve', '--library', dateline.libraryDir, '--port', '0'],
    { encoding: 'utf8', timeout: 30_000 },
  )
  expect(serve.status).toBe(1)
  expect(serve.stderr).toContain('library.db is damaged')
  expect(serve.stderr).toContain('dateline restore-backup')
  expect(serve.stderr).not.toMatch(/\bat \S+\.(js|ts):\d+/)
  expect(await readFile(database)).toEqual(damaged)

  expect(cli('restore-backup')).toContain('Restored the backup')
  await dateline.restart()
  await page.goto(dateline.url)
  await expect(page.getByText(EUTODAY_TITLE).first()).toBeVisible()
})
