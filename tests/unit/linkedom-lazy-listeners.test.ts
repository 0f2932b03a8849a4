import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { withLazyListenerMaps } from '../../scripts/linkedom-lazy-listeners'

const installedSource = readFileSync(resolve('node_modules/linkedom/esm/interface/event-target.js'), 'utf8')
const folder = mkdtempSync(join(tmpdir(), 'dateline-event-target-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

interface Listening {
  addEventListener(type: string, listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: string, listener: () => void): void
  dispatchEvent(event: { type: string; bubbles: boolean; _path: unknown[] }): boolean
}

/** The rewritten event-target.js as a module of its own (it imports nothing), as the bundle holds it. */
async function rewrittenEventTarget(): Promise<new () => Listening> {
  const file = join(folder, 'event-target.mjs')
  writeFileSync(file, withLazyListenerMaps(installedSource))
  const module = (await import(pathToFileURL(file).href)) as { EventTarget: new () => Listening }
  return module.EventTarget
}

/** The least of an Event that linkedom's dispatch reads. */
function ping(): { type: string; bubbles: boolean; _path: unknown[] } {
  return { type: 'ping', bubbles: false, _path: [] }
}

describe('linkedom with listener maps made on first use (the build rewrites it)', () => {
  it('rewrites the installed linkedom, and fails loudly on a source it does not know', () => {
    const rewritten = withLazyListenerMaps(installedSource)
    expect(rewritten).toMatch(/constructor\(\) \{\}/)
    expect(rewritten).not.toMatch(/constructor\(\) \{\s*wm\.set/)
    expect(() =>
      withLazyListenerMaps(installedSource.replace('wm.set(this, new Map);', 'init(this);')),
    ).toThrow(/no longer holds/)
  })

  it('still delivers events to listeners added later, once, and not after removal', async () => {
    const EventTarget = await rewrittenEventTarget()
    const target = new EventTarget()
    const quiet = new EventTarget()
    const heard: string[] = []
    const always = (): number => heard.push('always')
    target.addEventListener('ping', always)
    target.addEventListener('ping', () => heard.push('once'), { once: true })
    // A target that never had a listener: removing one and dispatching to it are no-ops, not errors.
    quiet.removeEventListener('ping', always)
    expect(quiet.dispatchEvent(ping())).toBe(true)
    target.dispatchEvent(ping())
    target.dispatchEvent(ping())
    target.removeEventListener('ping', always)
    target.dispatchEvent(ping())
    expect(heard).toEqual(['always', 'once', 'always'])
  })
})
