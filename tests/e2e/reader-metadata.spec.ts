import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'

/**
 * A page shaped like a BBC story: the site credited as the author, its name after the headline in
 * <title> (spelt without its accent there), a screen-reader label glued to the first caption, and
 * a rights notice after the story.
 */
function outletCreditedStory(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Night trains keep Kyiv moving – Zurich Fixture News</title>
<meta property="og:site_name" content="Zürich Fixture News">
<meta property="article:section" content="Europe">
<meta name="author" content="Zürich Fixture News">
</head><body><main><article>
<h1>Night trains keep Kyiv moving</h1>
<figure><figcaption class="media-with-caption__caption"><span class="off-screen">Media caption</span>Who keeps the trains running?</figcaption></figure>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
<p>© 2026 Zürich Fixture News. All rights reserved.</p>
</article></main></body></html>`
}

test('the reader names the site once, shows the headline without it and the story without caption labels', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() => ({
    '/europe/night-trains': { type: 'text/html; charset=utf-8', body: outletCreditedStory() },
  }))
  await page.goto(dateline.url)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/europe/night-trains`)
  await page.getByTestId('add-submit').click()

  await expect(page.getByTestId('reader-title')).toHaveText('Night trains keep Kyiv moving', {
    timeout: 60_000,
  })
  const header = page.locator('.reader-header')
  await expect(header.locator('.reader-site')).toHaveText('Zürich Fixture News')
  // The site is not credited again as the story's author.
  await expect(page.getByTestId('reader-byline')).toHaveCount(0)
  await expect(header).not.toContainText('Zürich Fixture News · Zürich Fixture News')
  await expect(page.getByTestId('article-row').first().locator('.row-source')).toHaveText(
    'Zürich Fixture News',
  )

  const frame = page.frameLocator('[data-testid="article-frame"]')
  await expect(frame.locator('figcaption')).toHaveText('Who keeps the trains running?')
  await expect(frame.locator('body')).not.toContainText('Media caption')
  await expect(frame.locator('p').last()).toHaveText(STORY.at(-1) ?? '')
})
