import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { tempLibrary } from './support/library'

/**
 * The desktop app itself: the built app under `electron out/main/index.js`, or an installed one
 * when DATELINE_APP names its executable (the release workflow's smoke test of each installer).
 * Electron downloads its binary lazily on first run, which needs a network this CI does not have,
 * so where the binary is absent the test is skipped with that reason.
 */
const FIXTURE = 'tests/fixtures/eutoday-belarus-russia.txt'
const TITLE = 'Belarus: Russia prepared to offer "military assistance" to Lukashenko'

function electronBinary(): string | null {
  const pathFile = join('node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** How to start the app: an installed executable, or Electron with the built main script. */
function appLaunch(libraryDir: string): { executablePath: string; args: string[] } | null {
  const installed = process.env.DATELINE_APP
  const flags = ['--library', libraryDir, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])]
  if (installed) return { executablePath: installed, args: flags }
  const binary = electronBinary()
  return binary ? { executablePath: binary, args: ['out/main/index.js', ...flags] } : null
}

const REASON =
  'No Electron binary in node_modules/electron/dist (it downloads on first run; this machine cannot reach the download)'

test('the desktop app saves an article from a file, reads it, and still has it after a restart', async () => {
  const library = await tempLibrary()
  const launch = appLaunch(library.dir)
  if (!launch) console.log(`skipped: ${REASON}`)
  test.skip(!launch, REASON)
  let app: ElectronApplication | null = await electron.launch(launch!)
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('empty-library')).toBeVisible()
    // Locked down: no Node in the page, only the one typed bridge.
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { dateline?: object }).dateline ?? {}).sort(),
    }))
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] })

    await window.getByTestId('add-article').click()
    await window.getByTestId('add-file').setInputFiles(FIXTURE)
    await window.getByTestId('add-submit').click()
    await expect(window.getByTestId('reader-title')).toHaveText(TITLE)
    await app.close()
    app = null

    // Started again on the same library: the article is there, from the disk.
    app = await electron.launch(launch!)
    const again = await app.firstWindow()
    await expect(again.getByTestId('article-row').first()).toContainText('Belarus')
    await again.getByTestId('article-row').first().click()
    await expect(again.getByTestId('reader-title')).toHaveText(TITLE)
  } finally {
    await app?.close()
    await library.remove()
  }
})
