import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

/**
 * The installers cannot be built on these machines (electron-builder downloads Electron), so what
 * can be checked here is the configuration that flips Electron's fuses when they are built.
 */
describe('the installers are packaged with Electron’s fuses locked', () => {
  it('turns off every way to run the app as plain Node, and loads only the checked app.asar', async () => {
    const config = load(await readFile(resolve(__dirname, '../../electron-builder.yml'), 'utf8')) as {
      electronFuses?: Record<string, boolean>
      asar?: boolean
    }
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
    // Integrity validation only means something for an asar archive (electron-builder's default).
    expect(config.asar ?? true).toBe(true)
  })
})
