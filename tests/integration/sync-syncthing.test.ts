import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import { addText, call, viewOf, type LibraryView } from '../helpers/sync-libraries'
import { Syncthing, syncthingMissing } from '../helpers/syncthing'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/**
 * Two machines, each a library folder and a real Syncthing sharing its sync folder with the other
 * over loopback. Both change the library, together and while the other is offline, and end with
 * the same library, every acknowledged change in it, and no database ever in a synced folder.
 */
const skipReason = syncthingMissing()
if (skipReason) console.warn(`Skipping the Syncthing test: ${skipReason}`)

let root: string
const engines: Syncthing[] = []
const apps: DatelineApp[] = []

beforeAll(async () => {
  root = await makeTempDir('dateline-syncthing-')
})

afterAll(async () => {
  for (const app of apps.splice(0)) await app.close()
  for (const engine of engines.splice(0)) await engine.stop()
  await removeDir(root)
})

async function converge(
  a: DatelineApp,
  b: DatelineApp,
  done: (view: LibraryView) => boolean,
): Promise<LibraryView> {
  const deadline = Date.now() + 60_000
  for (;;) {
    await call(a, 'sync.now')
    await call(b, 'sync.now')
    const [va, vb] = [viewOf(a), viewOf(b)]
    if (JSON.stringify(va) === JSON.stringify(vb) && done(va)) return va
    if (Date.now() > deadline) {
      expect(vb, 'the two libraries after a minute').toEqual(va)
      expect.fail('the libraries are equal but a change is missing')
    }
    await new Promise((r) => setTimeout(r, 400))
  }
}

describe.skipIf(skipReason !== null)('sync through two real Syncthing instances', () => {
  it(
    'converges after changes on both, offline and at once, losing nothing',
    { timeout: 150_000 },
    async () => {
      const [laptopSync, desktopSync] = [join(root, 'laptop-sync'), join(root, 'desktop-sync')]
      await mkdir(laptopSync)
      await mkdir(desktopSync)
      const laptopEngine = await Syncthing.create(join(root, 'laptop-home'))
      const desktopEngine = await Syncthing.create(join(root, 'desktop-home'))
      engines.push(laptopEngine, desktopEngine)
      await laptopEngine.addDevice(desktopEngine)
      await desktopEngine.addDevice(laptopEngine)
      await laptopEngine.shareFolder('dateline', laptopSync, [desktopEngine])
      await desktopEngine.shareFolder('dateline', desktopSync, [laptopEngine])

      const laptop = await openApp({ libraryDir: join(root, 'laptop'), extraction: 'inline' })
      const desktop = await openApp({ libraryDir: join(root, 'desktop'), extraction: 'inline' })
      apps.push(laptop, desktop)
      await call(laptop, 'sync.enable', { folder: laptopSync, deviceName: 'Laptop' })
      await call(desktop, 'sync.enable', { folder: desktopSync, deviceName: 'Desktop' })

      // Together: each adds, stars, reads.
      const minsk = await addText(laptop, 'Minsk votes under watch', 'Belarus election')
      const kyiv = await addText(laptop, 'Kyiv power cuts', 'Ukraine energy')
      const riga = await addText(desktop, 'Riga port strike', 'Latvia port')
      await call(laptop, 'articles.setState', { id: minsk, starred: true })
      await call(desktop, 'articles.setState', { id: riga, read: true })
      await converge(laptop, desktop, (v) => v.articles.length === 3)

      // The desktop goes offline; both carry on.
      await desktopEngine.stop()
      const trip = await call<{ id: number }>(laptop, 'collections.create', { name: 'Trip' })
      await call(laptop, 'collections.add', { id: trip.id, articles: [minsk, kyiv, riga] })
      const vilnius = await addText(laptop, 'Vilnius hosts talks', 'Lithuania talks')
      await call(laptop, 'articles.delete', { id: kyiv })
      await call(laptop, 'sync.now')
      const grodno = await addText(desktop, 'Grodno border queue', 'Belarus border')
      const desktopTrip = await call<{ id: number }>(desktop, 'collections.create', { name: 'Trip' })
      await call(desktop, 'collections.add', { id: desktopTrip.id, articles: [grodno, riga] })
      await call(desktop, 'articles.setState', { id: minsk, read: true })
      await call(desktop, 'articles.setState', { id: riga, starred: true })
      await call(desktop, 'sync.now')
      await desktopEngine.start()
      const afterOffline = await converge(
        laptop,
        desktop,
        (v) => v.articles.length === 4 && v.collections[0]?.articles.length === 3,
      )
      expect(afterOffline.articles.map((a) => a.id).sort()).toEqual([minsk, riga, vilnius, grodno].sort())
      expect(afterOffline.articles.find((a) => a.id === minsk)).toMatchObject({ starred: true, read: true })
      expect(afterOffline.articles.find((a) => a.id === riga)).toMatchObject({ starred: true, read: true })
      expect(afterOffline.collections.map((c) => c.name)).toEqual(['Trip'])
      expect(new Set(afterOffline.collections[0]!.articles)).toEqual(new Set([minsk, riga, grodno]))

      // At once: the same article's state and the same collection's order, on both.
      await call(laptop, 'articles.setState', { id: vilnius, archived: true })
      await call(desktop, 'articles.setState', { id: vilnius, starred: true })
      await call(laptop, 'collections.move', { id: trip.id, articles: [grodno], before: minsk })
      await call(desktop, 'collections.move', { id: desktopTrip.id, articles: [riga], before: null })
      const atOnce = await converge(laptop, desktop, (v) => {
        const article = v.articles.find((a) => a.id === vilnius)
        return (
          article?.archived === true && article.starred === true && v.collections[0]?.articles.at(-1) === riga
        )
      })
      expect(atOnce.collections[0]!.articles[0]).toBe(grodno)

      for (const folder of [laptopSync, desktopSync]) {
        const files = (await readdir(folder, { recursive: true })).map(String)
        expect(files.filter((f) => f.includes('library.db'))).toEqual([])
        expect(files.some((f) => f.startsWith('logs/'))).toBe(true)
      }
    },
  )
})
