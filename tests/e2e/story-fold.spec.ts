import { mkdir } from 'node:fs/promises'
import { saveStoriesWithCli } from '../helpers/story-fixtures'
import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

/** The labelled set's first week: eight stories in six languages, saved with the CLI. */
const STORIES = ['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08']

test('the list grouped by story folds each story into one row that opens in place, by mouse and by keyboard, and the reader links to the story', async ({
  page,
  dateline,
}) => {
  const saved = await saveStoriesWithCli(dateline.libraryDir, STORIES)
  await page.goto(dateline.url)
  const rows = page.getByTestId('article-row')
  await expect(rows.first()).toBeVisible()
  await expect(page.locator('.pane-count')).toHaveText(`${saved} articles`)

  await page.getByTestId('group-by-story').check()
  // One row per story: far fewer rows than articles, each story once.
  await expect(page.locator('.pane-count')).not.toHaveText(`${saved} articles`)
  const visit = rows.filter({ hasText: /Stubb|Стубб|Штубб/ })
  await expect(visit).toHaveCount(1)
  const chips = visit.getByTestId('row-story')
  await expect(chips).toContainText('+ 5 outlets · 5 languages')
  expect(await axeViolations(page)).toEqual([])

  // A click on the chips opens the story under its row, indented; the row itself stays closed.
  await chips.click()
  const under = page.getByTestId('folded-story')
  await expect(under).toHaveCount(1)
  await expect(under.getByTestId('folded-story-article')).toHaveCount(5)
  await expect(page.getByTestId('reader-title')).toHaveCount(0)
  expect(await axeViolations(page)).toEqual([])
  await under.scrollIntoViewIfNeeded()
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/list-grouped-by-story.png' })
  // The rows below make room: the next row starts under the opened story.
  const lead = await visit.boundingBox()
  const story = await under.boundingBox()
  expect(story!.y).toBeGreaterThanOrEqual(lead!.y + lead!.height - 1)

  // By keyboard: ← folds the selected row's story, → opens it again, Tab reaches its articles.
  await visit.locator('.row-title').click()
  await expect(page.getByTestId('reader-title')).toBeVisible()
  await page.getByTestId('article-list').focus()
  await page.keyboard.press('ArrowLeft')
  await expect(under).toHaveCount(0)
  await page.keyboard.press('ArrowRight')
  await expect(under.getByTestId('folded-story-article')).toHaveCount(5)
  await page.keyboard.press('Tab')
  await expect(under.getByTestId('folded-story-article').first()).toBeFocused()
  await page.keyboard.press('Enter')
  const other = await under
    .getByTestId('folded-story-article')
    .first()
    .locator('.folded-story-title')
    .innerText()
  await expect(page.getByTestId('reader-title')).toHaveText(other)

  // The reader says the article is part of a story and opens the story page.
  const link = page.getByTestId('reader-story-link')
  await expect(link).toHaveText('Part of a story: 6 outlets')
  expect(await axeViolations(page)).toEqual([])
  await link.click()
  await expect(page.getByTestId('story-page')).toBeVisible()
  await expect(page.getByTestId('story-article')).toHaveCount(6)

  // The choice is remembered.
  await page.goto(dateline.url)
  await expect(page.getByTestId('group-by-story')).toBeChecked()
  await expect(rows.filter({ hasText: /Stubb|Стубб|Штубб/ })).toHaveCount(1)
})

test('a story’s row keeps its site and date whole beside its chips and countries, at 1280 and 800 px', async ({
  page,
  dateline,
}) => {
  await saveStoriesWithCli(dateline.libraryDir, STORIES)
  await page.goto(dateline.url)
  await page.getByTestId('group-by-story').check()
  const storyRows = page.getByTestId('article-row').filter({ has: page.getByTestId('row-story') })
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 800 })
    await expect(storyRows.first()).toBeVisible()
    const rows = await storyRows.evaluateAll((elements) =>
      elements.map((row) => {
        const box = (selector: string): DOMRect => row.querySelector(selector)!.getBoundingClientRect()
        const source = row.querySelector<HTMLElement>('.row-source')!
        const date = row.querySelector<HTMLElement>('.row-date')!
        return {
          site: source.innerText,
          siteClipped: source.scrollWidth > source.clientWidth,
          dateClipped: date.scrollWidth > date.clientWidth,
          dateInside: box('.row-date').right <= row.getBoundingClientRect().right,
          chipsInside: box('.story-chip').right <= row.getBoundingClientRect().right,
          // The excerpt starts below the chips' line: the row is as tall as its lines.
          excerptBelow: box('.row-excerpt').top >= box('.row-story').bottom,
          excerptShown: box('.row-excerpt').height >= 19,
          // Country chips shown stay on the chips' line, none over the excerpt.
          countriesOnTheLine: [...row.querySelectorAll('[data-testid="row-country-chip"]')]
            .map((chip) => chip.getBoundingClientRect())
            .filter((chip) => chip.top < box('.row-countries').bottom)
            .every((chip) => chip.bottom <= box('.row-excerpt').top && chip.right <= box('.row-meta').right),
        }
      }),
    )
    await page.screenshot({ path: `docs/screenshots/list-grouped-by-story-${width}.png` })
    expect(rows.length).toBeGreaterThan(3)
    for (const row of rows) {
      expect({ width, ...row }).toEqual({
        width,
        site: row.site,
        siteClipped: false,
        dateClipped: false,
        dateInside: true,
        chipsInside: true,
        excerptBelow: true,
        excerptShown: true,
        countriesOnTheLine: true,
      })
    }
    // The rows do not overlap: each starts where the one above ends.
    const tops = await page
      .getByTestId('article-row')
      .evaluateAll((elements) =>
        elements.map((row) => [row.getBoundingClientRect().top, row.getBoundingClientRect().bottom]),
      )
    const sorted = tops.sort((a, b) => a[0]! - b[0]!)
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]![0]!).toBeGreaterThanOrEqual(sorted[i - 1]![1]! - 1)
    await page.screenshot({ path: `docs/screenshots/list-grouped-by-story-${width}.png` })
  }
})
