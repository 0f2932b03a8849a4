import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryStore } from '../../src/main/library/library-store'
import { makeSummary, makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Electron cannot run on the build machines, so the built shell (out/main/index.js) is started
 * under plain Node with a stand-in for the `electron` module that records what the shell asks of
 * it. This proves the wiring (window options, IPC, protocol, navigation) that the real app uses.
 */
const REPO = resolve(__dirname, '../..')
const SHELL = resolve(REPO, 'out/main/index.js')
const built = existsSync(SHELL)
if (!built) console.warn(`Skipping the Electron shell tests: ${SHELL} is missing. "npm test" builds it.`)

interface ShellReport {
  trays: { tip: string; items: (string | null)[] | null }[]
  menuCommands: unknown[][]
  printed: string[]
  saveDialogs: string[]
  messageBoxes: { message: string; buttons: string[] }[]
  webPreferences: Record<string, unknown>
  loaded: string
  schemes: { scheme: string; privileges: Record<string, boolean> }[]
  menus: number
  errors: string[]
  info: { ok: boolean; value?: { path: string } }
  badInput: { ok: boolean; error?: { code: string } }
  unknown: { ok: boolean; error?: { code: string } }
  foreign: { ok: boolean; error?: { code: string } }
  openHttps: { action: string }
  openScript: { action: string }
  opened: string[]
  navigationPrevented: number
  permission: boolean | null
  mediaStatus: number
  mediaType: string | null
  mediaTraversal: number
  mediaMissing: number
  protocolClients: unknown[][]
  linkOffers: { url: string }[]
}

let userData: string
let libraryDir: string
let saveDir: string

beforeEach(async () => {
  userData = await makeTempDir('dateline-userdata-')
  saveDir = await makeTempDir('dateline-saved-pdf-')
  libraryDir = join(await makeTempDir('dateline-shell-lib-'), 'library')
})

afterEach(async () => {
  await removeDir(userData)
  await removeDir(saveDir)
  await removeDir(resolve(libraryDir, '..'))
})

function driveShell(env: Record<string, string> = {}): Promise<ShellReport> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [
        '--import',
        './tests/helpers/electron-stub/register.mjs',
        'tests/helpers/electron-stub/drive-shell.mjs',
        '--library',
        libraryDir,
      ],
      {
        cwd: REPO,
        env: { ...process.env, STUB_USER_DATA: userData, STUB_SAVE_DIR: saveDir, ...env },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`${error.message}\n${stderr}`))
        else done(JSON.parse(stdout) as ShellReport)
      },
    )
  })
}

