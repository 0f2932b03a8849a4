import { describe, expect, it } from 'vitest'
import { fileInput, linkFromDrop, pasteInput, urlInput } from '../../src/renderer/src/lib/capture-input'

describe('what the add dialog sends', () => {
  it('adds https:// to an address typed without it', () => {
    expect(urlInput('  example.com/news/story ')).toEqual({
      kind: 'url',
      url: 'https://example.com/news/story',
    })
    expect(urlInput('http://example.com/a')).toEqual({ kind: 'url', url: 'http://example.com/a' })
  })

  it('sends pasted HTML as HTML and pasted prose as text', () => {
    expect(pasteInput('<article><p>Story</p></article>')).toEqual({
      kind: 'html',
      html: '<article><p>Story</p></article>',
    })
    expect(pasteInput('Headline\n\nFirst paragraph < second.')).toMatchObject({ kind: 'text' })
  })

  it('refuses an empty paste or address with a sentence, before calling the library', () => {
    expect(() => pasteInput('   ')).toThrow('Paste the text or HTML of an article first.')
    expect(() => urlInput('')).toThrow('Give the address of the article.')
  })

  it('reads .txt files as text and .html files as HTML, keeping the file name', async () => {
    const text = new File(['Headline\n\nBody'], 'dispatch.txt', { type: 'text/plain' })
    expect(await fileInput(text)).toEqual({
      kind: 'text',
      text: 'Headline\n\nBody',
      fileName: 'dispatch.txt',
    })
    const page = new File(['<p>x</p>'], 'saved.HTM')
    expect(await fileInput(page)).toEqual({ kind: 'html', html: '<p>x</p>', fileName: 'saved.HTM' })
    await expect(fileInput(new File(['%PDF'], 'report.pdf'))).rejects.toThrow('.html, .htm and .txt')
  })
})

describe('a link dropped on the window', () => {
  it('is taken from the uri-list, skipping comments, else from plain text; anything else is ignored', () => {
    expect(linkFromDrop('# from a browser\nhttps://example.com/story\n', '')).toBe(
      'https://example.com/story',
    )
    expect(linkFromDrop('', ' https://example.com/b ')).toBe('https://example.com/b')
    expect(linkFromDrop('javascript:alert(1)', 'not a link')).toBeNull()
  })
})

describe('a file saved in a legacy encoding', () => {
  it('is read in its own encoding, not as UTF-8 noise', async () => {
    const bytes = Uint8Array.from([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x64, 0x75, 0x20, 0x6d, 0x61, 0x72, 0x63, 0x68, 0xe9,
    ])
    expect(await fileInput(new File([bytes], 'note.txt'))).toMatchObject({
      kind: 'text',
      text: 'Café du marché',
    })
  })
})
