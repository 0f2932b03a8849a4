import { access, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Highlight } from '@shared/highlights'
import {
  countryEditFiles,
  countryEditsPath,
  readCountryEditsFile,
} from '../../src/main/countries/country-edit-files'
import {
  readCorrespondentsEdit,
  writeCorrespondentsEdit,
} from '../../src/main/correspondents/person-edit-file'
import { highlightFiles, readHighlightsFile } from '../../src/main/highlights/highlight-files'
import { articleDir, libraryLayout, type LibraryLayout } from '../../src/main/library/layout'
import { makeTempDir, removeDir } from '../helpers/temp-library'

/*
 * The person's edits kept beside an article are read by `dateline rebuild` of libraries written by
 * any earlier version: the names and the bytes of these files must stay as they have always been.
 */

const ID = 'ab12cd34ef567890'
let dir: string
let layout: LibraryLayout

beforeEach(async () => {
  dir = await makeTempDir()
  layout = libraryLayout(dir)
  await mkdir(articleDir(layout, ID), { recursive: true })
})

afterEach(async () => {
  await removeDir(dir)
})

const fileOf = (name: string): string => join(articleDir(layout, ID), name)

function highlight(overrides: Partial<Highlight> = {}): Highlight {
  return {
    id: '00000000000000a1',
    articleId: ID,
    exact: 'night trains',
    prefix: 'The ',
    suffix: ' kept',
    start: 4,
    end: 16,
    note: 'Ask the railway',
    colour: 'yellow',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  }
}

describe('the person’s edits kept in an article’s folder', () => {
  it('keeps country edits in country-edits.json as an earlier version wrote them', async () => {
    const edits = [{ code: 'UA', role: 'primary' as const, editedAt: '2026-11-01T10:00:00.000Z' }]
    await countryEditFiles(layout, () => edits).save(ID)
    expect(countryEditsPath(layout, ID)).toBe(fileOf('country-edits.json'))
    expect(await readFile(fileOf('country-edits.json'), 'utf8')).toBe(
      `${JSON.stringify({ edits }, null, 2)}\n`,
    )
    await writeFile(
      fileOf('country-edits.json'),
      JSON.stringify({ edits: [{ ...edits[0], code: 'Ukraine' }] }),
    )
    expect(await readCountryEditsFile(layout, ID)).toEqual([])
  })

  it('keeps the list of correspondents in correspondents.json, and removes it when the list is emptied', async () => {
    await writeCorrespondentsEdit(
      layout,
      ID,
      [{ name: 'Olena Hale', kind: 'person' }],
      new Date('2026-11-01T10:00:00.000Z'),
    )
    expect(await readFile(fileOf('correspondents.json'), 'utf8')).toBe(
      '{\n  "correspondents": [\n    {\n      "name": "Olena Hale",\n      "kind": "person"\n    }\n  ],\n' +
        '  "editedAt": "2026-11-01T10:00:00.000Z"\n}\n',
    )
    // Names are trimmed and blank ones dropped, as the table would refuse them.
    await writeFile(
      fileOf('correspondents.json'),
      JSON.stringify({
        correspondents: [
          { name: '  Tom Hale ', kind: 'person' },
          { name: '   ', kind: 'person' },
        ],
        editedAt: 'x',
      }),
    )
    expect(await readCorrespondentsEdit(layout, ID)).toEqual([{ name: 'Tom Hale', kind: 'person' }])
    await writeCorrespondentsEdit(layout, ID, [], new Date())
    await expect(access(fileOf('correspondents.json'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readCorrespondentsEdit(layout, ID)).toBeNull()
  })

  it('keeps highlights in highlights.json, reading back only this article’s storable ones', async () => {
    const kept = highlight()
    await highlightFiles(layout, () => [kept]).save(ID)
    expect(await readFile(fileOf('highlights.json'), 'utf8')).toBe(
      `${JSON.stringify({ highlights: [kept] }, null, 2)}\n`,
    )
    await writeFile(
      fileOf('highlights.json'),
      JSON.stringify({
        highlights: [
          kept,
          highlight({ id: '00000000000000a2', articleId: 'cd12cd34ef567890' }),
          highlight({ id: '00000000000000a3', start: 9, end: 9 }),
        ],
      }),
    )
    expect(await readHighlightsFile(layout, ID)).toEqual([kept])
  })

  it('writes no highlights file for an article that is not in the library', async () => {
    const gone = 'ef12cd34ef567890'
    await highlightFiles(layout, () => null).save(gone)
    await expect(access(dirname(join(articleDir(layout, gone), 'x')))).rejects.toMatchObject({
      code: 'ENOENT',
    })
  })
})
