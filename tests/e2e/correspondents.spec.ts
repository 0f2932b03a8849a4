import { mkdir } from 'node:fs/promises'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'

/** A story page whose byline links the author's page, which announces the author's own feed. */
function story(origin: string, title: string, author: string, slug: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
</head><body><main><article>
<h1>${title}</h1>
<p class="byline">By <a rel="author" href="${origin}/author/${slug}/">${author}</a></p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`
}

test('a person sees who wrote an article, opens their page, follows them and finds them under Following', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/world/night-trains': {
      type: 'text/html; charset=utf-8',
      body: story(origin, 'Night trains keep Kyiv moving', 'OLENA PETRENKO', 'olena'),
    },
    '/world/grain': {
      type: 'text/html; charset=utf-8',
      body: story(origin, 'Grain ships leave Odesa again', 'Olena Petrenko', 'olena'),
    },
    '/author/olena/': {
      type: 'text/html; charset=utf-8',
      body: `<html><head><link rel="alternate" type="application/rss+xml" href="${origin}/author/olena/feed/"></head><body>Olena</body></html>`,
    },
    '/author/olena/feed/': {
      type: 'application/rss+xml',
      body: '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
    },
  }))
  await page.goto(dateline.url)
  for (const path of ['/world/night-trains', '/world/grain']) {
    await page.getByTestId('add-article').click()
    await page.getByTestId('add-url').fill(`${site.origin}${path}`)
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toBeVisible({ timeout: 60_000 })
  }
  // The shouted byline reads as a name, and it is the same person as the other article's.
  await expect(page.getByTestId('reader-byline')).toContainText('By Olena Petrenko')
  await expect(page.getByTestId('article-row').first().getByTestId('correspondent-names')).toHaveText(
    'Olena Petrenko',
  )

  await page.getByTestId('reader-byline').getByRole('button', { name: 'Olena Petrenko', exact: true }).click()
  const profile = page.getByTestId('correspondent-page')
  await expect(profile.getByRole('heading', { name: 'Olena Petrenko' })).toBeVisible()
  await expect(profile.getByTestId('correspondent-count')).toHaveText('2')
  await expect(profile.getByTestId('correspondent-article')).toHaveCount(2)

  await profile.getByTestId('follow-button').click()
  await expect(profile.getByTestId('follow-button')).toHaveText('Following')
  await expect(profile.getByTestId('correspondent-feed')).toContainText('Yes')
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/correspondent.png' })

  await page.getByTestId('show-following').click()
  await expect(page.getByTestId('following-article')).toHaveCount(2)
  await expect(page.getByTestId('show-following')).toContainText('2')
  // Following can be kept quiet, and stays so after a reload.
  await page.getByTestId('setting-notify-followed').uncheck()
  await page.reload()
  await page.getByTestId('show-following').click()
  await expect(page.getByTestId('setting-notify-followed')).not.toBeChecked()
  await expect(page.getByTestId('setting-follow-correspondents')).toBeChecked()

  await page.getByTestId('show-correspondents').click()
  await page.getByTestId('correspondents-search').fill('petr')
  await expect(page.getByTestId('correspondent-item')).toHaveCount(1)
  await expect(page.getByTestId('correspondent-item')).toContainText('own feed')
  await page.screenshot({ path: 'docs/screenshots/correspondents.png' })
})
