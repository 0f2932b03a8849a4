import { describe, expect, it } from 'vitest'
import type { SearchPage } from '@shared/contract'
import type { AnchoredHighlight } from '@shared/highlights'
import type { SyncReport } from '@shared/sync'
import type { DatelineApp } from '../../src/main/app'
import { addText, call, syncDevices } from '../helpers/sync-libraries'

/** Highlights and notes made on one device, changed and removed on another, through one folder. */
const devices = syncDevices('dateline-sync-highlights-')
const { library } = devices

const syncNow = (app: DatelineApp): Promise<SyncReport> => call<SyncReport>(app, 'sync.now')

async function highlightsOf(app: DatelineApp, articleId: string): Promise<[string, string, string][]> {
  const { highlights } = await call<{ highlights: AnchoredHighlight[] }>(app, 'highlights.list', {
    articleId,
  })
  return highlights.map((h) => [h.exact, h.note, h.colour])
}

async function found(app: DatelineApp, query: string): Promise<string[]> {
  return (await call<SearchPage>(app, 'articles.search', { query })).items.map((i) => i.article.id)
}

describe('highlights in sync', () => {
  it('reach the other device with their notes, and its changes and removals come back', async () => {
    const laptop = await library('laptop')
    const id = await addText(
      laptop,
      'Minsk votes under watch',
      'Observers counted the ballots at the polling station.',
    )
    const ballots = await call<AnchoredHighlight>(laptop, 'highlights.add', {
      articleId: id,
      exact: 'counted the ballots',
      note: 'Which observers? OSCE declined to come',
    })
    const station = await call<AnchoredHighlight>(laptop, 'highlights.add', {
      articleId: id,
      exact: 'polling station',
    })
    await call(laptop, 'sync.enable', { folder: devices.folder, deviceName: 'Laptop' })

    const desktop = await library('desktop')
    await call(desktop, 'sync.enable', { folder: devices.folder, deviceName: 'Desktop' })
    expect(await highlightsOf(desktop, id)).toEqual(await highlightsOf(laptop, id))
    expect(await found(desktop, 'OSCE')).toEqual([id])

    // The desktop writes a note and a colour; the laptop, offline meanwhile, removes the other one.
    await call(desktop, 'highlights.update', { id: station.id, note: 'Polling station 14', colour: 'blue' })
    await call(laptop, 'highlights.remove', { id: ballots.id })
    await syncNow(desktop)
    await syncNow(laptop)
    await syncNow(desktop)
    const expected: [string, string, string][] = [['polling station', 'Polling station 14', 'blue']]
    expect(await highlightsOf(laptop, id)).toEqual(expected)
    expect(await highlightsOf(desktop, id)).toEqual(expected)
    expect(await found(desktop, 'OSCE')).toEqual([])
    expect(await found(laptop, 'Polling station 14')).toEqual([id])
  })

  it('keeps the later of two notes written at once on two devices, on both', async () => {
    const laptop = await library('laptop')
    const id = await addText(laptop, 'Kyiv power cuts', 'Engineers restored the lines overnight.')
    const made = await call<AnchoredHighlight>(laptop, 'highlights.add', {
      articleId: id,
      exact: 'restored the lines',
    })
    await call(laptop, 'sync.enable', { folder: devices.folder, deviceName: 'Laptop' })
    const desktop = await library('desktop')
    await call(desktop, 'sync.enable', { folder: devices.folder, deviceName: 'Desktop' })

    await call(laptop, 'highlights.update', { id: made.id, note: 'From the laptop' })
    await new Promise((done) => setTimeout(done, 5))
    await call(desktop, 'highlights.update', { id: made.id, note: 'From the desktop, later' })
    await syncNow(laptop)
    await syncNow(desktop)
    await syncNow(laptop)
    expect(await highlightsOf(laptop, id)).toEqual([
      ['restored the lines', 'From the desktop, later', 'yellow'],
    ])
    expect(await highlightsOf(desktop, id)).toEqual(await highlightsOf(laptop, id))
  })
})
