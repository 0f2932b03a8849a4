import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir, libraryDirIn, resolveLibraryDir } from '../../src/main/library/location'

describe('where the library lives', () => {
  it('finds the same folder as the desktop app on each system', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe(join('/home/ana', '.config', 'Dateline'))
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      join('/cfg', 'Dateline'),
    )
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe(
      join('/Users/ana', 'Library', 'Application Support', 'Dateline'),
    )
    expect(
      defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'Dateline'))
  })

  it('lets --library win over DATELINE_LIBRARY, and that over the default', () => {
    const env = { DATELINE_LIBRARY: '/from/env' }
    expect(resolveLibraryDir('/from/flag', env, '/data')).toBe('/from/flag')
    expect(resolveLibraryDir(undefined, env, '/data')).toBe('/from/env')
    expect(resolveLibraryDir(undefined, {}, '/data')).toBe(libraryDirIn('/data'))
  })
})
