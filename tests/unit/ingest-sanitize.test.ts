import { describe, expect, it } from 'vitest'
import { collectImageUrls, MISSING_IMAGE_CLASS, sanitizeArticleHtml } from '../../src/main/ingest/sanitize'

const BASE = 'https://news.example/world/story'
const STORED = 'media/ab/' + 'ab'.repeat(32) + '.png'

/** Sanitises with one stored picture, https://news.example/pic.png; every other picture is missing. */
function clean(html: string): string {
  return sanitizeArticleHtml(html, {
    baseUrl: BASE,
    storedImage: (url) => (url === 'https://news.example/pic.png' ? STORED : null),
  })
}

describe('sanitizeArticleHtml removes what could run or reach out', () => {
  it.each([
    ['a <script> and its contents', '<p>Keep</p><script>alert(1)</script>', ['<script', 'alert']],
    [
      'inline onerror and onclick handlers',
      '<p onclick="steal()">Keep<img src="x.png" onerror="steal()"></p>',
      ['onclick', 'onerror', 'steal'],
    ],
    ['an <iframe>', '<p>Keep</p><iframe src="https://evil.example/"></iframe>', ['<iframe', 'evil.example']],
    [
      'a <form> and its <input>',
      '<form action="https://evil.example/"><input name="q" value="v"></form><p>Keep</p>',
      ['<form', '<input', 'evil.example'],
    ],
    [
      'a <meta http-equiv=refresh>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>Keep</p>',
      ['<meta', 'refresh', 'evil.example'],
    ],
    [
      'a <style> block and its rules',
      '<style>body{background:url(https://evil.example/t.png)}</style><p>Keep</p>',
      ['<style', 'evil.example'],
    ],
    [
      'a style attribute with url(javascript:)',
      '<p style="background:url(javascript:alert(1))">Keep</p>',
      ['style=', 'javascript'],
    ],
    [
      'an <object> and an <embed>',
      '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf"><p>Keep</p>',
      ['<object', '<embed', 'evil.example'],
    ],
    [
      'an <svg> with a script inside',
      '<svg><script>alert(1)</script><circle r="4"/></svg><p>Keep</p>',
      ['<svg', '<script', 'alert'],
    ],
    [
      'a <base> that would redirect links',
      '<base href="https://evil.example/"><p>Keep</p>',
      ['<base', 'evil.example'],
    ],
  ])('strips %s', (_what, input, forbidden) => {
    const output = clean(input)
    for (const text of forbidden) expect(output, `output still contains ${text}`).not.toContain(text)
    expect(output, 'the article text around it').toContain('Keep')
  })

  it('keeps the words of a javascript: link but drops its address', () => {
    const output = clean('<p>Read <a href="javascript:alert(1)">the report</a> now</p>')
    expect(output).toContain('the report')
    expect(output).not.toContain('javascript')
    expect(output).not.toContain('href')
  })

  it('drops data: and vbscript: link addresses, keeping the words', () => {
    const output = clean(
      '<p><a href="data:text/html,<script>alert(1)</script>">one</a> <a href="vbscript:msgbox">two</a></p>',
    )
    expect(output).toContain('one')
    expect(output).toContain('two')
    expect(output).not.toMatch(/href/)
  })

  it('drops a protocol-relative link that would change scheme', () => {
    expect(clean('<p><a href="javascript&#58;alert(1)">x</a></p>')).not.toContain('href')
  })

  it('drops ids and classes that pages use to hook in their own scripts and styles', () => {
    const output = clean('<p id="x" class="paywall">Keep</p>')
    expect(output).toBe('<p>Keep</p>')
  })
})

