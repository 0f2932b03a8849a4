import { mkdir } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { saveStoriesWithCli } from '../helpers/story-fixtures'
import { expect, test } from './support/fixtures'

/**
 * Pages of the labelled set's first week (eight stories, six languages), with its hard case: two
 * Kyiv events of one day, the night's attack and Finland's president visiting.
 */
const STORIES = ['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08']

async function expectAxeClean(page: Page, selector: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).include(selector).include('.sidebar').analyze()
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(', ')}`,
    ),
  ).toEqual([])
}

test('a person opens a story and sees every outlet side by side, why they are grouped, and fixes a wrong one in two clicks', async ({
  page,
  dateline,
}) => {
  // Saved with the CLI while the host runs: the capture path every article takes.
  await saveStoriesWithCli(dateline.libraryDir, STORIES)
  await page.goto(dateline.url)
  await page.getByTestId('show-stories').click()
  const stories = page.getByTestId('story-item')
  await expect(stories.first()).toBeVisible()
  const visit = stories.filter({ hasText: /Stubb/ })
  await expect(visit).toHaveCount(1)
  await expect(visit).toContainText('6 outlets')
  await expect(visit).toContainText('5 languages')
  await expectAxeClean(page, '[data-testid="stories-view"]')
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/stories.png' })

  await visit.click()
  const story = page.getByTestId('story-page')
  await expect(story.getByTestId('story-article')).toHaveCount(6)
  // Who reported first: the times go up.
  await expect(story.getByTestId('story-article').first()).toContainText('yle.fi')
  const why = story.getByTestId('story-why')
  await expect(why).toContainText('Stubb')
  await expect(why).toContainText('Стубб')
  await expect(why).toContainText('200')
  await expectAxeClean(page, '[data-testid="story-page"]')
  await page.screenshot({ path: 'docs/screenshots/story.png', fullPage: true })

  // One click: the Russian report leaves for a story of its own.
  const russian = story.getByTestId('story-article').filter({ hasText: 'rbc.ru' })
  await russian.getByRole('button', { name: 'Not this story' }).click()
  await expect(page.locator('.toast')).toContainText('Taken out of the story')
  await expect(story.getByTestId('story-article')).toHaveCount(5)

  // Two: it was right after all, so its story is merged back into this one.
  await story
    .getByTestId('story-merge')
    .selectOption({ label: 'Президент Финляндии Стубб прибыл в Киев и пообещал пакет ПВО' })
  await expect(story.getByTestId('story-article')).toHaveCount(6)
  await expect(story.getByTestId('story-article').filter({ hasText: 'rbc.ru' })).toContainText(
    'placed by you',
  )

  // The choice is kept when the host opens the library again.
  await dateline.restart()
  await page.goto(dateline.url)
  await page.getByTestId('show-stories').click()
  await page.getByTestId('story-item').filter({ hasText: /Stubb/ }).click()
  await expect(page.getByTestId('story-article')).toHaveCount(6)
})
