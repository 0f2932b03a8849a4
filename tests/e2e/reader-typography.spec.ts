import { mkdir } from 'node:fs/promises'
import type { Frame, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { articleFrame } from './support/library'
import {
  addPages,
  ARABIC_STORY,
  CHINESE_STORY,
  ENGLISH_STORY,
  HEBREW_STORY,
  setReaderSettings,
} from './support/reading-pages'

async function openArticle(page: Page, title: string | RegExp): Promise<Frame> {
  await page.getByTestId('article-row').filter({ hasText: title }).locator('.row-title').click()
  await expect(page.getByTestId('reader-title')).toHaveText(title)
  const frame = await articleFrame(page)
  await frame.waitForFunction(() => document.fonts.status === 'loaded' && document.body.innerText.length > 0)
  return frame
}

/** The families whose faces the frame actually loaded for its text. */
function loadedFamilies(frame: Frame): Promise<string[]> {
  return frame.evaluate(async () => {
    await document.fonts.ready
    return [...new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family))]
  })
}

/** Characters on each full line of the longest paragraph, by where each character is laid out. */
function charactersPerLine(frame: Frame): Promise<number[]> {
  return frame.evaluate(() => {
    const longest = [...document.querySelectorAll('p')].sort(
      (a, b) => b.textContent.length - a.textContent.length,
    )[0]
    const text = longest?.firstChild
    if (!text || text.nodeType !== Node.TEXT_NODE) return []
    const range = document.createRange()
    const lines = new Map<number, number>()
    for (let i = 0; i < (text.textContent ?? '').length; i++) {
      range.setStart(text, i)
      range.setEnd(text, i + 1)
      const top = Math.round(range.getBoundingClientRect().top)
      lines.set(top, (lines.get(top) ?? 0) + 1)
    }
    return [...lines.values()].slice(0, -1)
  })
}

test.describe('the reader sets type like a book', () => {
  test.use({ viewport: { width: 1680, height: 1000 } })

  test('bundled serif, a measure of 60 to 75 characters, hyphenation by language, figures, tables and code', async ({
    page,
    dateline,
  }) => {
    await page.goto(dateline.url)
    await addPages(page, [{ html: ENGLISH_STORY, fileName: 'night-trains.html' }])
    for (const [fontFamily, face] of [
      ['sans', 'Source Sans 3'],
      ['serif', 'Literata'],
    ]) {
      await setReaderSettings(page, { fontFamily })
      await page.reload()
      const frame = await openArticle(page, /^Night trains keep Kyiv moving/)
      expect(await loadedFamilies(frame)).toContain(face)
      const perLine = await charactersPerLine(frame)
      expect(perLine.length, fontFamily).toBeGreaterThan(1)
      for (const count of perLine) {
        expect(count, fontFamily).toBeGreaterThanOrEqual(60)
        expect(count, fontFamily).toBeLessThanOrEqual(75)
      }
    }
    const frame = await articleFrame(page)

    const typeset = await frame.evaluate(() => {
      const body = getComputedStyle(document.body)
      const table = document.querySelector('table')
      const pre = document.querySelector('pre')
      const caption = document.querySelector('figcaption')
      return {
        lang: document.documentElement.lang,
        hyphens: body.hyphens || body.getPropertyValue('-webkit-hyphens'),
        pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        tableScrolls: table !== null && table.scrollWidth > table.clientWidth,
        tableOverflow: table ? getComputedStyle(table).overflowX : '',
        preWhiteSpace: pre ? getComputedStyle(pre).whiteSpace : '',
        preFont: pre ? getComputedStyle(pre).fontFamily : '',
        captionSmaller:
          caption !== null && parseFloat(getComputedStyle(caption).fontSize) < parseFloat(body.fontSize),
      }
    })
    expect(typeset).toEqual({
      lang: 'en',
      hyphens: 'auto',
      pageScrollsSideways: false,
      tableScrolls: true,
      tableOverflow: 'auto',
      preWhiteSpace: 'pre',
      preFont: expect.stringContaining('Source Code Pro'),
      captionSmaller: true,
    })
    expect(await loadedFamilies(frame)).toContain('Source Code Pro')
  })

  test('Arabic and Hebrew articles are set right to left in their own fonts, Chinese in a CJK font', async ({
    page,
    dateline,
  }) => {
    await page.goto(dateline.url)
    await addPages(page, [
      { html: ARABIC_STORY, fileName: 'arabic.html' },
      { html: HEBREW_STORY, fileName: 'hebrew.html' },
      { html: CHINESE_STORY, fileName: 'chinese.html' },
    ])
    await page.reload()

    const direction = (frame: Frame): Promise<{ dir: string; paragraph: string }> =>
      frame.evaluate(() => ({
        dir: document.documentElement.dir,
        paragraph: getComputedStyle(document.querySelector('p') ?? document.body).direction,
      }))

    let frame = await openArticle(page, 'القطارات الليلية تعيد الحركة إلى العاصمة')
    expect(await direction(frame)).toEqual({ dir: 'rtl', paragraph: 'rtl' })
    await expect(page.locator('article.reader')).toHaveAttribute('dir', 'rtl')
    expect(await loadedFamilies(frame)).toContain('Noto Naskh Arabic')

    frame = await openArticle(page, 'רכבות הלילה חוזרות לפעול בבירה')
    expect(await direction(frame)).toEqual({ dir: 'rtl', paragraph: 'rtl' })
    expect(await loadedFamilies(frame)).toContain('Frank Ruhl Libre')

    frame = await openArticle(page, '夜班列车让基辅在严冬中保持运转')
    expect(await direction(frame)).toEqual({ dir: 'ltr', paragraph: 'ltr' })
    expect(await loadedFamilies(frame)).toContain('Noto Sans SC')
  })
})

