import { mkdir } from 'node:fs/promises'
import { pasteArticle } from './support/actions'
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

test('a person follows a country from a chip, the Countries view and the map, and corrects a tag', async ({
  page,
  dateline,
}) => {
  // Everything comes from the host on 127.0.0.1: the map's shapes are bundled, not fetched.
  const outside: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(dateline.origin) && !request.url().startsWith('data:')) {
      outside.push(request.url())
    }
  })
  await page.goto(dateline.url)
  await pasteArticle(page, 'Belarus detains protesters in Minsk', BELARUS)
  await pasteArticle(page, 'Sudan army and RSF clash in Khartoum', SUDAN)

  // Chips on the rows; a click lists that country's articles.
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(2)
  const belarusRow = rows.filter({ hasText: 'Belarus detains' })
  await expect(belarusRow.getByTestId('row-country-chip').first()).toHaveText('Belarus')
  await rows.filter({ hasText: 'Sudan army' }).getByTestId('row-country-chip').first().click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Sudan army')
  await expect(page.getByTestId('list-filter-chips')).toContainText('Sudan')
  await page.getByRole('button', { name: 'Remove the filter Sudan' }).click()
  await expect(rows).toHaveCount(2)

  // The reader's chips: correct a wrong tag in two clicks, add one by typing.
  await belarusRow.click()
  const reader = page.getByTestId('reader-countries')
  await expect(reader.getByTestId('reader-country-chip').first()).toHaveAttribute('data-code', 'BY')
  const lithuania = reader.locator('[data-testid="reader-country-chip"][data-code="LT"]')
  await expect(lithuania).toBeVisible()
  await expect(page.getByTestId('locator-map').locator('.is-primary[data-code="BY"]')).toBeAttached()
  await lithuania.getByTestId('country-chip-menu').click()
  await reader.getByTestId('country-remove').click()
  await expect(reader.locator('[data-testid="reader-country-chip"][data-code="LT"]')).toHaveCount(0)
  await reader.getByTestId('country-add').click()
  await reader.getByTestId('country-add-input').fill('Georgia')
  await reader.getByTestId('country-add-input').press('Enter')
  await expect(reader.locator('[data-testid="reader-country-chip"][data-code="GE"]')).toBeVisible()
  await mkdir('docs/screenshots', { recursive: true })
  await page.screenshot({ path: 'docs/screenshots/countries-reader.png' })

  // The Countries view: counts, unread in bold, a search box, two orders.
  await page.getByTestId('open-countries').click()
  const lines = page.getByTestId('country-line')
  await expect(lines.first()).toBeVisible()
  await expect(page.getByTestId('country-table')).toContainText('Sudan')
  await expect(
    page.locator('[data-testid="country-line"][data-code="LT"]'),
    'the removed tag is gone',
  ).toHaveCount(0)
  // Bold where the country has unread articles: Belarus's lines follow that article's state.
  await page.getByTestId('filter-all').click()
  await belarusRow.click()
  const wasUnread = (await belarusRow.getAttribute('data-unread')) === 'true'
  await page.keyboard.press('u')
  await expect(belarusRow).toHaveAttribute('data-unread', wasUnread ? 'false' : 'true')
  await page.getByTestId('open-countries').click()
  const georgia = page.locator('[data-testid="country-line"][data-code="GE"]')
  if (wasUnread) await expect(georgia).not.toHaveClass(/has-unread/)
  else await expect(georgia).toHaveClass(/has-unread/)
  await page.getByTestId('filter-unread').click()
  await page.getByTestId('open-countries').click()
  await expect(page.locator('[data-testid="country-line"][data-code="GE"]')).toHaveCount(wasUnread ? 0 : 1)
  await page.getByTestId('filter-all').click()
  await page.getByTestId('open-countries').click()
  await page.getByTestId('countries-sort-name').click()
  const names = await lines.locator('.country-line-name').allTextContents()
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')))
  await page.getByTestId('countries-search').fill('chad')
  await expect(lines).toHaveCount(1)
  await expect(lines.first()).toContainText('Chad')
  await expect(lines.first()).toContainText('0')
  await page.getByTestId('countries-search').fill('')
  await page.screenshot({ path: 'docs/screenshots/countries-view.png' })

  // The map: shaded by count, a name and counts on hover, a click filters the list.
  await page.getByTestId('countries-tab-map').click()
  const sudan = page.locator('.map-country[data-code="SD"]')
  await expect(sudan).toHaveAttribute('data-level', /[1-5]/)
  await expect(page.locator('.map-country[data-code="TD"]')).toHaveAttribute('data-level', '0')
  await expect(page.getByTestId('map-legend')).toContainText('none')
  await sudan.hover()
  await expect(page.getByTestId('map-tooltip')).toContainText('Sudan')
  await expect(page.getByTestId('map-tooltip')).toContainText('1 article')
  await page.screenshot({ path: 'docs/screenshots/countries-map.png' })

  // The map counts within the list's dates: nothing was saved in 2020.
  await page.getByTestId('countries-to').fill('2020-12-31')
  await expect(sudan).toHaveAttribute('data-level', '0')
  await page.getByRole('button', { name: 'Remove the filter Until 2020-12-31' }).click()
  await expect(sudan).toHaveAttribute('data-level', /[1-5]/)
  await sudan.click({ force: true })
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Sudan army')

  // Corrections survive re-tagging the whole library.
  await page.getByTestId('open-countries').click()
  await page.getByTestId('retag-button').click()
  await expect(page.getByTestId('retag-result')).toContainText('Done: 2 articles')
  await expect(page.locator('[data-testid="country-line"][data-code="GE"]')).toBeVisible()
  await expect(page.locator('[data-testid="country-line"][data-code="LT"]')).toHaveCount(0)

  expect(outside, 'no request left the machine').toEqual([])
})
