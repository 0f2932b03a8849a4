import type { Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'
import { addPages, articlePage, setReaderSettings } from './support/reading-pages'

const TITLE = 'Night trains keep Kyiv moving'
const CANONICAL = '<link rel="canonical" href="https://news.example/world/night-trains">'

/** The story as a saved page that names its address, so saving it again is a re-capture of one article. */
function storyPage(paragraphs: readonly string[]): { html: string; fileName: string } {
  const html = articlePage('en', TITLE, paragraphs.map((p) => `<p>${p}</p>`).join('\n')).replace(
    '</head>',
    `${CANONICAL}</head>`,
  )
  return { html, fileName: 'night-trains.html' }
}

const frame = (page: Page): ReturnType<Page['frameLocator']> =>
  page.frameLocator('[data-testid="article-frame"]')

/** WCAG contrast of each highlight's text on its own fill, as painted in the frame. */
async function markContrasts(page: Page): Promise<number[]> {
  return frame(page)
    .locator('mark.dateline-highlight')
    .evaluateAll((marks) => {
      const channels = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number)
      const luminance = (css: string): number => {
        const [r = 0, g = 0, b = 0] = channels(css).map((v) => {
          const c = v / 255
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
        })
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
      }
      return marks.map((mark) => {
        const style = getComputedStyle(mark)
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x)
        return (a! + 0.05) / (b! + 0.05)
      })
    })
}

async function openStory(page: Page): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: TITLE }).locator('.row-title').click()
  await expect(page.getByTestId('reader-title')).toHaveText(TITLE)
  await frame(page).locator('p').first().waitFor()
}

/** Selects the words `passage` of the frame's text, as a drag over them would. */
async function selectInFrame(page: Page, passage: string): Promise<void> {
  await page.evaluate((wanted) => {
    const doc = document.querySelector<HTMLIFrameElement>('[data-testid="article-frame"]')!.contentDocument!
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted)
      if (at === -1) continue
      const range = doc.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      doc.getSelection()!.removeAllRanges()
      doc.getSelection()!.addRange(range)
      return
    }
    throw new Error(`"${wanted}" is not in the frame`)
  }, passage)
}

