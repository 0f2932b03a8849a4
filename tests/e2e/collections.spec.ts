import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { STORY } from './support/pages'
import { expect, test } from './support/fixtures'

const TITLES = [
  'Minsk polling stations close early',
  'Grodno border queues grow',
  'Kyiv restores power to the east',
  'Vilnius hosts opposition talks',
  'Brest crossing reopens for trucks',
]

/** Adds plain-text articles through the host's API (as the window's own client does), oldest first. */
async function addArticles(page: Page, titles: readonly string[]): Promise<void> {
  await page.evaluate(
    async ({ titles, story }) => {
      for (const title of titles) {
        const response = await fetch('api/articles.add', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'text', text: `${title}\n\n${story.join('\n\n')}` }),
        })
        const body = (await response.json()) as { ok: boolean }
        if (!body.ok) throw new Error(`could not add ${title}`)
      }
    },
    { titles, story: STORY },
  )
}

function sidebarCollection(page: Page, name: string): ReturnType<Page['locator']> {
  return page.locator(`[data-testid="collection-item"][data-collection-name="${name}"]`)
}

async function createCollection(page: Page, name: string, smart = false): Promise<void> {
  await page.getByTestId('new-collection').click()
  await page.getByTestId('new-collection-name').fill(name)
  if (smart) await page.getByTestId('new-collection-smart').check()
  await page.getByTestId('new-collection-create').click()
  await expect(sidebarCollection(page, name)).toBeVisible()
}

function rowOf(page: Page, title: string): ReturnType<Page['locator']> {
  return page.getByTestId('article-row').filter({ hasText: title })
}

