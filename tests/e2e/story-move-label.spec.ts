import { saveStoriesWithCli } from '../helpers/story-fixtures'
import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

test('the story page says in words what its Move menu does, and the empty Collections note has room', async ({
  page,
  dateline,
}) => {
  await saveStoriesWithCli(dateline.libraryDir, ['s01', 's02'])
  await page.goto(dateline.url)

  // With no collections (nor feeds) the sidebar says how to make one, set apart from the heading
  // above and the next section below, with room between its lines.
  await page.locator('.sidebar').screenshot({ path: 'test-results/sidebar-collections-empty.png' })
  for (const [section, words] of [
    ['Collections', 'Gather stories into a collection'],
    ['Feeds', 'Subscribe to an outlet'],
  ] as const) {
    const note = page.getByRole('region', { name: section }).getByText(words)
    await expect(note).toBeVisible()
    const gaps = await note.evaluate((el) => {
      const style = getComputedStyle(el)
      const heading = el.parentElement!.querySelector('h2')!.getBoundingClientRect()
      const next = el.closest('section')!.nextElementSibling!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return {
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
        belowHeading: box.top - heading.bottom,
        aboveNext: next.top - box.bottom,
      }
    })
    expect(gaps.lineHeight, section).toBeGreaterThanOrEqual(1.35)
    expect(gaps.belowHeading, section).toBeGreaterThanOrEqual(4)
    expect(gaps.aboveNext, section).toBeGreaterThanOrEqual(12)
  }

  await page.getByTestId('show-stories').click()
  await page.getByTestId('story-item').first().click()
  const story = page.getByTestId('story-page')
  const first = story.getByTestId('story-article').first()
  await expect(first).toBeVisible()
  // The words are on screen before the menu is opened, and they name the menu for a screen reader.
  await expect(first.getByText('Move to another story')).toBeVisible()
  const menu = first.getByRole('combobox', { name: /^Move to another story\b.*“.+”$/ })
  await expect(menu).toBeVisible()
  await first.screenshot({ path: 'test-results/story-move-label.png' })
  expect(await axeViolations(page)).toEqual([])

  const before = await story.getByTestId('story-article').count()
  const target = await menu.locator('option').nth(1).textContent()
  await menu.selectOption({ index: 1 })
  await expect(story.getByTestId('story-article')).toHaveCount(before - 1)
  expect(target).toBeTruthy()
})
