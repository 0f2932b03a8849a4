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

interface BuilderConfig {
  appId: string
  productName: string
  executableName: string
  files: string[]
  fileAssociations: { ext: string | string[] }[]
  protocols: { schemes: string[] }[]
  publish: { provider: string }[]
  win: { target: { target: string; arch: string[] }[] }
  mac: { target: { target: string; arch: string[] }[] }
  linux: { target: { target: string; arch: string[] }[]; desktop: { entry: Record<string, string> } }
}

async function builderConfig(): Promise<BuilderConfig> {
  return load(await readFile(resolve(__dirname, '../../electron-builder.yml'), 'utf8')) as BuilderConfig
}

/** electron-builder's own check of a configuration (its JSON schema), as `electron-builder` runs it. */
async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
  }
  const { DebugLogger } = (await import('builder-util')) as { DebugLogger: new (enabled: boolean) => unknown }
  await validateConfiguration(config, new DebugLogger(false))
}

describe('the installers a person downloads', () => {
  it('is a configuration electron-builder accepts, and its check does refuse a wrong one', async () => {
    const config = await builderConfig()
    await expect(validate(config)).resolves.toBeUndefined()
    await expect(validate({ ...config, win: { ...config.win, targetz: 'nsis' } })).rejects.toThrow()
  })

  it('builds NSIS for Windows, DMG and ZIP for Intel and Apple silicon Macs, AppImage and deb for Linux', async () => {
    const config = await builderConfig()
    const targets = (list: { target: string; arch: string[] }[]): string[] =>
      list.flatMap((t) => t.arch.map((arch) => `${t.target}:${arch}`)).sort()
    expect(targets(config.win.target)).toEqual(['nsis:arm64', 'nsis:x64'])
    expect(targets(config.mac.target)).toEqual(['dmg:arm64', 'dmg:x64', 'zip:arm64', 'zip:x64'])
    expect(targets(config.linux.target)).toEqual(['AppImage:arm64', 'AppImage:x64', 'deb:arm64', 'deb:x64'])
  })

  it('opens saved pages and dateline:// links, and sits among the news apps of the desktop', async () => {
    const config = await builderConfig()
    expect(config.fileAssociations.flatMap((a) => a.ext).sort()).toEqual([
      'htm',
      'html',
      'mht',
      'mhtml',
      'txt',
      'webarchive',
    ])
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['dateline'])
    expect(config.linux.desktop.entry.Categories).toContain('News')
    // /usr/bin/dateline (from the deb) is the app, which runs the CLI when given a command.
    expect(config.executableName).toBe('dateline')
    expect(config.publish.map((p) => p.provider)).toEqual(['github'])
  })

  it('ships only the built app: no sources, tests, fixtures or benchmarks', async () => {
    const config = await builderConfig()
    const included = config.files.filter((pattern) => !pattern.startsWith('!'))
    expect(included.sort()).toEqual(['out/**', 'package.json'])
    // What `npm run build` writes to out/ is the app itself; nothing of tests/ is bundled into it.
    const built = await readFile(resolve(__dirname, '../../electron.vite.config.ts'), 'utf8')
    expect(built).not.toMatch(/tests\//)
  })
})
