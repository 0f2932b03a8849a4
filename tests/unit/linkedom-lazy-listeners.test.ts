import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EventTarget, parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { withLazyListenerMaps } from '../../scripts/linkedom-lazy-listeners'

const installedSource = readFileSync(resolve('node_modules/linkedom/esm/interface/event-target.js'), 'utf8')

describe('linkedom with listener maps made on first use', () => {
  it('rewrites the installed linkedom, and fails loudly on a source it does not know', () => {
    const rewritten = withLazyListenerMaps(installedSource)
    expect(rewritten).toContain('constructor() {}')
    expect(rewritten).not.toMatch(/constructor\(\) \{\s*wm\.set/)
    expect(() =>
      withLazyListenerMaps(installedSource.replace('wm.set(this, new Map);', 'init(this);')),
    ).toThrow(/no longer holds/)
  })

  it('is the linkedom the tests read pages with, as the built app does', () => {
    // The constructor no longer gives each new node a map of its own.
    expect(EventTarget.toString()).toMatch(/constructor\(\) \{\}/)
  })

  it('still delivers events to listeners added later, bubbling, once, and after removal', () => {
    const { document, Event } = parseHTML(
      '<html><body><div id="outer"><p id="inner">Hi</p></div></body></html>',
    )
    const outer = document.getElementById('outer')
    const inner = document.getElementById('inner')
    if (outer === null || inner === null) throw new Error('parse lost the elements')
    const heard: string[] = []
    const onOuter = (): number => heard.push('outer')
    outer.addEventListener('ping', onOuter)
    inner.addEventListener('ping', () => heard.push('inner once'), { once: true })
    // A node that never had a listener: removing one and dispatching to it are no-ops, not errors.
    document.body.removeEventListener('ping', onOuter)
    expect(document.body.dispatchEvent(new Event('ping'))).toBe(true)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    outer.removeEventListener('ping', onOuter)
    inner.dispatchEvent(new Event('ping', { bubbles: true }))
    expect(heard).toEqual(['inner once', 'outer', 'outer'])
  })
})
