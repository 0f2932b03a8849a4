import { afterEach, beforeEach, expect, it } from 'vitest'
import type { FeedProgress } from '@shared/feeds'
import { openApp, type DatelineApp } from '../../src/main/app'
import { rss2 } from '../fixtures/feeds/feed-documents'
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server'
import { makeTempDir, removeDir } from '../helpers/temp-library'

let dir: string
let site: FixtureServer
let app: DatelineApp | null = null

beforeEach(async () => {
  dir = await makeTempDir()
  site = await startFixtureServer()
  site.route('/world.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: rss2(site.origin, [{ n: 1 }]),
  })
})

afterEach(async () => {
  await app?.close()
  await site.close()
  await removeDir(dir)
})

it('refreshes due feeds at start-up on its own, and not again before their interval', async () => {
  const first = await openApp({ libraryDir: dir, extraction: 'inline', feedSchedule: false })
  const added = await first.dispatch('feeds.importOpml', {
    opml: `<opml><body><outline text="World" xmlUrl="${site.url('/world.xml')}"/></body></opml>`,
  })
  expect(added.ok).toBe(true)
  await first.close()

  app = await openApp({
    libraryDir: dir,
    extraction: 'inline',
    feedSchedule: { startupDelayMs: 10, tickMs: 50 },
  })
  const finished = new Promise<FeedProgress>((resolve) =>
    app!.events.subscribe((event, payload) => {
      if (event === 'feeds.progress' && (payload as FeedProgress).finished) resolve(payload as FeedProgress)
    }),
  )
  expect((await finished).total).toBe(1)
  const requested = site.requests.filter((p) => p === '/world.xml').length
  // Several ticks later the feed, refreshed a moment ago, is not due again for 30 minutes.
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(site.requests.filter((p) => p === '/world.xml').length).toBe(requested)
  const list = await app.dispatch('feeds.list', {})
  expect(
    list.ok && (list.value as { feeds: { lastRefreshedAt: string | null }[] }).feeds[0]!.lastRefreshedAt,
  ).toBeTruthy()
})
