import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { STORY } from './support/pages'

function story(title: string, byline: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
</head><body><main><article>
<h1>${title}</h1>
<p class="byline">By ${byline}</p>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).analyze()
  return axe.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(', ')}`,
  )
}

test('a person corrects who wrote an article, merges two entries of one reporter and splits them again', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() => ({
    '/world/night-trains': {
      type: 'text/html; charset=utf-8',
      body: story('Night trains keep Kyiv moving', 'Olena Petrenko'),
    },
    '/world/grain': {
      type: 'text/html; charset=utf-8',
      body: story('Grain ships leave Odesa again', 'Staff Reporter'),
    },
  }))
  await page.goto(dateline.url)
  for (const path of ['/world/night-trains', '/world/grain']) {
    await page.getByTestId('add-article').click()
    await page.getByTestId('add-url').fill(`${site.origin}${path}`)
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toBeVisible({ timeout: 60_000 })
  }
  await expect(page.getByTestId('reader-title')).toHaveText('Grain ships leave Odesa again')

  // Rename the credited name, add the agency the story ran with, and remove nothing else.
  await page.getByTestId('edit-correspondents').click()
  const editor = page.getByTestId('correspondents-editor')
  await expect(editor.getByLabel('Name of correspondent 1')).toBeFocused()
  await editor.getByLabel('Name of correspondent 1').fill('O. Petrenko')
  await editor.getByTestId('correspondent-add').click()
  await editor.getByLabel('Name of correspondent 2').fill('AFP')
  await editor.getByLabel('What AFP is').selectOption('agency')
  expect(await axeViolations(page, '[data-testid="correspondents-editor"]')).toEqual([])
  await editor.getByTestId('correspondents-save').click()
  await expect(editor).toHaveCount(0)
  const byline = page.getByTestId('reader-byline')
  await expect(byline.getByTestId('correspondent-names')).toHaveText('O. Petrenko, AFP')
  await expect(page.getByTestId('article-row').first().getByTestId('correspondent-names')).toHaveText(
    'O. Petrenko, AFP',
  )

  // Removing one: the agency goes, the person stays; and the edit is still there after a reload.
  await page.getByTestId('edit-correspondents').click()
  await editor.getByRole('button', { name: 'Remove AFP' }).click()
  await editor.getByTestId('correspondents-save').click()
  await expect(byline.getByTestId('correspondent-names')).toHaveText('O. Petrenko')
  await page.reload()
  await page.getByTestId('article-row').filter({ hasText: 'Grain ships' }).click()
  await expect(byline.getByTestId('correspondent-names')).toHaveText('O. Petrenko')

  // O. Petrenko is Olena Petrenko: merged from her page, both articles are hers.
  await page.getByTestId('show-correspondents').click()
  await page
    .getByTestId('correspondent-item')
    .filter({ hasText: 'Olena Petrenko' })
    .getByRole('button')
    .first()
    .click()
  const profile = page.getByTestId('correspondent-page')
  await expect(profile.getByRole('heading', { name: 'Olena Petrenko', level: 1 })).toBeVisible()
  await expect(profile.getByTestId('correspondent-count')).toHaveText('1')
  await profile.getByLabel('Merge another entry into Olena Petrenko').fill('petrenko')
  await expect(profile.getByTestId('merge-candidate')).toHaveCount(1)
  await profile.getByRole('button', { name: 'Merge O. Petrenko into Olena Petrenko' }).click()
  await expect(profile.getByTestId('correspondent-count')).toHaveText('2')
  await expect(profile.getByTestId('correspondent-article')).toHaveCount(2)
  await expect(profile.getByTestId('merged-entry')).toHaveText(/O\. Petrenko/)
  expect(await axeViolations(page, '[data-testid="correspondent-page"]')).toEqual([])
  await page.screenshot({ path: 'test-results/correspondent-merge.png' })
  await page.getByTestId('show-correspondents').click()
  await expect(page.getByTestId('correspondent-item')).toHaveCount(1)

  // A wrong merge is undone from the page: O. Petrenko has a page of their own again.
  await page.getByTestId('correspondent-item').first().getByRole('button').first().click()
  await profile.getByRole('button', { name: /^Split O\. Petrenko/ }).click()
  await expect(profile.getByTestId('correspondent-count')).toHaveText('1')
  await expect(profile.getByTestId('merged-entry')).toHaveCount(0)
  await page.getByTestId('show-correspondents').click()
  await expect(page.getByTestId('correspondent-item')).toHaveCount(2)
})
