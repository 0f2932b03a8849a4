import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/** Debian's Chromium here; elsewhere (the release workflow's runners) Playwright's own. */
const systemChromium = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
const chromium = process.env.CHROMIUM_PATH ?? systemChromium

/**
 * End-to-end tests drive the real app through its browser host in Debian's Chromium. Playwright's
 * own browser download cannot run here, so the system Chromium is used (CHROMIUM_PATH to override).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
    trace: 'off',
  },
})
