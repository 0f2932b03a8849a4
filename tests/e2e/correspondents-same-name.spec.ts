import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'

/** A story of one outlet, signed by one author. */
function story(title: string, author: string, outlet: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | ${outlet}</title>
<meta property="og:site_name" content="${outlet}">
</head><body><main><article>
<h1>${title}</h1>
<p class="byline">By ${author}</p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`
}

test('a person merges the same reporter at two outlets in one click, undoes it, and dismisses a wrong suggestion', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() => ({
    '/courier/trains': {
      type: 'text/html; charset=utf-8',
      body: story('Night trains keep Kyiv moving', 'Olena Petrenko', 'Daily Courier'),
    },
    '/post/grain': {
      type: 'text/html; charset=utf-8',
      body: story('Grain ships leave Odesa again', 'OLENA PETRENKO', 'Evening Post'),
    },
    '/courier/port': {
      type: 'text/html; charset=utf-8',
      body: story('The port reopens after the storm', 'Tom Hale', 'Daily Courier'),
    },
    '/post/ferries': {
      type: 'text/html; charset=utf-8',
      body: story('Ferries run again on the northern route', 'Tom Hale', 'Evening Post'),
    },
  }))
  await page.goto(dateline.url)
  for (const path of ['/courier/trains', '/post/grain', '/courier/port', '/post/ferries']) {
    await page.getByTestId('add-article').click()
    await page.getByTestId('add-url').fill(`${site.origin}${path}`)
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toBeVisible({ timeout: 60_000 })
  }

  await page.getByTestId('show-correspondents').click()
  const items = page.getByTestId('correspondent-item')
  await expect(items).toHaveCount(4)
  const suggestions = page.getByTestId('same-name-pair')
  await expect(suggestions).toHaveCount(2)
  const olena = suggestions.filter({ hasText: 'Olena Petrenko' })
  await expect(olena).toContainText('Daily Courier, 1 article')
  await expect(olena).toContainText('Evening Post, 1 article')
  expect(await axeViolations(page)).toEqual([])
  await page
    .getByTestId('same-name-suggestions')
    .screenshot({ path: 'test-results/same-name-suggestions.png' })

  // One click: one correspondent at both outlets, with both articles.
  await olena.getByRole('button', { name: /^Same person\? Merge/ }).click()
  await expect(items).toHaveCount(3)
  await expect(items.filter({ hasText: 'Olena Petrenko' })).toContainText(
    'Daily Courier, Evening Post · 2 articles',
  )
  await expect(suggestions).toHaveCount(1)

  // Undo splits them again, and the suggestion is back.
  await page.getByTestId('merge-undo').click()
  await expect(items).toHaveCount(4)
  await expect(suggestions).toHaveCount(2)

  // Two Tom Hales are two people: dismissed, and not offered again after a reload, nor on the page.
  await suggestions
    .filter({ hasText: 'Tom Hale' })
    .getByRole('button', { name: /^Not the same/ })
    .click()
  await expect(suggestions).toHaveCount(1)
  await page.reload()
  await page.getByTestId('show-correspondents').click()
  await expect(items).toHaveCount(4)
  await expect(suggestions).toHaveCount(1)
  await expect(suggestions).toContainText('Olena Petrenko')
  await items.filter({ hasText: 'Tom Hale' }).first().getByRole('button').first().click()
  await expect(page.getByTestId('correspondent-page')).toBeVisible()
  await expect(suggestions).toHaveCount(0)

  // On Olena's page the suggestion is there too; merging from it keeps her page open.
  await page.getByTestId('show-correspondents').click()
  await items.filter({ hasText: 'Olena Petrenko' }).first().getByRole('button').first().click()
  const profile = page.getByTestId('correspondent-page')
  await expect(profile.getByTestId('correspondent-count')).toHaveText('1')
  await profile.getByRole('button', { name: /^Same person\? Merge/ }).click()
  await expect(profile.getByTestId('correspondent-count')).toHaveText('2')
  await expect(profile.getByTestId('same-name-pair')).toHaveCount(0)
})