test('headline and date line scale with the text size (small text, large sans)', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await addPages(page, [{ html: ENGLISH_STORY, fileName: 'night-trains.html' }])

  const header = async (): Promise<{ body: number; title: number; meta: number; titleLines: number }> => {
    const frame = await openArticle(page, /^Night trains keep Kyiv moving/)
    const body = await frame.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    return page.evaluate((bodySize) => {
      const title = document.querySelector<HTMLElement>('[data-testid="reader-title"]')
      const meta = document.querySelector<HTMLElement>('.reader-meta')
      if (!title || !meta) throw new Error('no reader header')
      const titleStyle = getComputedStyle(title)
      return {
        body: bodySize,
        title: parseFloat(titleStyle.fontSize),
        meta: parseFloat(getComputedStyle(meta).fontSize),
        titleLines: Math.round(title.getBoundingClientRect().height / parseFloat(titleStyle.lineHeight)),
      }
    }, body)
  }

  await setReaderSettings(page, { fontSize: 12, fontFamily: 'serif' })
  await page.reload()
  const small = await header()
  expect(small.body).toBe(12)
  expect(small.meta).toBeLessThan(small.body)

  await setReaderSettings(page, { fontSize: 26, fontFamily: 'sans' })
  await page.reload()
  const large = await header()
  expect(large.body).toBe(26)
  expect(large.meta).toBeLessThan(large.body)
  expect(large.title / large.body).toBeLessThanOrEqual(1.5)
  expect(large.titleLines).toBeLessThanOrEqual(3)
})

/** Every script's faces are in before the picture is taken (they load as their text appears). */
async function shoot(page: Page, path: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready
    // The window lays its clamped list texts out again on loadingdone, which may come just after.
    await new Promise((done) => setTimeout(done, 300))
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  })
  await page.screenshot({ path })
}

test('screenshots of the reader: light, dark, right to left and CJK (docs/screenshots)', async ({
  page,
  dateline,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(dateline.url)
  await addPages(page, [
    { html: CHINESE_STORY, fileName: 'chinese.html' },
    { html: ARABIC_STORY, fileName: 'arabic.html' },
    { html: ENGLISH_STORY, fileName: 'night-trains.html' },
  ])
  await setReaderSettings(page, { theme: 'light' })
  await page.reload()
  await mkdir('docs/screenshots', { recursive: true })

  await openArticle(page, /^Night trains keep Kyiv moving/)
  await shoot(page, 'docs/screenshots/reader-light.png')

  await setReaderSettings(page, { theme: 'dark' })
  await page.reload()
  const frame = await openArticle(page, /^Night trains keep Kyiv moving/)
  await frame.waitForFunction(() => [...document.images].every((img) => img.complete))
  await shoot(page, 'docs/screenshots/reader-dark.png')

  await setReaderSettings(page, { theme: 'light' })
  await page.reload()
  await openArticle(page, 'القطارات الليلية تعيد الحركة إلى العاصمة')
  await shoot(page, 'docs/screenshots/reader-arabic.png')
  await openArticle(page, '夜班列车让基辅在严冬中保持运转')
  await shoot(page, 'docs/screenshots/reader-chinese.png')
})
