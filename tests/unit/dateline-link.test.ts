import { describe, expect, it } from 'vitest'
import { BOOKMARKLET, MAX_LINK_CHARS, parseDatelineLink } from '../../src/shared/dateline-link'

const add = (url: string): string => `dateline://add?url=${encodeURIComponent(url)}`

describe('dateline:// links', () => {
  it('offers to save the web address of an add link', () => {
    expect(parseDatelineLink(add('https://news.example/world/story?id=7#top'))).toEqual({
      ok: true,
      action: 'add',
      url: 'https://news.example/world/story?id=7#top',
    })
    expect(parseDatelineLink('dateline://ADD/?url=http%3A%2F%2Fnews.example%2Fa')).toMatchObject({
      ok: true,
      url: 'http://news.example/a',
    })
  })

  it('refuses every other action', () => {
    for (const raw of [
      'dateline://delete?url=https%3A%2F%2Fa.example',
      'dateline://open?id=0123456789abcdef',
      'dateline://settings?checkForUpdates=true',
      'dateline://add/../export?url=https%3A%2F%2Fa.example',
      'dateline://add/extra?url=https%3A%2F%2Fa.example',
      'dateline:add?url=https%3A%2F%2Fa.example',
      'dateline://user:pw@add?url=https%3A%2F%2Fa.example',
    ]) {
      expect(parseDatelineLink(raw), raw).toMatchObject({ ok: false })
    }
  })

  it('refuses links of other schemes, and things that are not links', () => {
    for (const raw of ['https://news.example/a', 'javascript:alert(1)', '', 'add?url=x', '\u0000']) {
      expect(parseDatelineLink(raw), raw).toMatchObject({ ok: false })
    }
  })

  it('saves only http and https addresses: never javascript:, data:, file: or another dateline link', () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'dateline://add?url=https://a.example',
      'ftp://files.example/a',
      'about:blank',
      '//news.example/a',
      '/world/a',
    ]) {
      expect(parseDatelineLink(add(url)), url).toMatchObject({ ok: false })
    }
  })

  it('refuses an address with a user name or password in it', () => {
    const result = parseDatelineLink(add('https://admin:hunter2@intranet.example/'))
    expect(result).toMatchObject({ ok: false })
    expect(JSON.stringify(result)).not.toContain('hunter2')
    expect(parseDatelineLink(add('https://admin@intranet.example/'))).toMatchObject({ ok: false })
  })

  it('refuses addresses disguised with spaces or control characters', () => {
    for (const url of [
      'https://news.example/a b',
      'https://news.example/\u0000',
      'https://a.example/\u202e',
    ]) {
      const result = parseDatelineLink(add(url))
      if (url.includes('\u202e')) {
        // A bidi override is percent-escaped by the URL parser, so it cannot disguise the address.
        expect(result).toMatchObject({ ok: true, url: 'https://a.example/%E2%80%AE' })
      } else {
        expect(result, url).toMatchObject({ ok: false })
      }
    }
  })

  it('refuses two addresses in one link, and none', () => {
    expect(parseDatelineLink(`${add('https://a.example/')}&url=https%3A%2F%2Fb.example`)).toMatchObject({
      ok: false,
    })
    expect(parseDatelineLink('dateline://add')).toMatchObject({ ok: false })
    expect(parseDatelineLink('dateline://add?url=')).toMatchObject({ ok: false })
  })

  it('refuses huge links before parsing them, and addresses past 8,192 characters', () => {
    const huge = `dateline://add?url=${'a'.repeat(MAX_LINK_CHARS)}`
    expect(parseDatelineLink(huge)).toMatchObject({ ok: false, reason: expect.stringContaining('too long') })
    expect(parseDatelineLink(add(`https://a.example/${'x'.repeat(8200)}`))).toMatchObject({ ok: false })
    expect(parseDatelineLink(add(`https://a.example/${'x'.repeat(8000)}`))).toMatchObject({ ok: true })
  })

  it('ignores other arguments: they cannot change what is done', () => {
    expect(parseDatelineLink(`${add('https://a.example/')}&action=delete&collection=1`)).toEqual({
      ok: true,
      action: 'add',
      url: 'https://a.example/',
    })
  })

  it("the bookmarklet makes a link the parser accepts for the page's own address", () => {
    const location = { href: 'https://news.example/a?b=1&c=2' }
    // Run the bookmarklet's expression against a stand-in for the page's location.
    const body = BOOKMARKLET.replace(/^javascript:void\(/, '').replace(/\)$/, '')
    const run = new Function('location', `${body}; return location.href`) as (l: { href: string }) => string
    expect(parseDatelineLink(run(location))).toMatchObject({
      ok: true,
      url: 'https://news.example/a?b=1&c=2',
    })
  })
})
