import { describe, expect, it } from 'vitest'
import { filesToOpen } from '../../src/main/electron/opened-files'

describe('files the system asks Dateline to open', () => {
  const existing = new Set([
    '/home/a/story.html',
    '/home/a/notes.txt',
    '/home/a/Page.HTM',
    '/home/a/Saved.mhtml',
  ])
  const isFile = (path: string): boolean => existing.has(path)

  it('takes saved pages and text files, relative to where the app was started, once each', () => {
    expect(
      filesToOpen(
        ['story.html', '/home/a/notes.txt', 'story.html', 'Page.HTM', 'Saved.mhtml'],
        '/home/a',
        isFile,
      ),
    ).toEqual(['/home/a/story.html', '/home/a/notes.txt', '/home/a/Page.HTM', '/home/a/Saved.mhtml'])
  })

  it('ignores switches, missing files, other kinds and links', () => {
    expect(
      filesToOpen(
        ['--library', '/lib', '--no-sandbox', 'gone.html', '/home/a/app.exe', 'dateline://add?url=x.html'],
        '/home/a',
        isFile,
      ),
    ).toEqual([])
  })
})
