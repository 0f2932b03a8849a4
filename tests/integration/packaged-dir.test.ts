import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * `electron-builder --dir`: the unpacked app as the installers would hold it. It needs Electron's
 * binary, which downloads lazily on first run; where it is absent (these build machines cannot
 * reach the download) the test is skipped, and says why.
 */
const REPO = resolve(__dirname, '../..')
const ELECTRON_DIST = join(REPO, 'node_modules', 'electron', 'dist')
const pathFile = join(REPO, 'node_modules', 'electron', 'path.txt')
const binaryPresent =
  existsSync(pathFile) && existsSync(join(ELECTRON_DIST, readFileSync(pathFile, 'utf8').trim()))
const REASON = 'No Electron binary in node_modules/electron/dist: electron-builder --dir cannot run here'
if (!binaryPresent) console.log(`skipped: ${REASON}`)

describe.skipIf(!binaryPresent)('the unpacked app', () => {
  it('holds the built app in app.asar, and no tests, fixtures or sources', async () => {
    const output = await makeTempDir('dateline-dist-')
    try {
      await promisify(execFile)(
        process.execPath,
        [
          join(REPO, 'node_modules', 'electron-builder', 'cli.js'),
          '--config',
          'electron-builder.yml',
          '--dir',
          `-c.electronDist=${ELECTRON_DIST}`,
          `-c.directories.output=${output}`,
          '--publish',
          'never',
        ],
        { cwd: REPO, timeout: 600_000 },
      )
      const unpacked = (await readdir(output)).find((name) => name.endsWith('-unpacked') || name === 'mac')
      expect(unpacked).toBeDefined()
      const { listPackage } = await import('@electron/asar')
      const asar = [join(output, unpacked!, 'resources', 'app.asar')].find(existsSync)
      expect(asar).toBeDefined()
      const files = listPackage(asar!, { isPack: false })
      expect(files).toContain('/out/main/index.js')
      expect(files).toContain('/out/renderer/index.html')
      expect(files.filter((f) => /^\/(tests|src|docs|benchmarks)\//.test(f))).toEqual([])
    } finally {
      await removeDir(output)
    }
  }, 600_000)
})
