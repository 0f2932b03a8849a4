import { pasteArticle } from './support/actions'
import { axeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

const BELARUS = [
  'Minsk — Belarusian authorities detained dozens of people on Sunday after protests in the capital, the Viasna rights group said.',
  'Neighbouring Lithuania and Poland called for the release of those held; Lithuania has sheltered many exiled opposition figures.',
  'The Kremlin said Russia was ready to help Alexander Lukashenko keep order in Belarus.',
]
const SUDAN = [
  'Fighting between the Sudanese army and the Rapid Support Forces spread across Khartoum on Monday, residents said.',
  'Aid agencies warned that millions in Sudan face hunger as the war enters its third year.',
]

function story(title: string, author: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
</head><body><main><article>
<h1>${title}</h1>
<p class="byline">By ${author}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main></body></html>`
}

test('in the command palette a person narrows the search with filter chips, by keyboard alone', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite(() => ({
    '/minsk': {
      type: 'text/html; charset=utf-8',
      body: story('Belarus detains protesters in Minsk', 'Olena Petrenko', BELARUS),
    },
    '/khartoum': {
      type: 'text/html; charset=utf-8',
      body: story('Sudan army and RSF clash in Khartoum', 'Ivan Kowalski', SUDAN),
    },
  }))
  await page.goto(dateline.url)
  for (const path of ['/minsk', '/khartoum']) {
    await page.getByTestId('add-article').click()
    await page.getByTestId('add-url').fill(`${site.origin}${path}`)
    await page.getByTestId('add-submit').click()
    await expect(page.getByTestId('reader-title')).toBeVisible({ timeout: 60_000 })
  }
  await pasteArticle(page, 'Lukashenko meets the Kremlin envoy', BELARUS)

  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Command palette' })
  const field = palette.getByRole('combobox')
  const chips = palette.getByTestId('palette-chips').getByTestId('filter-chip')
  const articles = palette.getByTestId('palette-article')

  // Typing a country's name offers it as a filter (accents and case do not matter); Enter makes it a chip.
  await field.pressSequentially('BELARUS')
  const offered = palette.getByTestId('palette-filter')
  await expect(offered.first()).toContainText('Belarus')
  await expect(offered.first()).toContainText('Country, 2 articles')
  await field.press('Enter')
  await expect(chips).toHaveText(['Belarus×'])
  await expect(field).toHaveValue('')
  await expect(field).toBeFocused()
  // The chips alone list their articles, newest first.
  await expect(articles).toHaveCount(2)
  await expect(palette.getByRole('status')).toHaveText('2 articles found')

  // A correspondent's first name is enough; the search words that remain run within both chips.
  await field.pressSequentially('olena protests')
  await expect(offered.filter({ hasText: 'By Olena Petrenko' })).toBeVisible()
  await expect(palette.getByRole('option', { selected: true })).toContainText('By Olena Petrenko')
  await field.press('Enter')
  await expect(chips).toHaveText(['Belarus×', 'By Olena Petrenko×'])
  await expect(field).toHaveValue('protests')
  await expect(articles).toHaveCount(1)
  await expect(articles.first()).toContainText('Belarus detains protesters in Minsk')
  await expect(articles.first().locator('mark').first()).toHaveText('protests')
  // Words typed within the chips: Enter opens the article found, not a command.
  await expect(palette.getByRole('option', { name: 'Show these in the list' })).toHaveCount(0)
  await expect(palette.getByRole('option', { selected: true })).toContainText('Belarus detains protesters')

  // A site too, and a state; a filter already on is not offered again.
  await field.fill('')
  await field.pressSequentially('fixture')
  await expect(offered.filter({ hasText: 'On Fixture Times' })).toContainText('Site, 2 articles')
  await field.fill('')
  await field.pressSequentially('belar')
  await expect(offered.filter({ hasText: 'Belarus' })).toHaveCount(0)

  await expect(await axeViolations(page)).toEqual([])
  await palette.screenshot({ path: 'test-results/palette-chips.png' })

  // Backspace in the empty field takes off the last chip, and the results widen again.
  await field.fill('')
  await field.press('Backspace')
  await expect(chips).toHaveText(['Belarus×'])
  await expect(articles).toHaveCount(2)

  // The chips can become the list's filters.
  await expect(palette.getByRole('option', { name: 'Show these in the list' })).toBeVisible()
  await field.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page.getByTestId('list-filter-chips')).toContainText('Belarus')
  await expect(page.getByTestId('article-row')).toHaveCount(2)

  await page.screenshot({ path: 'test-results/palette-list-after.png' })
})
