import { describe, expect, it } from 'vitest'
import { FileNames, safeFileStem } from '../../src/main/export/file-names'

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

  it('hands out each name once, as case-insensitive file systems compare them', () => {
    const names = new FileNames()
    expect(names.unique('Same', 'md')).toBe('Same.md')
    expect(names.unique('same', 'md')).toBe('same 2.md')
    expect(names.unique('Same', 'md')).toBe('Same 3.md')
    expect(names.unique('Same', 'html')).toBe('Same.html')
  })
})
