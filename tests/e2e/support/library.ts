import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Frame, Page } from '@playwright/test'

export async function tempLibrary(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-e2e-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** The reader's sandboxed frame, once it holds a document. */
export async function articleFrame(page: Page): Promise<Frame> {
  const element = await page.getByTestId('article-frame').elementHandle()
  const frame = await element?.contentFrame()
  if (!frame) throw new Error('The reader shows no article frame')
  return frame
}

/** Waits until every picture in the article has loaded and reports each one's natural width. */
export async function loadedImageWidths(frame: Frame, count: number): Promise<number[]> {
  await frame.waitForFunction(
    (n) =>
      document.images.length === n &&
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    count,
  )
  return frame.evaluate(() => [...document.images].map((img) => img.naturalWidth))
}