describe('sanitizeArticleHtml keeps the article', () => {
  it('keeps paragraphs, headings, lists, quotes, figures and tables', () => {
    const input =
      '<h2>Heading</h2><p>Para <em>em</em> <strong>strong</strong></p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol>' +
      '<blockquote><p>Quote</p></blockquote>' +
      '<figure><img src="https://news.example/pic.png" alt="A map"><figcaption>Caption</figcaption></figure>' +
      '<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>'
    expect(clean(input)).toBe(
      '<h2>Heading</h2><p>Para <em>em</em> <strong>strong</strong></p>' +
        '<ul><li>one</li></ul><ol><li>two</li></ol>' +
        '<blockquote><p>Quote</p></blockquote>' +
        `<figure><img src="${STORED}" alt="A map" /><figcaption>Caption</figcaption></figure>` +
        '<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>D</td></tr></tbody></table>',
    )
  })

  it('turns an <h1> into an <h2> so the reader’s own title stays the only h1', () => {
    expect(clean('<h1>Title</h1>')).toBe('<h2>Title</h2>')
  })

  it('keeps http, https and mailto links, made absolute against the page', () => {
    const output = clean(
      '<p><a href="http://a.example/x">a</a> <a href="https://b.example/y" title="B">b</a> ' +
        '<a href="mailto:desk@news.example">c</a> <a href="/world/other">d</a></p>',
    )
    expect(output).toContain('href="http://a.example/x"')
    expect(output).toContain('href="https://b.example/y" title="B"')
    expect(output).toContain('href="mailto:desk@news.example"')
    expect(output).toContain('href="https://news.example/world/other"')
  })
})

describe('sanitizeArticleHtml and pictures', () => {
  it('points a stored picture at its media/ path', () => {
    expect(clean('<p><img src="/pic.png" alt="Relative" width="10"></p>')).toBe(
      `<p><img src="${STORED}" alt="Relative" width="10" /></p>`,
    )
  })

  it('replaces a picture that was not stored with a placeholder that loads nothing', () => {
    const output = clean('<p><img src="https://tracker.example/pixel.gif" alt="Minsk at night"></p>')
    expect(output).not.toContain('<img')
    expect(output).not.toContain('tracker.example')
    expect(output).toContain(`class="${MISSING_IMAGE_CLASS}"`)
    expect(output).toContain('aria-label="Minsk at night"')
    expect(output).toContain('Picture not saved: Minsk at night')
  })

  it('keeps the words that follow a missing picture in the same paragraph', () => {
    const output = clean('<p>Before <img src="https://x.example/a.png" alt="A"> and after.</p><p>Next</p>')
    expect(output).toMatch(
      /^<p>Before <span [^>]+>Picture not saved: A<\/span> and after\.<\/p><p>Next<\/p>$/,
    )
  })

  it('gives a placeholder without alt text a generic label', () => {
    expect(clean('<img src="https://x.example/a.png">')).toContain('Picture not saved')
  })

  it('drops an image with no src at all', () => {
    expect(clean('<p>a<img alt="nothing">b</p>')).toBe('<p>ab</p>')
  })

  it('never keeps a data: or javascript: src, even when asked to store it', () => {
    const output = sanitizeArticleHtml(
      '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA">',
      {
        baseUrl: BASE,
        storedImage: () => null,
      },
    )
    expect(output).not.toContain('javascript')
    expect(output).not.toContain('data:')
  })
})

describe('collectImageUrls', () => {
  it('lists each picture once, absolute, in document order, including data: pictures', () => {
    const html =
      '<p><img src="/a.png"><img src="https://cdn.example/b.jpg"><img src="/a.png">' +
      '<img src="data:image/gif;base64,R0lGOD"><img src="javascript:alert(1)"><img></p>'
    expect(collectImageUrls(html, BASE)).toEqual([
      'https://news.example/a.png',
      'https://cdn.example/b.jpg',
      'data:image/gif;base64,R0lGOD',
    ])
  })

  it('skips relative pictures when there is no base address', () => {
    expect(collectImageUrls('<img src="/a.png"><img src="https://x.example/b.png">', null)).toEqual([
      'https://x.example/b.png',
    ])
  })
})
