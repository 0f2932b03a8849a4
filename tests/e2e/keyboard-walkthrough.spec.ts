import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'
import { articlePage } from './support/reading-pages'

/**
 * Issue 17: the whole first session by keyboard alone: add two articles, open them, move through
 * the list, star, delete and undo, look at an empty Starred view, with the focus always visible.
 */

const FIRST = 'Night trains keep Kyiv moving through the winter'
const SECOND = 'Grain ships leave Odesa under a new corridor deal'

/** The list is newest first by published date: the second story is a day newer. */
function page(title: string, lead: string, published: string): string {
  return articlePage('en', title, STORY.map((p) => `<p>${lead} ${p}</p>`).join(''), published)
}

/** What the focused element of the window looks like: a focus ring must be there and be seen. */
async function focusRing(window: Page): Promise<{ what: string; visible: boolean } | null> {
  return window.evaluate(() => {
    const element = document.activeElement
    if (!element || element === document.body) return null
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
    const ring = style.boxShadow !== 'none'
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''
    return {
      what: `${element.tagName.toLowerCase()} “${label}”`,
      visible: element.matches(':focus-visible') && (outline || ring),
    }
  })
}

test('a person adds, opens, moves through, stars, deletes and undoes by keyboard alone, seeing the focus', async ({
  page: window,
  dateline,
  newsSite,
}) => {
  test.setTimeout(150_000)
  const site = await newsSite(() => ({
    '/world/trains': { type: 'text/html', body: page(FIRST, 'Kyiv.', '2026-11-20T07:30:00Z') },
    '/world/grain': { type: 'text/html', body: page(SECOND, 'Odesa.', '2026-11-21T07:30:00Z') },
  }))
  await window.goto(dateline.url)
  await expect(window.getByTestId('add-article')).toBeVisible()
  const title = window.getByTestId('reader-title')
  const rows = window.getByTestId('article-row')

  // Add: "a" opens the dialog with the address field focused; Enter adds.
  for (const [path, headline] of [
    ['/world/trains', FIRST],
    ['/world/grain', SECOND],
  ] as const) {
    await window.keyboard.press('a')
    await expect(window.getByTestId('add-url')).toBeFocused()
    await window.keyboard.press('ControlOrMeta+a')
    await window.keyboard.type(`${site.origin}${path}`)
    await window.keyboard.press('Enter')
    await expect(title).toHaveText(headline)
  }
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText(SECOND)

  // Move through the list and open each article.
  await window.keyboard.press('j')
  await expect(title).toHaveText(FIRST)
  await window.keyboard.press('k')
  await expect(title).toHaveText(SECOND)

  // Star, then delete and undo.
  const starred = window.getByRole('button', { name: /^Starred/ })
  await window.keyboard.press('s')
  await expect(starred).toHaveAccessibleName('Starred 1')
  await window.keyboard.press('Delete')
  await expect(rows).toHaveCount(1)
  await expect(title, 'the next article opens').toHaveText(FIRST)
  await window.keyboard.press('ControlOrMeta+z')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: SECOND })).toHaveCount(1)
  await expect(starred, 'undo brings the star back too').toHaveAccessibleName('Starred 1')

  // Unstar it, then show Starred from the command palette: empty, and the reader with it.
  await window.keyboard.press('k')
  await expect(title).toHaveText(SECOND)
  await window.keyboard.press('s')
  await expect(starred).toHaveAccessibleName('Starred 0')
  await window.keyboard.press('ControlOrMeta+k')
  await window.keyboard.type('Show starred')
  await window.keyboard.press('Enter')
  await expect(rows).toHaveCount(0)
  await expect(title, 'an empty Starred view shows no article').toHaveCount(0)
  await expect(window.locator('.reader-empty')).toHaveText('Select an article to read it.')
  await window.keyboard.press('ControlOrMeta+k')
  await window.keyboard.type('Show all articles')
  await window.keyboard.press('Enter')
  await expect(rows).toHaveCount(2)

  // Tab through the window: every control reached shows where the focus is.
  await window.locator('body').press('Escape')
  const unseen: string[] = []
  let reached = 0
  for (let i = 0; i < 40; i++) {
    await window.keyboard.press('Tab')
    const ring = await focusRing(window)
    if (!ring) continue
    reached++
    if (!ring.visible) unseen.push(ring.what)
  }
  expect(reached, 'Tab reaches the controls').toBeGreaterThan(20)
  expect(unseen, 'controls focused without a visible focus ring').toEqual([])
})
