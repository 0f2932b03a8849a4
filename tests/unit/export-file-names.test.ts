import { describe, expect, it } from 'vitest'
import type { Article } from '../../src/shared/article'
import { FileNames, safeFileStem } from '../../src/main/export/file-names'
import { exportFileName } from '../../src/main/export/standalone-html'

describe('export file names from headlines', () => {
  it('keeps the headline readable in any script', () => {
    expect(safeFileStem('Talks resume after a week of strikes')).toBe('Talks resume after a week of strikes')
    expect(safeFileStem('北陸新幹線、敦賀以西のルート')).toBe('北陸新幹線、敦賀以西のルート')
    expect(safeFileStem('רכבת קלה חדשה')).toBe('רכבת קלה חדשה')
  })

  it('never makes a path, a hidden file, a device name or an invisible direction change', () => {
    expect(safeFileStem('../../etc/passwd')).toBe('etc passwd')
    expect(safeFileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j')
    expect(safeFileStem('.bashrc')).toBe('bashrc')
    expect(safeFileStem('CON')).toBe('CON (article)')
    expect(safeFileStem('evil\u202Etxt.exe')).toBe('evil txt.exe')
    expect(safeFileStem('   ')).toBe('Untitled')
  })

  it('stays within 120 bytes without cutting a character in half', () => {
    const stem = safeFileStem('Ж'.repeat(200))
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(120)
    expect(stem).toBe('Ж'.repeat(60))
  })

  it('cuts at whole characters as seen, and never leaves a trailing dot or space for Windows to drop', () => {
    const family = '👨‍👩‍👧'
    const stem = safeFileStem(family.repeat(20))
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(120)
    expect(stem.length % family.length, 'no family split in two').toBe(0)
    const accented = safeFileStem('e\u0301'.repeat(100))
    expect(accented.normalize('NFC'), 'NFC: é as one character').toBe(accented)
    expect(safeFileStem(`${'a'.repeat(118)}. b`), 'a cut that ends in a dot').toBe('a'.repeat(118))
    expect(safeFileStem('Report... ')).toBe('Report')
  })

  it('refuses every Windows device name, with an extension or not', () => {
    for (const name of [
      'con',
      'PRN',
      'Aux',
      'NUL.tar',
      'COM1',
      'com¹',
      'LPT9',
      'CONIN$',
      'conout$',
      'CLOCK$',
    ]) {
      expect(safeFileStem(name), name).toBe(`${name} (article)`)
    }
    expect(safeFileStem('Console wars')).toBe('Console wars')
  })

  it('makes the one-article export name from the headline in its own script, not an ASCII slug', () => {
    const article = { title: 'Погода: в Москве выпал снег', id: 'a7e5fa0011223344' } as Article
    expect(exportFileName(article, 'txt')).toBe('Погода в Москве выпал снег a7e5fa.txt')
    expect(exportFileName({ ...article, title: '...' }, 'html')).toBe('Article a7e5fa.html')
  })

  it('hands out each name once, as case-insensitive file systems compare them', () => {
    const names = new FileNames()
    expect(names.unique('Same', 'md')).toBe('Same.md')
    expect(names.unique('same', 'md')).toBe('same 2.md')
    expect(names.unique('Same', 'md')).toBe('Same 3.md')
    expect(names.unique('Same', 'html')).toBe('Same.html')
  })
})
