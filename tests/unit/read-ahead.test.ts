import { describe, expect, it } from 'vitest'
import { mapWithLimit, readAhead, WriteSlicer, yieldToIo } from '../../src/main/library/read-ahead'

/** A read that needs `turns` trips through the event loop, like a file read's several steps. */
function slowRead(turns: number, log: string[]): (item: number) => Promise<number> {
  return async (item) => {
    log.push(`start ${item}`)
    for (let turn = 0; turn < turns; turn++) await yieldToIo()
    log.push(`end ${item}`)
    return item * 10
  }
}

describe('reading ahead of a writer', () => {
  it('keeps at most the limit of reads unfinished, and gives the results in order', async () => {
    let inFlight = 0
    let most = 0
    const results = await mapWithLimit([5, 1, 4, 2, 3], 2, async (turns) => {
      most = Math.max(most, ++inFlight)
      for (let turn = 0; turn < turns; turn++) await yieldToIo()
      inFlight--
      return turns
    })
    expect(results).toEqual([5, 1, 4, 2, 3])
    expect(most).toBe(2)
  })

  it('has the next batch read by the time a pausing writer is done with the current one', async () => {
    const log: string[] = []
    const items = Array.from({ length: 9 }, (_, i) => i)
    const batches = readAhead(items, slowRead(4, log), { batchSize: 3, ahead: 1, concurrency: 3 })
    const slicer = new WriteSlicer(0)
    const handedOut: number[][] = []
    for await (const batch of batches) {
      handedOut.push(batch)
      const next = handedOut.length * 3
      // The writer's synchronous work on this batch, with the slicer's pauses between articles.
      for (let article = 0; article < 6; article++) await slicer.pause()
      if (next < items.length) {
        expect(log, `batch ${handedOut.length} read meanwhile`).toEqual(
          expect.arrayContaining([`end ${next}`, `end ${next + 1}`, `end ${next + 2}`]),
        )
      }
      // Not two batches ahead: the one after next has not started.
      expect(log).not.toContain(`start ${next + 3}`)
    }
    expect(handedOut).toEqual([
      [0, 10, 20],
      [30, 40, 50],
      [60, 70, 80],
    ])
  })

  it('reports a failed read when its batch is reached', async () => {
    const batches = readAhead(
      [1, 2, 3, 4],
      async (item) => {
        if (item === 3) throw new Error('unreadable')
        return item
      },
      { batchSize: 2, ahead: 1, concurrency: 2 },
    )
    const first = await batches.next()
    expect(first.value).toEqual([1, 2])
    await expect(batches.next()).rejects.toThrow('unreadable')
  })
})
