import { describe, expect, it } from 'vitest'
import { argumentsAfterApp, commandLineOf } from '../../src/main/electron/cli-mode'

const noFiles = (): boolean => false

describe('the installed app decides between its window and the dateline command', () => {
  it('runs the CLI for a command word, with the options that may come before it', () => {
    expect(commandLineOf(['list', '--json'], '/home/a', noFiles)).toEqual(['list', '--json'])
    expect(commandLineOf(['--library', '/tmp/lib', 'add', 'https://x.test/a'], '/', noFiles)).toEqual([
      '--library',
      '/tmp/lib',
      'add',
      'https://x.test/a',
    ])
    expect(commandLineOf(['--json', '--library=/l', 'restore-backup'], '/', noFiles)).not.toBeNull()
    expect(commandLineOf(['--version'], '/', noFiles)).toEqual(['--version'])
    expect(commandLineOf(['-h'], '/', noFiles)).toEqual(['-h'])
  })

  it('opens the window with no arguments, a file, a dateline:// link or Chromium switches', () => {
    expect(commandLineOf([], '/', noFiles)).toBeNull()
    expect(commandLineOf(['/home/a/story.html'], '/', noFiles)).toBeNull()
    expect(commandLineOf(['C:\\Users\\a\\story.mhtml'], '/', noFiles)).toBeNull()
    expect(commandLineOf(['dateline://add?url=https%3A%2F%2Fx.test'], '/', noFiles)).toBeNull()
    expect(commandLineOf(['--no-sandbox'], '/', noFiles)).toBeNull()
    expect(commandLineOf(['--library', '/tmp/lib'], '/', noFiles)).toBeNull()
    // macOS once passed a process serial number to apps started from the Finder.
    expect(commandLineOf(['-psn_0_12345'], '/', noFiles)).toBeNull()
  })

  it('treats a bare word that names a file in the working folder as that file', () => {
    const exists = (path: string): boolean => path === '/home/a/notes'
    expect(commandLineOf(['notes'], '/home/a', exists)).toBeNull()
    expect(commandLineOf(['list'], '/home/a', exists)).toEqual(['list'])
  })

  it('finds the arguments after the executable, and after the script when unpackaged', () => {
    expect(argumentsAfterApp(['/opt/Dateline/dateline', 'list'], false)).toEqual(['list'])
    expect(argumentsAfterApp(['electron', 'out/main/index.js', 'list'], true)).toEqual(['list'])
  })
})