describe.skipIf(!built)('the Electron shell', () => {
  it('offers a damaged database its backup, puts it back when asked, and opens the library', async () => {
    const store = await LibraryStore.open(libraryDir, { now: () => new Date('2026-11-30T09:00:00Z') })
    const article = makeSummary({ starred: true })
    await store.putArticle(article, { html: '<p>The story.</p>', text: 'The story.' })
    await store.backUpIfDue()
    await store.close()
    await writeFile(join(libraryDir, 'library.db'), Buffer.alloc(8192, 0x5a))

    const report = await driveShell({ STUB_MESSAGE_RESPONSE: '0' })

    expect(report.messageBoxes[0]).toEqual({
      message: 'The library database is damaged',
      buttons: ['Restore the backup of 2026-11-30', 'Rebuild from the article files', 'Quit'],
    })
    expect(report.messageBoxes[1]?.message).toMatch(/^The backup from 2026-11-30 is back in place/)
    expect(report.errors).toEqual([])
    expect(report.info.ok, 'the window opened the library').toBe(true)
    const reopened = await LibraryStore.open(libraryDir)
    try {
      expect(reopened.get(article.id)?.starred, 'the starred mark came back with the backup').toBe(true)
    } finally {
      await reopened.close()
    }
  })

  it('opens one locked-down window on the built renderer with the sandboxed preload', async () => {
    const report = await driveShell()
    expect(report.errors).toEqual([])
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(report.webPreferences.preload).toBe(join(REPO, 'out/preload/index.cjs'))
    expect(existsSync(report.webPreferences.preload as string)).toBe(true)
    expect(report.loaded).toBe(join(REPO, 'out/renderer/index.html'))
    expect(report.menus).toBe(1)
    expect(report.menuCommands, 'File > Add Article… reaches the window').toEqual([
      ['dateline:event', 'app.command', { command: 'add-article' }],
    ])
  })

  it('registers dateline:// and turns an add link, and only that, into a question in the window', async () => {
    const report = await driveShell()
    // Unpackaged, the system must start Electron with the app's script (argv[1]; here the driver).
    expect(report.protocolClients).toEqual([
      ['dateline', process.execPath, [expect.stringMatching(/drive-shell\.mjs$/)]],
    ])
    expect(report.linkOffers).toEqual([{ url: 'https://news.example/a' }, { url: 'http://news.example/b' }])
  })

  it('prints the article, and saves it as a PDF named after its headline', async () => {
    const report = await driveShell()
    expect(report.printed).toEqual(['print', 'printToPDF'])
    expect(report.saveDialogs).toEqual(['Night trains keep Kyiv moving.pdf'])
    expect(readFileSync(join(saveDir, 'Night trains keep Kyiv moving.pdf'), 'utf8')).toContain('%PDF')
  })

  it('answers the API over IPC on the --library folder, validating every call and refusing other senders', async () => {
    const report = await driveShell()
    expect(report.info).toMatchObject({ ok: true, value: { path: libraryDir } })
    expect(report.badInput.error?.code).toBe('INVALID_INPUT')
    expect(report.unknown.error?.code).toBe('UNKNOWN_PROCEDURE')
    expect(report.foreign.error?.code).toBe('UNAUTHORIZED')
  })

  it('sends links to the system browser, never into the window, and grants no permissions', async () => {
    const report = await driveShell()
    expect(report.openHttps).toEqual({ action: 'deny' })
    expect(report.openScript).toEqual({ action: 'deny' })
    expect(report.opened).toContain('https://example.com/story')
    expect(report.opened.some((url) => url.startsWith('javascript:'))).toBe(false)
    expect(report.navigationPrevented).toBe(1)
    expect(report.permission).toBe(false)
  })

  it('serves stored pictures through dateline-media:// and nothing outside media/', async () => {
    const report = await driveShell()
    expect(report.schemes.map((s) => s.scheme)).toEqual(['dateline-media'])
    expect(report.mediaStatus).toBe(200)
    expect(report.mediaType).toBe('image/png')
    expect(report.mediaTraversal).toBe(404)
    expect(report.mediaMissing).toBe(404)
  })
})

function runShellCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', './tests/helpers/electron-stub/register.mjs', SHELL, ...args],
      { cwd: REPO, env: { ...process.env, STUB_USER_DATA: userData, STUB_EXIT: '1' }, timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

describe.skipIf(!built)('keeping Dateline in the tray', () => {
  it('puts no icon in the tray by default, and one with its menu when the person chose to keep it running', async () => {
    expect((await driveShell()).trays).toEqual([])
    await writeFile(join(libraryDir, 'settings.json'), JSON.stringify({ keepRunningInTray: true }))
    const report = await driveShell()
    expect(report.errors).toEqual([])
    expect(report.trays).toEqual([
      { tip: 'Dateline', items: ['Open Dateline', 'Refresh Feeds Now', null, 'Quit Dateline'] },
    ])
  })
})

describe.skipIf(!built)('the installed app as the dateline command', () => {
  it('runs a command line through the CLI, without a window, with its exit code', async () => {
    const version = await runShellCommand(['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)

    // The CLI's own answer, through the app: a library that is not there yet is named, exit 1.
    const list = await runShellCommand(['--library', libraryDir, 'list', '--json'])
    expect(list.code).toBe(1)
    expect(list.stderr).toContain(`There is no Dateline library at ${libraryDir}`)

    const unknown = await runShellCommand(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
  })
})
