import { axeViolations } from './support/axe'
import { pasteArticle } from './support/actions'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'

/** A bylined page that names its publication day, which is not the day it is saved. */
function datedStory(origin: string, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
</head><body><main><article>
<h1>${title}</h1>
<p class="byline">By <a rel="author" href="${origin}/author/olena/">Olena Petrenko</a></p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`
}

test('every list row shows whole lines of its excerpt, under a one-line or a two-line headline', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await pasteArticle(page, 'Trains run again')
  await pasteArticle(
    page,
    'Night trains keep Kyiv moving through the longest and coldest winter of the war so far',
  )
  // A 900 px window, where the list is narrowest.
  await page.setViewportSize({ width: 900, height: 800 })
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(2)
  const excerpts = await page.locator('.row-excerpt').evaluateAll((nodes) =>
    nodes.map((node) => ({
      height: node.getBoundingClientRect().height,
      line: Number.parseFloat(getComputedStyle(node).lineHeight),
      title: node.parentElement?.querySelector('.row-title')?.getBoundingClientRect().height ?? 0,
    })),
  )
  // One of each: the long headline takes two lines in the narrow list.
  expect(new Set(excerpts.map((e) => Math.round(e.title))).size).toBe(2)
  for (const excerpt of excerpts) {
    const lines = excerpt.height / excerpt.line
    // A line cut short is where Chromium's height clamp puts the ellipsis: after the line above it.
    expect(
      lines - Math.floor(lines),
      `an excerpt ${excerpt.height}px high in lines of ${excerpt.line}px`,
    ).toBeLessThan(0.25)
    expect(Math.floor(lines)).toBeGreaterThanOrEqual(2)
  }
  // The list's tools keep "Sort by" on one line beside the menu.
  const label = page.locator('.list-order > span')
  const { height, line } = await label.evaluate((node) => ({
    height: node.getBoundingClientRect().height,
    line: Number.parseFloat(getComputedStyle(node).lineHeight) || 16,
  }))
  expect(height).toBeLessThan(line * 1.5)
})

test("a correspondent's page and Following date each article as the list does, and say when a feed was looked for", async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/world/grain': {
      type: 'text/html; charset=utf-8',
      body: datedStory(origin, 'Grain ships leave Odesa again'),
    },
  }))
  await page.goto(dateline.url)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/world/grain`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toBeVisible({ timeout: 60_000 })
  const listDate = (await page.getByTestId('article-row').first().getByTestId('row-date').innerText()).trim()
  expect(listDate).toContain('2024')

  await page.getByTestId('reader-byline').getByRole('button', { name: 'Olena Petrenko', exact: true }).click()
  const profile = page.getByTestId('correspondent-page')
  await expect(profile.getByTestId('correspondent-article')).toHaveCount(1)
  await expect(profile.getByTestId('correspondent-article-date')).toHaveText(listDate)
  // First and last seen are their articles' dates too, not the day they were saved.
  await expect(profile.locator('dl')).toContainText(`First seen${listDate}`)
  await expect(profile.locator('dl')).toContainText(`Last seen${listDate}`)
  expect(await axeViolations(page)).toEqual([])

  // Their page is only read for a feed once they are followed; this one has none.
  await expect(profile.getByTestId('correspondent-feed')).toHaveText('Looked for when you follow')
  await profile.getByTestId('follow-button').click()
  await expect(profile.getByTestId('follow-button')).toHaveText('Following')
  await expect(profile.getByTestId('correspondent-feed')).toHaveText('None found on their page')
  await page.getByTestId('show-following').click()
  const followed = page.getByTestId('following-article')
  await expect(followed).toHaveCount(1)
  await expect(followed.getByTestId('correspondent-article-date')).toHaveText(listDate)
  await expect(followed).toContainText('Olena Petrenko · Fixture Times · ')
  expect(await axeViolations(page)).toEqual([])
})
