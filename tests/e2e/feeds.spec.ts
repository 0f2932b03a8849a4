import { mkdir } from 'node:fs/promises'
import { articleRoutes, rss2 } from '../fixtures/feeds/feed-documents'
import { startFixtureServer } from '../helpers/fixture-server'
import { expect, test } from './support/fixtures'
import { articleFrame, loadedImageWidths } from './support/library'

test('subscribing through a site page, refreshing, then reading a new article with its picture offline', async ({
  page,
  dateline,
}) => {
  const site = await startFixtureServer(articleRoutes(4))
  site.route('/', {
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><head><title>Fixture World</title>
      <link rel="alternate" type="application/rss+xml" title="World news" href="/world.xml">
      <link rel="alternate" type="application/atom+xml" title="Weekly digest" href="/weekly.xml">
      </head><body><h1>Fixture World</h1></body></html>`,
  })
  site.route('/world.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: rss2(site.origin, [{ n: 1 }, { n: 2 }, { n: 3 }]),
  })
  site.route('/weekly.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: rss2(site.origin, []),
  })

  await page.goto(dateline.url)
  await page.getByTestId('feeds-subscribe').click()
  await page.getByTestId('subscribe-url').fill(site.url('/'))
  await page.getByTestId('subscribe-submit').click()
  const choices = page.getByTestId('subscribe-choices')
  await expect(choices).toContainText('This site offers 2 feeds')
  await expect(choices.getByRole('radio', { name: /World news/ })).toBeChecked()
  await page.getByTestId('subscribe-submit').click()

  const feed = page.getByTestId('feed-button').filter({ hasText: 'Fixture World' })
  await expect(feed.locator('.filter-count')).toHaveText('3')
  await expect(page.getByTestId('feeds-status')).toContainText('Refreshed')
  await expect(page.getByTestId('article-row')).toHaveCount(3)
  await expect(page.getByTestId('row-feed').first()).toHaveText('Fixture World')

  // From here on the outlet is gone: the articles must come from the library.
  await site.close()
  await page.reload()
  await page.getByTestId('article-row').filter({ hasText: 'Full page of story 2' }).click()
  const frame = await articleFrame(page)
  await expect(frame.locator('body')).toContainText('Thousands of people gathered')
  const [width] = await loadedImageWidths(frame, 1)
  expect(width, 'the picture of the page is stored').toBe(40)
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/feeds.png' })

  // A refresh now finds the site unreachable and says so in words, keeping the articles.
  await page.getByTestId('feeds-refresh-all').click()
  await page.getByTestId('feeds-manage').click()
  await expect(page.getByTestId('feed-state')).toContainText('could not reach')
  await page.screenshot({ path: 'docs/screenshots/feeds-settings.png' })
})
