import { expect, test } from './support/fixtures'
import { articleFrame } from './support/library'
import { hostileArticle, STORY } from './support/pages'

test('a hostile page is stored without scripts, handlers, frames or forms, and nothing in it runs when read', async ({
  page,
  dateline,
  newsSite,
}) => {
  const site = await newsSite((origin) => ({
    '/hostile': { type: 'text/html', body: hostileArticle(origin) },
  }))
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(dateline.url)
  await page.getByTestId('add-article').click()
  await page.getByTestId('add-url').fill(`${site.origin}/hostile`)
  await page.getByTestId('add-submit').click()
  await expect(page.getByTestId('reader-title')).toHaveText('A perfectly normal article')

  const stored = await page.evaluate(async () => {
    const call = async (name: string, input: object): Promise<{ value: Record<string, unknown> }> =>
      (await fetch(`api/${name}`, { method: 'POST', body: JSON.stringify(input) })).json()
    const list = await call('articles.list', {})
    const [first] = list.value.items as { id: string }[]
    const article = await call('articles.get', { id: first!.id })
    return article.value.html as string
  })
  expect(stored).toContain(STORY[4]!.slice(0, 40))
  const forbidden = ['<script', 'onerror', 'onclick', 'javascript:', '<iframe', '<form', '<input', '<meta']
  forbidden.push('<style', 'style=', 'url(', '<object', '<embed', '<svg', '/beacon/')
  for (const construct of forbidden) {
    expect(stored, `stored HTML still contains ${construct}`).not.toContain(construct)
  }

  const frame = await articleFrame(page)
  await expect(frame.locator('body')).toContainText(STORY[3]!)
  await expect(frame.getByText('a real link')).toBeVisible()
  expect(await frame.locator('script, iframe, form, object, embed').count()).toBe(0)
  await expect(page).not.toHaveTitle('pwned')
  expect(
    site.requests.filter((path) => path.startsWith('/beacon/')),
    'requests made by page code',
  ).toEqual([])
  expect(dialogs).toEqual([])
})
