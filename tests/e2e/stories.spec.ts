import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'

interface FixtureItem {
  id: string
  story: string
  lang: string
  site: string
  publishedAt: string
  title: string
  text: string
}

/**
 * Pages of the labelled set's first week (eight stories, six languages), with its hard case: two
 * Kyiv events of one day, the night's attack and Finland's president visiting.
 */
const STORIES = ['s01', 's02', 's03', 's04', 's05', 's06', 's07', 's08']

async function writePages(folder: string): Promise<string[]> {
  const items = (await readFile('tests/fixtures/stories/dev.jsonl', 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureItem)
    .filter((item) => STORIES.includes(item.story))
  const files: string[] = []
  for (const item of items) {
    const file = join(folder, `${item.id}.html`)
    await writeFile(
      file,
      `<!doctype html><html lang="${item.lang}"><head><meta charset="utf-8"><title>${item.title}</title>
<meta property="og:site_name" content="${item.site}">
<meta property="article:published_time" content="${item.publishedAt}"></head>
<body><main><article><h1>${item.title}</h1><p>${item.text}</p></article></main></body></html>`,
    )
    files.push(file)
  }
  return files
}

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
  const folder = await mkdtemp(join(tmpdir(), 'dateline-stories-'))
  try {
    // Saved with the CLI while the host runs: the capture path every article takes.
    execFileSync(
      process.execPath,
      ['out/main/cli.js', 'add', ...(await writePages(folder)), '--library', dateline.libraryDir],
      {
        stdio: 'pipe',
      },
    )
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
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
