import { test as base } from '@playwright/test'
import { startHost, type RunningHost } from './browser-host'
import { startFixtureSite, type FixtureSite, type Routes } from './fixture-site'
import { tempLibrary } from './library'

/** A library folder of the test's own, served by `dateline serve`, cleaned up afterwards. */
export interface DatelineUnderTest {
  libraryDir: string
  /** The link `dateline serve` printed, with its key. */
  readonly url: string
  readonly origin: string
  /** Stops the host and starts a new one on the same folder, as a person reopening the app. */
  restart(): Promise<void>
  stop(): Promise<void>
}

interface Fixtures {
  dateline: DatelineUnderTest
  /** Starts a news site on 127.0.0.1; every site is closed when the test ends. */
  newsSite: (routes: (origin: string) => Routes) => Promise<FixtureSite>
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  dateline: async ({}, use) => {
    const library = await tempLibrary()
    let host: RunningHost | null = await startHost(library.dir)
    const dateline: DatelineUnderTest = {
      libraryDir: library.dir,
      get url() {
        if (!host) throw new Error('The Dateline host is stopped')
        return host.url
      },
      get origin() {
        if (!host) throw new Error('The Dateline host is stopped')
        return host.origin
      },
      async restart() {
        await host?.stop()
        host = await startHost(library.dir)
      },
      async stop() {
        await host?.stop()
        host = null
      },
    }
    await use(dateline)
    await host?.stop()
    await library.remove()
  },
  // eslint-disable-next-line no-empty-pattern -- as above: this fixture depends on no other
  newsSite: async ({}, use) => {
    const sites: FixtureSite[] = []
    await use(async (routes) => {
      const site = await startFixtureSite(routes)
      sites.push(site)
      return site
    })
    await Promise.all(sites.map((site) => site.close()))
  },
})

export { expect } from '@playwright/test'