test('a passage selected in the reader becomes a highlight with a note, kept across a reload and a re-capture', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await addPages(page, [storyPage(STORY)])
  await page.reload()
  await openStory(page)
  await expect(page.getByTestId('highlights-panel')).toContainText('Select a passage')

  // With the mouse: a triple click selects the second paragraph; the bar offers to highlight it.
  await frame(page).locator('p').nth(1).click({ clickCount: 3 })
  const bar = page.getByRole('toolbar', { name: 'Selected text' })
  await expect(bar).toBeVisible()
  await bar.getByRole('button', { name: 'Highlight' }).click()
  await expect(bar).toBeHidden()
  const items = page.getByTestId('highlight-item')
  await expect(items).toHaveCount(1)
  await expect(items.first().locator('.highlight-quote')).toHaveText(STORY[1]!)
  await expect(frame(page).locator('mark.dateline-highlight')).toHaveText([STORY[1]!])

  // By keyboard: h on a selection; then a note written in the panel.
  await selectInFrame(page, 'replacing damaged transformers')
  await expect(bar).toBeVisible()
  await page.keyboard.press('h')
  await expect(items).toHaveCount(2)
  const transformers = items.filter({ hasText: 'replacing damaged transformers' })
  await transformers.getByRole('button', { name: 'Add note' }).click()
  await page.getByLabel('Note').fill('Ask Ukrenergo how many transformers are left')
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(transformers.getByTestId('highlight-note')).toHaveText(
    'Ask Ukrenergo how many transformers are left',
  )

  await page.reload()
  await openStory(page)
  await expect(items).toHaveCount(2)
  await expect(items.nth(0).locator('.highlight-quote')).toHaveText(STORY[1]!)
  await expect(items.nth(1).getByTestId('highlight-note')).toHaveText(
    'Ask Ukrenergo how many transformers are left',
  )
  await expect(frame(page).locator('mark.dateline-highlight')).toHaveText([
    STORY[1]!,
    'replacing damaged transformers',
  ])

  // Saved again with a new first paragraph and the third one gone: one highlight moves, one is orphaned.
  await selectInFrame(page, 'a matter of national pride')
  await expect(bar).toBeVisible()
  await page.keyboard.press('h')
  await expect(items).toHaveCount(3)
  const recaptured = [
    'Update: the ministry says night services will double from Monday.',
    STORY[0]!,
    STORY[1]!,
    STORY[3]!,
    STORY[4]!,
  ]
  await addPages(page, [storyPage(recaptured)])
  await expect(frame(page).locator('p').first()).toHaveText(recaptured[0]!)
  await expect(frame(page).locator('mark.dateline-highlight')).toHaveText([
    STORY[1]!,
    'replacing damaged transformers',
  ])
  const orphaned = items.filter({ hasText: 'a matter of national pride' })
  await expect(orphaned.getByTestId('highlight-orphaned')).toBeVisible()
  await expect(items.last()).toContainText('a matter of national pride')

  // Jump to one from the panel, then remove it.
  await transformers.getByRole('button', { name: 'Show in text' }).click()
  await expect(frame(page).locator('mark.dateline-highlight-current')).toHaveText(
    'replacing damaged transformers',
  )
  await transformers.getByRole('button', { name: 'Remove' }).click()
  await expect(items).toHaveCount(2)
  await expect(frame(page).locator('mark.dateline-highlight')).toHaveText([STORY[1]!])

  // On paper: a quiet underline instead of a fill, the notes listed without their buttons.
  await page.emulateMedia({ media: 'print' })
  const mark = frame(page).locator('mark.dateline-highlight').first()
  expect(await mark.evaluate((m) => getComputedStyle(m).backgroundColor)).toBe('rgba(0, 0, 0, 0)')
  expect(await mark.evaluate((m) => getComputedStyle(m).borderBottomStyle)).toBe('solid')
  await expect(items.first().locator('.highlight-quote')).toBeVisible()
  await expect(items.first().getByRole('button', { name: 'Remove' })).toBeHidden()
})

test('the reader with highlights passes axe in light and dark, and is pictured', async ({
  page,
  dateline,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(dateline.url)
  await addPages(page, [storyPage(STORY)])
  for (const theme of ['light', 'dark'] as const) {
    await setReaderSettings(page, { theme })
    await page.reload()
    await openStory(page)
    if (theme === 'light') {
      await selectInFrame(page, 'We left in the dark and arrived in the dark, but we arrived')
      await page.getByRole('button', { name: 'Highlight' }).click()
      await selectInFrame(page, 'replacing damaged transformers')
      // The selection's bar, not the first highlight's own "Add note" in the list beside it.
      await page.getByTestId('highlight-bar').getByRole('button', { name: 'Add note' }).click()
      await page.getByLabel('Note').fill('Ask Ukrenergo how many transformers are left')
      await page.getByRole('button', { name: 'Save note' }).click()
      await page.getByTestId('highlight-item').first().getByRole('combobox').selectOption('green')
    }
    await expect(page.getByTestId('highlight-item')).toHaveCount(2)
    await expect(frame(page).locator('mark.dateline-highlight')).toHaveCount(2)
    // The bar over a selection, too.
    await selectInFrame(page, 'Officials said')
    await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible()
    // axe checks the window (the panel, the bar over the selection); in the frame, where its
    // passes took 25–30 s with the marks and some runs never ended, the marks' contrast is
    // measured directly (the frame without marks is in accessibility.spec.ts).
    for (const ratio of await markContrasts(page)) expect(ratio).toBeGreaterThanOrEqual(4.5)
    const started = Date.now()
    expect(await axeViolations(page, { frame: false })).toEqual([])
    console.log(`axe on the reader with highlights (${theme}): ${Date.now() - started} ms`)
    await frame(page).locator('mark.dateline-highlight').first().scrollIntoViewIfNeeded()
    await mkdir('docs/screenshots', { recursive: true })
    await page.screenshot({ path: `docs/screenshots/reader-highlights-${theme}.png` })
  }
})
