import { mkdir, writeFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  allowedHost,
  bearerToken,
  isLoopback,
  newToken,
  resolveListenAddress,
  sameToken,
} from '../../src/main/serve/auth'
import { readStaticFile } from '../../src/main/serve/static-files'
import { makeTempDir, removeDir } from '../helpers/temp-library'

function requestWith(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage
}

describe('tokens', () => {
  it('are long, URL-safe and different each time', () => {
    const a = newToken()
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(newToken()).not.toBe(a)
  })

  it('match only exactly, and never when missing', () => {
    expect(sameToken('abc', 'abc')).toBe(true)
    expect(sameToken('abd', 'abc')).toBe(false)
    expect(sameToken('abcd', 'abc')).toBe(false)
    expect(sameToken('', 'abc')).toBe(false)
    expect(sameToken(null, 'abc')).toBe(false)
  })

  it('are read from a Bearer header, never from a cookie', () => {
    expect(bearerToken(requestWith({ authorization: 'Bearer t1' }))).toBe('t1')
    expect(bearerToken(requestWith({ cookie: 'dateline_token_4417=t2' }))).toBeNull()
    expect(bearerToken(requestWith({}))).toBeNull()
  })
})

describe('allowedHost', () => {
  it('accepts the loopback names with the right port', () => {
    for (const name of ['127.0.0.1:4417', 'localhost:4417', 'LOCALHOST:4417', '[::1]:4417']) {
      expect(allowedHost(name, 4417, '127.0.0.1'), name).toBe(true)
    }
  })

  it('refuses other names, other ports and a missing Host on loopback', () => {
    for (const name of [
      'evil.example',
      'evil.example:4417',
      '127.0.0.1:4418',
      'localhost',
      '127.0.0.1.nip.io:4417',
    ]) {
      expect(allowedHost(name, 4417, '127.0.0.1'), name).toBe(false)
    }
    expect(allowedHost(undefined, 4417, '127.0.0.1')).toBe(false)
  })

  it('accepts the other loopback address it was bound to, and only that one', () => {
    expect(allowedHost('127.0.0.2:4417', 4417, '127.0.0.2')).toBe(true)
    expect(allowedHost('127.0.0.3:4417', 4417, '127.0.0.2')).toBe(false)
  })

  it('accepts any name when deliberately bound to another address', () => {
    expect(allowedHost('reader.lan:4417', 4417, '0.0.0.0')).toBe(true)
  })

  it('knows which addresses are loopback', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '[::1]', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true)
    expect(['0.0.0.0', '192.168.1.4', '::', '::ffff:10.0.0.1'].some(isLoopback)).toBe(false)
    // A name is not an address: 127.lan.test may resolve anywhere, so it is never taken as loopback.
    expect(['127.lan.test', '127.0.0.1.example', 'localhost'].some(isLoopback)).toBe(false)
  })
})

describe('resolveListenAddress', () => {
  const names: Record<string, string[]> = {
    '127.lan.test': ['10.20.30.40'],
    localhost: ['127.0.0.1', '::1'],
    'split.test': ['127.0.0.1', '192.168.7.7'],
  }
  const fakeLookup = async (name: string): Promise<{ address: string }[]> =>
    (names[name] ?? []).map((address) => ({ address }))

  it('resolves a name that merely begins with 127. to where it really points', async () => {
    const address = await resolveListenAddress('127.lan.test', fakeLookup)
    expect(address).toBe('10.20.30.40')
    expect(isLoopback(address)).toBe(false)
  })

  it('keeps localhost on loopback and takes the outside address of a mixed name', async () => {
    expect(isLoopback(await resolveListenAddress('localhost', fakeLookup))).toBe(true)
    expect(await resolveListenAddress('split.test', fakeLookup)).toBe('192.168.7.7')
  })

  it('passes addresses through and names an unknown host in its error', async () => {
    expect(await resolveListenAddress('[::1]', fakeLookup)).toBe('::1')
    await expect(resolveListenAddress('nowhere.test', fakeLookup)).rejects.toThrow('nowhere.test')
  })
})

describe('readStaticFile', () => {
  let root: string

  beforeEach(async () => {
    root = await makeTempDir()
    await mkdir(join(root, 'renderer', 'assets'), { recursive: true })
    await writeFile(join(root, 'renderer', 'index.html'), '<p>shell')
    await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'void 0')
    await writeFile(join(root, 'secret.txt'), 'secret')
  })

  afterEach(async () => {
    await removeDir(root)
  })

  it('serves index.html for / and files with their content type', async () => {
    const dir = join(root, 'renderer')
    expect(await readStaticFile(dir, '/')).toMatchObject({ contentType: 'text/html; charset=utf-8' })
    expect((await readStaticFile(dir, '/assets/app.js'))?.contentType).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/../../secret.txt',
    '/%E0%A4%A',
    '/assets',
  ])('gives nothing for %s', async (path) => {
    expect(await readStaticFile(join(root, 'renderer'), path)).toBeNull()
  })
})
