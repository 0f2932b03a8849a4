import { existsSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test'
import { startHost } from './support/browser-host'
import { expect, test } from './support/fixtures'
import { articleFrame, loadedImageWidths, tempLibrary } from './support/library'
import {
  HEADLINE,
  PAYWALL_TEXT,
  SESSION_COOKIE,
  startLoggedInSite,
  STORY_PARAGRAPHS,
} from './support/logged-in-site'

/**
 * The browser extension, loaded unpacked into Debian's Chromium (new headless mode loads
 * extensions; the old one could not), paired with `dateline serve` and saving a page that only a
 * logged-in reader sees, whole only after its script ran.
 */
const EXTENSION_DIR = resolve('out/extension')
const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

interface LoadedExtension {
  context: BrowserContext
  worker: Worker
  id: string
  close(): Promise<void>
}

async function launchWithExtension(): Promise<LoadedExtension> {
  const profile = await mkdtemp(join(tmpdir(), 'dateline-ext-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    ...(CHROMIUM ? { executablePath: CHROMIUM } : {}),
    headless: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }))
  return {
    context,
    worker,
    id: new URL(worker.url()).host,
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/** What axe finds wrong in a part of a page, one line per rule, so a failure names it. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).analyze()
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)
}

test.skip(
  !existsSync(join(EXTENSION_DIR, 'manifest.json')),
  'out/extension is not built: run npm run build first',
)

test('a logged-in page saved with the extension reads in Dateline, whole and with its picture, once the site is gone', async ({
  dateline,
}) => {
  const site = await startLoggedInSite()
  const browser = await launchWithExtension()
  try {
    const { context, worker, id } = browser
    await context.addCookies([{ ...SESSION_COOKIE, domain: '127.0.0.1', path: '/' }])

    // Dateline shows a code; the person types it into the extension's popup with the port.
    const app = await context.newPage()
    await app.goto(dateline.url)
    await app.getByTestId('open-extension-settings').click()
    const port = await app.getByTestId('extension-port').textContent()
    expect(port).toBe(new URL(dateline.url).port)
    await app.getByTestId('start-pairing').click()
    const code = (await app.getByTestId('pairing-code').textContent())!.trim()
    expect(await axeViolations(app, '[data-testid="extension-view"]')).toEqual([])

    const popup = await context.newPage()
    await popup.goto(`chrome-extension://${id}/popup.html`)
    await popup.locator('#port').fill(port!)
    await popup.locator('#code').fill(code)
    await popup.locator('#pair').click()
    await expect(popup.locator('#reach')).toContainText('Dateline is running')
    await expect(app.getByTestId('paired-extensions')).toContainText(/Chrom(e|ium) on /)
    await expect(app.getByTestId('pairing-code')).toHaveCount(0)

    // The person reads the story, logged in, after the site's script has built it.
    const news = await context.newPage()
    await news.goto(site.articleUrl)
    await expect(news.locator('body[data-story-ready="yes"]')).toHaveCount(1)
    await expect(news.locator('#story')).toContainText(STORY_PARAGRAPHS[5]!)

    // The web page itself cannot talk to Dateline's port: the browser refuses it for Dateline.
    const pageCall = await news.evaluate(
      (url) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(
          (response) => `answered ${response.status}`,
          () => 'refused',
        ),
      `http://127.0.0.1:${port}/extension/v1/status`,
    )
    expect(pageCall).toBe('refused')

    // Save it from the popup (opened as a page here, so it is told which tab to save).
    const tabId = await worker.evaluate(async (url) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
      ).chrome
      return (await api.tabs.query({ url }))[0]?.id
    }, site.articleUrl)
    expect(tabId).toBeGreaterThan(0)
    await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`)
    await expect(popup.locator('#reach')).toContainText('Dateline is running')
    await popup.locator('#save-page').click()
    await expect(popup.getByTestId('save-result')).toContainText(`Saved: ${HEADLINE}`)
    expect(await axeViolations(popup, 'body')).toEqual([])

    // Dateline never fetched the page itself (it would have got the paywall): only the picture.
    const fetchedWithoutLogin = site.requests.filter((r) => !r.loggedIn).map((r) => r.path)
    expect(fetchedWithoutLogin).toEqual(['/img/harbour.png'])

    await site.close()
    await popup.locator('#open').click()
    await expect(app.getByTestId('reader-title')).toHaveText(HEADLINE)
    const frame = await articleFrame(app)
    await expect(frame.locator('body')).toContainText(STORY_PARAGRAPHS[5]!)
    await expect(frame.locator('body')).not.toContainText(PAYWALL_TEXT)
    expect(await loadedImageWidths(frame, 1)).toEqual([640])

    // Revoked in Dateline's settings, the extension is asked to pair again.
    await app.getByTestId('open-extension-settings').click()
    await app.getByRole('button', { name: /^Revoke / }).click()
    await expect(app.getByTestId('paired-extensions')).toHaveCount(0)
    await popup.reload()
    await expect(popup.locator('#pairing')).toBeVisible()
    await expect(popup.locator('#pair-message')).toContainText('Pair it again')
  } finally {
    await browser.close()
    await site.close().catch(() => undefined)
  }
})

/** A port nothing listens on now, so Dateline can be stopped and started again at the same address. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('a page saved while Dateline is closed waits in the extension and is saved when Dateline is back', async () => {
  const library = await tempLibrary()
  const port = await freePort()
  let host = await startHost(library.dir, port)
  const site = await startLoggedInSite()
  const browser = await launchWithExtension()
  try {
    const { context, worker, id } = browser
    await context.addCookies([{ ...SESSION_COOKIE, domain: '127.0.0.1', path: '/' }])
    const pairing = await fetch(`${host.url}api/extension.startPairing`, { method: 'POST', body: '{}' })
    const { value } = (await pairing.json()) as { value: { code: string } }
    const popup = await context.newPage()
    await popup.goto(`chrome-extension://${id}/popup.html`)
    await popup.locator('#port').fill(String(port))
    await popup.locator('#code').fill(value.code)
    await popup.locator('#pair').click()
    await expect(popup.locator('#reach')).toContainText('Dateline is running')

    const news = await context.newPage()
    await news.goto(site.articleUrl)
    await expect(news.locator('body[data-story-ready="yes"]')).toHaveCount(1)
    const tabId = await worker.evaluate(async (url) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
      ).chrome
      return (await api.tabs.query({ url }))[0]?.id
    }, site.articleUrl)

    await host.stop()
    await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`)
    await expect(popup.locator('#reach')).toContainText('Dateline is not running')
    await popup.locator('#save-page').click()
    await expect(popup.getByTestId('save-result')).toContainText(`Kept for later: ${HEADLINE}`)
    await expect(popup.locator('#queue-count')).toHaveText('1 save waits for Dateline.')

    // The person closes the tab and the site is gone; what waits is the page as it was read.
    await news.close()
    await site.close()
    host = await startHost(library.dir, port)
    await popup.locator('#retry').click()
    await expect(popup.getByTestId('save-result')).toContainText(`Saved: ${HEADLINE}`)
    await expect(popup.locator('#queue')).toBeHidden()

    const listed = await fetch(`${host.url}api/articles.list`, { method: 'POST', body: '{}' })
    const page = (await listed.json()) as { value: { total: number; items: { title: string }[] } }
    expect(page.value.total).toBe(1)
    expect(page.value.items[0]!.title).toBe(HEADLINE)
  } finally {
    await browser.close()
    await site.close().catch(() => undefined)
    await host.stop()
    await library.remove()
  }
})