test('collections: create, pick many and add them, drag onto the sidebar, reorder, smart counts', async ({
  page,
  dateline,
}) => {
  await page.goto(dateline.url)
  await addArticles(page, TITLES)
  await page.reload()
  await expect(page.getByTestId('article-row')).toHaveCount(5)

  // A collection from the sidebar opens its page.
  await createCollection(page, 'Belarus dossier')
  await expect(page.getByTestId('collection-page')).toContainText('Belarus dossier')
  await page.getByTestId('collection-description').fill('Elections and the border, for the long read')
  await page.getByTestId('save-description').click()
  await page.getByTestId('filter-all').click()

  // Multi-select: click, shift+click a range, ctrl+click one out.
  await rowOf(page, 'Brest crossing').click()
  await rowOf(page, 'Kyiv restores').click({ modifiers: ['Shift'] })
  await expect(page.getByTestId('bulk-bar')).toContainText('3 picked')
  await rowOf(page, 'Vilnius hosts').click({ modifiers: ['ControlOrMeta'] })
  await expect(page.getByTestId('bulk-bar')).toContainText('2 picked')
  await expect(rowOf(page, 'Kyiv restores')).toHaveAttribute('aria-selected', 'true')
  await expect(rowOf(page, 'Vilnius hosts')).toHaveAttribute('aria-selected', 'false')
  await expect(rowOf(page, 'Minsk polling')).toHaveAttribute('aria-selected', 'false')

  // The bar, the picked rows and the sidebar's collections are axe-clean (the search box's own
  // aria-controls points at results that are not shown: not this feature's, left to its owner).
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="bulk-bar"]')
    .include('[data-testid="article-list"]')
    .include('.sidebar-section')
    .analyze()
  expect(
    axe.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`).join(', ')}`,
    ),
  ).toEqual([])
  await page.screenshot({ path: 'test-results/collections-bulk.png' })

  await page.getByTestId('bulk-add-to-collection').selectOption({ label: 'Belarus dossier' })
  await expect(page.locator('.toast')).toContainText('2 articles added to “Belarus dossier”')
  await expect(sidebarCollection(page, 'Belarus dossier').getByTestId('collection-count')).toHaveText('2')

  // Escape lets the picked ones go; a row dragged onto the sidebar joins the collection.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0)
  await rowOf(page, 'Grodno border').dragTo(sidebarCollection(page, 'Belarus dossier'))
  await expect(sidebarCollection(page, 'Belarus dossier').getByTestId('collection-count')).toHaveText('3')

  // The collection page: its articles in the order they came in, then reordered by drag and by keys.
  await sidebarCollection(page, 'Belarus dossier').click()
  const items = page.getByTestId('collection-article')
  await expect(items).toHaveText([/Brest crossing/, /Kyiv restores/, /Grodno border/])
  await expect(page.getByTestId('collection-description')).toHaveValue(
    'Elections and the border, for the long read',
  )
  await items.filter({ hasText: 'Grodno border' }).dragTo(items.filter({ hasText: 'Brest crossing' }))
  await expect(items).toHaveText([/Grodno border/, /Brest crossing/, /Kyiv restores/])
  await items.filter({ hasText: 'Kyiv restores' }).locator('.collection-article-title').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await expect(items).toHaveText([/Grodno border/, /Kyiv restores/, /Brest crossing/])
  await page.getByRole('button', { name: 'Move “Grodno border queues grow” down' }).click()
  await expect(items).toHaveText([/Kyiv restores/, /Grodno border/, /Brest crossing/])
  const pageAxe = await new AxeBuilder({ page })
    .include('[data-testid="collection-page"]')
    .include('.sidebar')
    .analyze()
  expect(pageAxe.violations.map((v) => v.id)).toEqual([])
  await page.screenshot({ path: 'test-results/collections-page.png' })
  // The order is the library's, not the window's.
  await page.reload()
  await sidebarCollection(page, 'Belarus dossier').click()
  await expect(items).toHaveText([/Kyiv restores/, /Grodno border/, /Brest crossing/])

  // From the reader: the Collections checklist, and a new collection made there.
  await page.getByTestId('filter-all').click()
  await rowOf(page, 'Minsk polling').click()
  await page.getByTestId('reader-collections').click()
  await page.locator('[data-testid="collection-checkbox"][data-collection-name="Belarus dossier"]').check()
  await expect(sidebarCollection(page, 'Belarus dossier').getByTestId('collection-count')).toHaveText('4')
  await page.getByTestId('reader-new-collection').click()
  await page.getByTestId('new-collection-name').fill('Weekend reading')
  await page.getByTestId('new-collection-create').click()
  await expect(sidebarCollection(page, 'Weekend reading').getByTestId('collection-count')).toHaveText('1')
  await page.keyboard.press('Escape')

  // A smart collection of what the list shows (unread), whose count follows the states. Every
  // article unread first (ctrl/⌘ A and the bar), so the numbers are known.
  await page.getByTestId('filter-all').click()
  await page.getByTestId('article-list').focus()
  await page.keyboard.press('ControlOrMeta+a')
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Mark unread' }).click()
  await page.keyboard.press('Escape')
  const unreadCount = page.getByTestId('filter-unread').locator('.filter-count')
  await expect(unreadCount).toHaveText('5')
  await page.getByTestId('filter-unread').click()
  await createCollection(page, 'Still to read', true)
  const smartCount = sidebarCollection(page, 'Still to read').getByTestId('collection-count')
  await expect(smartCount).toHaveText('5')
  await page.getByTestId('filter-all').click()
  await rowOf(page, 'Vilnius hosts').click({ modifiers: ['ControlOrMeta'] })
  await rowOf(page, 'Grodno border').click({ modifiers: ['ControlOrMeta'] })
  await expect(page.getByTestId('bulk-bar')).toContainText('2 picked')
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Mark read' }).click()
  await expect(unreadCount).toHaveText('3')
  await expect(smartCount).toHaveText('3')
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Mark unread' }).click()
  await expect(smartCount).toHaveText('5')
  await page.screenshot({ path: 'test-results/collections-sidebar.png' })

  // Deleting a collection keeps its articles.
  await sidebarCollection(page, 'Belarus dossier').click()
  await page.getByTestId('delete-collection').click()
  await page.getByTestId('confirm-delete-collection').click()
  await expect(sidebarCollection(page, 'Belarus dossier')).toHaveCount(0)
  await page.getByTestId('filter-all').click()
  await expect(page.getByTestId('article-row')).toHaveCount(5)
})

test('the keyboard picks: Shift+↓, x, ctrl/⌘ A; a bulk delete is undone', async ({ page, dateline }) => {
  await page.goto(dateline.url)
  await addArticles(page, TITLES)
  await page.reload()
  await rowOf(page, 'Kyiv restores').click()
  await page.getByTestId('article-list').focus()
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowDown')
  await expect(page.getByTestId('bulk-bar')).toContainText('3 picked')
  await expect(page.getByTestId('reader-title')).toHaveText('Minsk polling stations close early')
  await page.keyboard.press('x')
  await expect(page.getByTestId('bulk-bar')).toContainText('2 picked')
  await expect(rowOf(page, 'Grodno border')).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0)
  await page.keyboard.press('ControlOrMeta+a')
  await expect(page.getByTestId('bulk-bar')).toContainText('5 picked')
  await expect(page.locator('[data-testid="article-row"][aria-selected="true"]')).toHaveCount(5)
  await page.getByTestId('bulk-delete').click()
  await expect(page.getByTestId('article-row')).toHaveCount(0)
  await page.getByTestId('undo-delete').click()
  await expect(page.getByTestId('article-row')).toHaveCount(5)
})
