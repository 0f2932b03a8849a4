import { afterEach, describe, expect, it } from 'vitest'
import { openApp, type DatelineApp } from '../../src/main/app'
import type { Extractor } from '../../src/main/ingest/extractor-types'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/** An extractor that only counts how often it was asked to get ready. */
function countingExtractor(): Extractor & { prepared: number } {
  const extractor = {
    prepared: 0,
    extract: () => Promise.reject(new Error('no page is read here')),
    prepare: () => {
      extractor.prepared += 1
      return Promise.resolve()
    },
    close: () => Promise.resolve(),
  }
  return extractor
}

const wait = (ms: number): Promise<void> => new Promise((settle) => setTimeout(settle, ms))

describe('the page reader of a long-running host', () => {
  let app: DatelineApp | null = null
  let dir: string | undefined
  afterEach(async () => {
    await app?.close()
    app = null
    await removeDir(dir)
  })

  it('is readied a few seconds after the open, before any link is saved', async () => {
    dir = await makeTempDir()
    const extractor = countingExtractor()
    app = await openApp({ libraryDir: dir, extractor, host: true, feedSchedule: false })
    expect(extractor.prepared).toBe(0)
    await wait(4_500)
    expect(extractor.prepared).toBe(1)
  })

  it('is left alone by a short command, which reads its one page at once', async () => {
    dir = await makeTempDir()
    const extractor = countingExtractor()
    app = await openApp({ libraryDir: dir, extractor })
    await wait(4_500)
    expect(extractor.prepared).toBe(0)
  })
})
