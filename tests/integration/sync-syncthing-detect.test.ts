import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncthingFolder, SyncthingPresence } from '@shared/syncthing'
import { openApp, type DatelineApp } from '../../src/main/app'
import { configCandidates, findSyncthing, guiAccessOf } from '../../src/main/sync/syncthing-api'
import { call } from '../helpers/sync-libraries'
import { Syncthing, syncthingMissing } from '../helpers/syncthing'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Finding this computer's running Syncthing through its REST API and, when the person asks,
 * giving it the sync folder: against a real Syncthing (Debian's package) on loopback.
 */
const skipReason = syncthingMissing()
if (skipReason) console.warn(`Skipping the Syncthing detection test: ${skipReason}`)

let root: string
let engine: Syncthing | null = null
let app: DatelineApp | null = null

beforeAll(async () => {
  root = await makeTempDir('dateline-syncthing-detect-')
  if (!skipReason) engine = await Syncthing.create(join(root, 'syncthing-home'))
}, 60_000)

afterAll(async () => {
  await app?.close()
  await engine?.stop()
  await removeDir(root)
})

describe('Syncthing on this computer', () => {
  it('reads the GUI address and API key from config.xml, and only a loopback address', () => {
    const xml = (address: string, tls = false): string =>
      `<configuration><gui enabled="true" tls="${tls}"><address>${address}</address><apikey>k3y</apikey></gui></configuration>`
    expect(guiAccessOf(xml('127.0.0.1:8384'))).toEqual({ base: 'http://127.0.0.1:8384', apiKey: 'k3y' })
    expect(guiAccessOf(xml('0.0.0.0:8384'))).toEqual({ base: 'http://127.0.0.1:8384', apiKey: 'k3y' })
    expect(guiAccessOf(xml('192.168.1.20:8384'))).toHaveProperty('problem')
    expect(guiAccessOf(xml('127.0.0.1:8384', true))).toHaveProperty('problem')
    expect(configCandidates('linux', {}, '/home/ana')).toEqual([
      '/home/ana/.local/state/syncthing/config.xml',
      '/home/ana/.config/syncthing/config.xml',
    ])
  })

  it.skipIf(skipReason !== null)('finds the running Syncthing through its config.xml', async () => {
    const { presence } = await findSyncthing({ configPaths: [join(engine!.home, 'config.xml')] })
    expect(presence).toMatchObject({
      found: true,
      deviceId: engine!.id,
      address: `http://127.0.0.1:${engine!.guiPort}`,
    })
    const wrongKey = await findSyncthing({
      configPaths: [],
      apiKey: 'not-the-key',
      address: `127.0.0.1:${engine!.guiPort}`,
    })
    expect(wrongKey.presence.found).toBe(false)
  })

  it.skipIf(skipReason !== null)('adds the sync folder to Syncthing when asked, once', async () => {
    app = await openApp({ libraryDir: join(root, 'library'), extraction: 'inline' })
    const folder = join(root, 'Sync')
    await mkdir(folder)
    const access = { apiKey: engine!.apiKey, address: `127.0.0.1:${engine!.guiPort}` }
    const seen = await call<SyncthingPresence>(app, 'syncthing.detect', access)
    expect(seen.deviceId).toBe(engine!.id)
    // Nothing is given to Syncthing before sync has a folder.
    expect((await app.dispatch('syncthing.addFolder', access)).ok).toBe(false)
    expect(await engine!.get<unknown[]>('/rest/config/folders')).toEqual([])
    await call(app, 'sync.enable', { folder })
    const added = await call<SyncthingFolder>(app, 'syncthing.addFolder', access)
    expect(added).toMatchObject({ id: 'dateline', path: folder, added: true })
    const folders = await engine!.get<{ id: string; path: string; type: string }[]>('/rest/config/folders')
    expect(folders.map((f) => [f.id, f.path, f.type])).toEqual([['dateline', folder, 'sendreceive']])
    expect((await call<SyncthingFolder>(app, 'syncthing.addFolder', access)).added).toBe(false)
  })
})
