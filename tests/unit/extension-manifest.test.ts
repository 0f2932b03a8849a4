import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

interface Manifest {
  manifest_version: number
  permissions: string[]
  host_permissions: string[]
  background: { service_worker?: string; scripts?: string[]; type?: string }
  commands: Record<string, { suggested_key?: { default?: string } }>
  content_scripts?: unknown
  externally_connectable?: unknown
  web_accessible_resources?: unknown
  browser_specific_settings?: { gecko?: { id?: string } }
}

const manifest = JSON.parse(
  readFileSync(new URL('../../extension/manifest.json', import.meta.url), 'utf8'),
) as Manifest

describe("the extension's manifest", () => {
  it('is Manifest V3 with one background that Chromium and Firefox both run', () => {
    expect(manifest.manifest_version).toBe(3)
    expect(manifest.background.service_worker).toBe('background.js')
    expect(manifest.background.scripts).toEqual(['background.js'])
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/@/)
  })

  it('reaches only loopback by itself, and a page only when the person asks (activeTab)', () => {
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*'])
    expect(manifest.permissions).toContain('activeTab')
    expect(manifest.permissions).not.toContain('tabs')
    expect(manifest.permissions).not.toContain('cookies')
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>')
  })

  it('gives web pages no way in: no content scripts, no messaging from sites, no resources they can load', () => {
    expect(manifest.content_scripts).toBeUndefined()
    expect(manifest.externally_connectable).toBeUndefined()
    expect(manifest.web_accessible_resources).toBeUndefined()
  })

  it('has a shortcut that saves the page and one that opens the popup', () => {
    expect(manifest.commands['save-page']?.suggested_key?.default).toBeTruthy()
    expect(manifest.commands['_execute_action']?.suggested_key?.default).toBeTruthy()
  })
})
